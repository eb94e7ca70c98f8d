package io.skillgap;

import static org.apache.spark.sql.functions.col;

import io.skillgap.config.Files;
import io.skillgap.config.Reference;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.Timing;
import io.skillgap.config.Warehouse;
import io.skillgap.config.Warehouse.Table;
import io.skillgap.conform.Conform;
import io.skillgap.gap.Gap;
import io.skillgap.ingest.BatchLog;
import io.skillgap.ingest.Ingest;
import io.skillgap.ingest.Ingest.SourceLoad;
import io.skillgap.publish.Publication;
import io.skillgap.publish.Publish;
import io.skillgap.publish.QualityRules;
import io.skillgap.publish.RunSummary;
import io.skillgap.report.Reports;
import io.skillgap.conform.Conform.RunCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * The nightly flow, one layer per step: landing -> bronze -> silver (+ quarantine) -> gold -> quality
 * checks -> published. Every step replaces what an earlier attempt of the same night wrote, so a rerun,
 * a backfill or a restart after a crash ends with the same tables as one clean run.
 */
public final class Pipeline {
  private static final Logger LOG = LogManager.getLogger(Pipeline.class);

  private Pipeline() {}

  /** Exit codes (documented in the README). */
  public static final int OK = 0;
  public static final int ACCOUNTING = 3;
  public static final int QUALITY_FAILED = 5;
  public static final int QUARANTINE_THRESHOLD = 6;
  public static final int POISON_BATCH = 7;

