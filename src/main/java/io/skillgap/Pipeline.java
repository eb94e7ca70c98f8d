package io.skillgap;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.conform.Conform;
import io.skillgap.conform.Accounting;
import io.skillgap.conform.Source;
import io.skillgap.gap.Gap;
import io.skillgap.ingest.BatchLog;
import io.skillgap.ingest.Ingest;
import io.skillgap.ingest.Ingest.SourceLoad;
import io.skillgap.publish.Publication;
import io.skillgap.publish.Publish;
import io.skillgap.publish.QualityRules;
import io.skillgap.publish.RunSummary;
import io.skillgap.reference.Reference;
import io.skillgap.report.Reports;
import io.skillgap.run.ExitCode;
import io.skillgap.run.Progress;
import io.skillgap.store.Files;
import io.skillgap.store.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * The nightly flow, one layer per step: landing -> bronze -> silver (+ quarantine) -> gold -> quality
 * checks -> published. Every step replaces what an earlier attempt of the same night wrote, so a rerun,
 * a backfill or a restart after a crash ends with the same tables as one clean run. {@link Night} keeps
 * the books around the steps (manifest, attempts, recovery, verdict).
 */
public final class Pipeline {
  private static final Logger LOG = LogManager.getLogger(Pipeline.class);

  private Pipeline() {}

  /** One night: ingest, conform, gap, quality, publish. */
  public static ExitCode night(SparkSession spark, SkillgapConfig cfg, String command, boolean lockWasStale) {
    Night night = Night.begin(spark, cfg, command, lockWasStale);
    if (night.poisoned()) {
      return night.refuse();
    }
    try (Progress progress = Progress.start(spark, cfg.run().progressSeconds())) {
      Reference ref = Reference.load(spark, cfg.reference());
      Warehouse wh = warehouse(spark, cfg);
      Night.Ingested in = night.step(progress, "ingest", () -> night.ingest(() -> ingest(spark, cfg)));
      Night.Conformed c = night.step(progress, "conform", () -> night.conform(ref));
      night.step(progress, "gap", () -> new Night.Written(Gap.run(wh, ref, cfg, night.everything() ? null : c.touched())));
      if (!night.everything() && c.touched().isEmpty() && Publication.complete(hadoop(spark), cfg.paths().publish(), Publish.names())) {
        LOG.info("nothing new tonight: gold, quality results and the publication stay as they were");
        RunSummary.log(c.counts(), Map.of(), List.of());
        return night.end(in, c);
      }
      List<QualityRules.Result> quality = new ArrayList<>();
      night.step(progress, "quality", () -> new Night.Written(quality(spark, wh, night.runId(), night.batch(), quality)));
      if (QualityRules.anyErrorFailed(quality)) {
        return night.qualityFailed();
      }
      night.step(progress, "publish", () -> new Night.Written(publishAll(spark, cfg, wh, ref, night.batch(), night.runId(), c.counts(),
          in.loads(), quality, progress).values().stream().mapToLong(Long::longValue).sum()));
      return night.end(in, c);
    } catch (RuntimeException | Error e) {
      return night.fail(e);
    }
  }

  /** The quality rules on gold, kept in {@code results}; returns the rules checked. */
  private static long quality(SparkSession spark, Warehouse wh, String runId, String batch, List<QualityRules.Result> results) {
    results.addAll(QualityRules.check(spark, wh, runId, batch));
    return results.size();
  }

  /** Landing files of every registered source to bronze, as the night's batch; what each source loaded. */
  public static List<SourceLoad> ingest(SparkSession spark, SkillgapConfig cfg) {
    List<SourceLoad> loads = Ingest.run(spark, cfg, warehouse(spark, cfg), List.of(Source.values()));
    BatchLog.write(hadoop(spark), cfg.paths().warehouse(), cfg.run().batchId(), loads);
    return loads;
  }

  /** Bronze to silver and quarantine for a batch. */
  public static Conform.Result conform(SparkSession spark, SkillgapConfig cfg, Reference ref, String batch) {
    return Conform.run(spark, cfg, warehouse(spark, cfg), ref, batch);
  }

  /** Silver to gold, every year. */
  public static void gap(SparkSession spark, SkillgapConfig cfg, Reference ref) {
    Gap.run(warehouse(spark, cfg), ref, cfg, null);
  }

  /** Gold to the published tables (after the quality rules) for a batch's summary. */
  public static ExitCode publish(SparkSession spark, SkillgapConfig cfg, String batch) {
    Warehouse wh = warehouse(spark, cfg);
    String runId = "publish-" + batch + "@" + java.time.Instant.now();
    try (Progress progress = Progress.start(spark, cfg.run().progressSeconds())) {
      progress.step("quality");
      List<QualityRules.Result> quality = QualityRules.check(spark, wh, runId, batch);
      if (QualityRules.anyErrorFailed(quality)) {
        return ExitCode.QUALITY_FAILED;
      }
      progress.step("publish");
      publishAll(spark, cfg, wh, Reference.load(spark, cfg.reference()), batch, runId, Accounting.count(wh, batch),
          BatchLog.read(hadoop(spark), cfg.paths().warehouse(), batch), quality, progress);
      return ExitCode.OK;
    }
  }

  /**
   * Writes every published table and the summary aside, then switches them in together (see
   * {@link Publication}); prints the console summary; returns the rows per table.
   */
  static Map<String, Long> publishAll(SparkSession spark, SkillgapConfig cfg, Warehouse wh, Reference ref, String batch, String runId,
      Map<String, Accounting.Counts> counts, List<SourceLoad> loads, List<QualityRules.Result> quality, Progress progress) {
    List<String> names = new ArrayList<>(Publish.names());
    Publication.clearStaging(hadoop(spark), cfg.paths().publish());
    String staging = Publication.staging(cfg.paths().publish(), runId);
    Map<String, Long> tableRows = Publish.tables(wh, staging, cfg, ref);
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