  /** One night: ingest, conform, gap, quality, publish, summary. Returns the exit code. */
  public static int night(SparkSession spark, SkillgapConfig cfg, String command, boolean lockWasStale) {
    long start = System.nanoTime();
    Warehouse wh = warehouse(spark, cfg);
    String batch = cfg.run().batchId();
    RunManifest m = new RunManifest(spark, wh, cfg.paths().warehouse(), batch, command, cfg.configHash());
    Attempts attempts = new Attempts(hadoop(spark), cfg.paths().warehouse());
    List<String> unfinished = unfinishedBatches(wh, attempts);
    boolean recovery = m.start() > 0 || lockWasStale || !unfinished.isEmpty();
    m.recovery = recovery;
    int maxAttempts = cfg.run().maxAttempts();
    if (attempts.failed(batch) >= maxAttempts) {
      String msg = "batch " + batch + " was started " + attempts.failed(batch) + " times and died each time (run.max-attempts "
          + maxAttempts + "): refused. Find the input that kills it (docs/OPERATIONS.md, exit code 7), move it aside, delete "
          + cfg.paths().warehouse() + "/_attempts/" + batch + " and run the night again.";
      LOG.error(msg);
      m.finish("refused", POISON_BATCH, msg);
      return POISON_BATCH;
    }
    List<String> abandoned = new ArrayList<>();
    try (Progress progress = Progress.start(spark, cfg.run().progressSeconds())) {
      Reference ref = Reference.load(spark, cfg.reference());
      long t = System.nanoTime();
      progress.step("ingest");
      attempts.begin(batch);
      List<SourceLoad> loads = Ingest.run(spark, cfg, wh);
      BatchLog.write(hadoop(spark), cfg.paths().warehouse(), batch, loads);
      loads.forEach(l -> m.inputFiles.addAll(l.files()));
      m.stage("ingest", loads.stream().mapToLong(SourceLoad::rows).sum(), t);

      t = System.nanoTime();
      progress.step("conform");
      Set<Integer> touched = new TreeSet<>();
      for (String earlier : unfinished) {
        if (earlier.equals(batch)) {
          continue;
        }
        if (attempts.failed(earlier) >= maxAttempts) {
          abandoned.add(earlier);
          LOG.error("recovery: batch {} died in all {} attempts: left out (delete {}/_attempts/{} once its input is fixed)", earlier,
              attempts.failed(earlier), cfg.paths().warehouse(), earlier);
          continue;
        }
        LOG.warn("recovery: batch {} was left unfinished by a run that died; conforming it again", earlier);
        attempts.begin(earlier);
        touched.addAll(Conform.run(spark, cfg, wh, ref, earlier).touched());
        attempts.done(earlier);
      }
      Conform.Result conformed = Conform.run(spark, cfg, wh, ref, batch);
      attempts.done(batch);
      touched.addAll(conformed.touched());
      m.stage("conform", wh.lastCommitRows(Table.SILVER_GRADUATE_SUPPLY), t);

      t = System.nanoTime();
      boolean everything = recovery || cfg.run().fullRebuild();
      progress.step("gap");
      Gap.run(wh, ref, cfg, everything ? null : touched);
      m.stage("gap", 0, t);

      Map<String, RunCounts> counts = conformed.counts();
      counts.values().forEach(c -> c.quarantineByReason().forEach((k, v) -> m.quarantinedByReason.merge(k, v, Long::sum)));
      counts.forEach((s, c) -> m.rowsPerStage.put("accepted_" + s, c.accepted()));

      List<String> names = Publish.names();
      boolean changed = everything || !touched.isEmpty() || !Publication.complete(hadoop(spark), cfg.paths().publish(), names);
      progress.step("quality");
      List<QualityRules.Result> quality = changed ? QualityRules.check(spark, wh, m.runId, batch) : List.of();
      if (QualityRules.anyErrorFailed(quality)) {
        String msg = "a quality rule of severity ERROR failed: publication skipped, yesterday's tables stay in place";
        LOG.error(msg);
        m.finish("quality_failed", QUALITY_FAILED, msg);
        return QUALITY_FAILED;
      }

      t = System.nanoTime();
      Map<String, Long> tableRows = new LinkedHashMap<>();
      if (changed) {
        progress.step("publish");
        tableRows = publishAll(spark, cfg, wh, ref, batch, m.runId, counts, loads, quality, progress);
      } else {
        LOG.info("nothing new tonight: gold, quality results and the publication stay as they were");
        RunSummary.log(counts, tableRows, List.of());
      }
      m.stage("publish", tableRows.values().stream().mapToLong(Long::longValue).sum(), t);

      int exit = OK;
      String status = "succeeded";
      String message = null;
      try {
        RunSummary.checkAccounting(counts);
      } catch (RunSummary.AccountingException e) {
        LOG.error(e.getMessage());
        exit = ACCOUNTING;
        status = "accounting_broken";
        message = e.getMessage();
      }
      if (exit == OK && !abandoned.isEmpty()) {
        message = "tonight's batch is done, but batch(es) " + abandoned + " died in every attempt and are left out of recovery";
        exit = POISON_BATCH;
        status = "batch_abandoned";
      }
      double share = RunSummary.quarantineShare(counts);
      if (exit == OK && share > cfg.run().maxQuarantineShare()) {
        message = String.format(java.util.Locale.ROOT, "%.1f%% of tonight's rows were quarantined, above run.max-quarantine-share %.1f%%",
            share * 100, cfg.run().maxQuarantineShare() * 100);
        LOG.error(message + " (everything is written; see the quarantine table)");
        exit = QUARANTINE_THRESHOLD;
        status = "quarantine_threshold";
      }
      m.finish(status, exit, message);
      LOG.info("run {} {} with exit code {} ({})", m.runId, status, exit, Timing.since(start));
      return exit;
    } catch (RuntimeException | Error e) {
      // Whatever ends the run (an exception, out of memory), the manifest and _runs/ say so before it exits.
      String status = e instanceof io.skillgap.config.SkillgapConfig.InvalidConfigException ? "bad_config" : "failed";
      try {
        m.finish(status, status.equals("failed") ? SkillGap.FAILED : SkillGap.BAD_CONFIG, io.skillgap.ingest.Text.clip(e.toString(), 2000));
      } catch (RuntimeException | Error inner) {
        e.addSuppressed(inner);
      }
      if (e instanceof Error err) {
        LOG.error("skillgap failed: {}", e.toString(), e);
        return SkillGap.FAILED;
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * Batches whose conform step was started and never finished (a run died in it, or in the recovery of
   * it), in batch order: their conform step is redone.
   */
  static List<String> unfinishedBatches(Warehouse wh, Attempts attempts) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>(attempts.unfinished());
    if (wh.exists(Table.RUN_MANIFEST)) {
      wh.read(Table.RUN_MANIFEST).where(col("status").equalTo("running")).select("batch_id").distinct()
          .collectAsList().forEach(r -> out.add(r.getString(0)));
    }
    return new ArrayList<>(out);
  }

  /** Landing files to bronze only; returns the batch id. */
  public static String ingest(SparkSession spark, SkillgapConfig cfg) {
    String batch = cfg.run().batchId();
    List<SourceLoad> loads = Ingest.run(spark, cfg, warehouse(spark, cfg));
    BatchLog.write(hadoop(spark), cfg.paths().warehouse(), batch, loads);
    return batch;
  }

  /** Bronze to silver and quarantine for a batch. */
  public static Conform.Result conform(SparkSession spark, SkillgapConfig cfg, Reference ref, String batch) {
    return Conform.run(spark, cfg, warehouse(spark, cfg), ref, batch);
  }

  /** Silver to gold, every year. */
  public static void gap(SparkSession spark, SkillgapConfig cfg, Reference ref) {
    Gap.run(warehouse(spark, cfg), ref, cfg, null);
  }

  /** Gold to the published tables (after the quality rules) for a batch's summary; returns the exit code. */
  public static int publish(SparkSession spark, SkillgapConfig cfg, String batch) {
    Warehouse wh = warehouse(spark, cfg);
    String runId = "publish-" + batch + "@" + java.time.Instant.now();
    try (Progress progress = Progress.start(spark, cfg.run().progressSeconds())) {
      progress.step("quality");
      List<QualityRules.Result> quality = QualityRules.check(spark, wh, runId, batch);
      if (QualityRules.anyErrorFailed(quality)) {
        return QUALITY_FAILED;
      }
      progress.step("publish");
      publishAll(spark, cfg, wh, Reference.load(spark, cfg.reference()), batch, runId, Conform.count(wh, batch),
          BatchLog.read(hadoop(spark), cfg.paths().warehouse(), batch), quality, progress);
      return OK;
    }
  }

  /**
   * Writes every published table and the summary aside, then switches them in together (see
   * {@link Publication}); prints the console summary; returns the rows per table.
   */
  static Map<String, Long> publishAll(SparkSession spark, SkillgapConfig cfg, Warehouse wh, Reference ref, String batch, String runId,
      Map<String, RunCounts> counts, List<SourceLoad> loads, List<QualityRules.Result> quality, Progress progress) {
    List<String> names = new ArrayList<>(Publish.names());
    Publication.clearStaging(hadoop(spark), cfg.paths().publish());
    String staging = Publication.staging(cfg.paths().publish(), runId);
    Map<String, Long> tableRows = Publish.tables(wh, staging, cfg.disclosure(), ref);
    if (cfg.report().enabled()) {
      progress.step("report");
      Reports.write(spark, wh, staging, cfg, batch);
      names.addAll(Reports.FOLDERS);
    }
    List<Map<String, Object>> top = RunSummary.topShortages(wh, cfg.run().topN(), cfg.disclosure().threshold());
    Files.writeText(hadoop(spark), staging + "/_summary.json", RunSummary.toJson(RunSummary.document(batch,
        cfg.run().asOfDate().toString(), counts, loads, tableRows, top, cfg.paths().publish(), quality)));
    names.add("_summary.json");
    Publication.switchIn(hadoop(spark), cfg.paths().publish(), staging, names);
    if (!cfg.report().enabled()) {
      // A report of an earlier night beside tonight's tables would mislead: it goes aside with the old tables.
      Publication.retire(hadoop(spark), cfg.paths().publish(), Reports.FOLDERS);
    }
    RunSummary.log(counts, tableRows, top);
    return tableRows;
  }

  /** The batch a single stage works on: the configured one if given, else the latest ingested. */
  public static String latestBatch(SparkSession spark, SkillgapConfig cfg, boolean batchGiven) {
    if (batchGiven) {
      return cfg.run().batchId();
    }
    String latest = BatchLog.latest(hadoop(spark), cfg.paths().warehouse());
    if (latest == null) {
      throw new IllegalStateException("no batch has been ingested into " + cfg.paths().warehouse() + " yet: run `ingest` or `run` first");
    }
    return latest;
  }

  private static Warehouse warehouse(SparkSession spark, SkillgapConfig cfg) {
    return new Warehouse(spark, cfg.paths().warehouse());
  }

  static Configuration hadoop(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }
}
