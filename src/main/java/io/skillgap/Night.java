package io.skillgap;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.conform.Conform;
import io.skillgap.conform.Accounting;
import io.skillgap.ingest.Ingest.SourceLoad;
import io.skillgap.ingest.Text;
import io.skillgap.publish.RunSummary;
import io.skillgap.reference.Reference;
import io.skillgap.run.Attempts;
import io.skillgap.run.ExitCode;
import io.skillgap.run.Progress;
import io.skillgap.run.RunManifest;
import io.skillgap.run.Timing;
import io.skillgap.store.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * The bookkeeping of one night around its steps: the manifest (started, each step's rows and seconds,
 * how it ended), the count of attempts that makes a poison batch stop being retried, the recovery of
 * batches a dead run left unfinished, and the verdict that turns the night's accounting into an exit code.
 */
final class Night {
  private static final Logger LOG = LogManager.getLogger(Night.class);

  /** What a step produced, for the manifest: its rows. */
  interface Step {
    long rows();

    /** What the step adds to the manifest beyond its rows and seconds. */
    default void record(RunManifest manifest) {}
  }

  /** Ingest: what each source loaded. */
  record Ingested(List<SourceLoad> loads) implements Step {
    @Override
    public long rows() {
      return loads.stream().mapToLong(SourceLoad::rows).sum();
    }

    @Override
    public void record(RunManifest manifest) {
      loads.forEach(l -> manifest.inputFiles(l.files()));
    }
  }

  /** Conform (with the recovery of unfinished batches): the years whose figures changed, tonight's accounting. */
  record Conformed(Set<Integer> touched, Map<String, Accounting.Counts> counts) implements Step {
    @Override
    public long rows() {
      return counts.values().stream().mapToLong(Accounting.Counts::accepted).sum();
    }

    @Override
    public void record(RunManifest manifest) {
      counts.forEach((s, n) -> manifest.rows("accepted_" + s, n.accepted()));
      counts.values().forEach(n -> manifest.quarantined(n.quarantineByReason()));
    }
  }

  /** Gap, quality or publish: the rows written (gold, results, published tables). */
  record Written(long rows) implements Step {}

  private final SparkSession spark;
  private final SkillgapConfig cfg;
  private final Warehouse wh;
  private final RunManifest manifest;
  private final Attempts attempts;
  private final List<String> unfinished;
  private final boolean recovery;
  private final List<String> abandoned = new ArrayList<>();
  private final long start = System.nanoTime();

  private Night(SparkSession spark, SkillgapConfig cfg, String command, boolean lockWasStale) {
    this.spark = spark;
    this.cfg = cfg;
    this.wh = new Warehouse(spark, cfg.paths().warehouse());
    this.manifest = new RunManifest(spark, wh, cfg.paths().warehouse(), batch(), command, cfg.configHash());
    this.attempts = new Attempts(spark.sparkContext().hadoopConfiguration(), cfg.paths().warehouse());
    this.unfinished = unfinishedBatches(attempts, manifest);
    this.recovery = manifest.start() > 0 || lockWasStale || !unfinished.isEmpty();
    manifest.recovering(recovery);
  }

  /** Records the start of the night (and marks runs that died as crashed). */
  static Night begin(SparkSession spark, SkillgapConfig cfg, String command, boolean lockWasStale) {
    return new Night(spark, cfg, command, lockWasStale);
  }

  String batch() {
    return cfg.run().batchId();
  }

  String runId() {
    return manifest.runId();
  }

  /** Recompute every gold year: after a crash, or when asked. */
  boolean everything() {
    return recovery || cfg.run().fullRebuild();
  }

  /** Tonight's batch died in every allowed attempt already. */
  boolean poisoned() {
    return attempts.failed(batch()) >= cfg.run().maxAttempts();
  }

  /** Ends a poisoned night before any work, saying what the operator does. */
  ExitCode refuse() {
    String msg = "batch " + batch() + " was started " + attempts.failed(batch()) + " times and died each time (run.max-attempts "
        + cfg.run().maxAttempts() + "): refused. Find the input that kills it (docs/OPERATIONS.md, exit code 7), move it aside, delete "
        + cfg.paths().warehouse() + "/_attempts/" + batch() + " and run the night again.";
    LOG.error(msg);
    manifest.finish(ExitCode.POISON_BATCH.status(), ExitCode.POISON_BATCH, msg);
    return ExitCode.POISON_BATCH;
  }

  /** Runs a step: its progress line, then its rows and seconds in the manifest. */
  <T extends Step> T step(Progress progress, String name, Supplier<T> work) {
    long t = System.nanoTime();
    progress.step(name);
    T result = work.get();
    manifest.stage(name, result.rows(), t);
    result.record(manifest);
    return result;
  }

  /** Ingests tonight's batch, counted as an attempt before the work, so that a run that dies leaves it counted. */
  Ingested ingest(Supplier<List<SourceLoad>> work) {
    attempts.begin(batch());
    return new Ingested(work.get());
  }

  /**
   * Conforms the batches a dead run left unfinished (unless one has died in every allowed attempt: it is
   * left out and the night says so), then tonight's batch.
   */
  Conformed conform(Reference ref) {
    Set<Integer> touched = new TreeSet<>();
    for (String earlier : unfinished) {
      if (earlier.equals(batch())) {
        continue;
      }
      if (attempts.failed(earlier) >= cfg.run().maxAttempts()) {
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
    Conform.Result tonight = Conform.run(spark, cfg, wh, ref, batch());
    attempts.done(batch());
    touched.addAll(tonight.touched());
    return new Conformed(touched, tonight.counts());
  }

  /** Yesterday's publication stays: a quality rule of severity ERROR failed. */
  ExitCode qualityFailed() {
    String msg = "a quality rule of severity ERROR failed: publication skipped, yesterday's tables stay in place";
    LOG.error(msg);
    manifest.finish(ExitCode.QUALITY_FAILED.status(), ExitCode.QUALITY_FAILED, msg);
    return ExitCode.QUALITY_FAILED;
  }

  /**
   * The verdict: accounting first (read = accepted + quarantined per source, and every file's records adding
   * up to its lines), then a batch left out of recovery, then the quarantined share.
   */
  ExitCode end(Ingested in, Conformed c) {
    ExitCode exit = ExitCode.OK;
    String status = exit.status();
    String message = null;
    List<String> broken = RunSummary.brokenAccounting(c.counts());
    in.loads().forEach(l -> l.lineMismatches().forEach(m -> broken.add(l.source() + ": " + m)));
    double share = RunSummary.quarantineShare(c.counts());
    if (!broken.isEmpty()) {
      exit = ExitCode.ACCOUNTING;
      status = exit.status();
      message = "row accounting does not add up: " + String.join("; ", broken);
      LOG.error(message);
    } else if (!abandoned.isEmpty()) {
      exit = ExitCode.POISON_BATCH;
      status = "batch_abandoned";
      message = "tonight's batch is done, but batch(es) " + abandoned + " died in every attempt and are left out of recovery";
    } else if (share > cfg.run().maxQuarantineShare()) {
      exit = ExitCode.QUARANTINE_THRESHOLD;
      status = exit.status();
      message = String.format(Locale.ROOT, "%.1f%% of tonight's rows were quarantined, above run.max-quarantine-share %.1f%%",
          share * 100, cfg.run().maxQuarantineShare() * 100);
      LOG.error(message + " (everything is written; see the quarantine table)");
    }
    manifest.finish(status, exit, message);
    LOG.info("run {} {} with exit code {} ({})", runId(), status, exit.code(), Timing.since(start));
    return exit;
  }

  /**
   * Whatever ends the run (an exception, out of memory), the manifest and _runs/ say so before it exits;
   * an exception goes on to the command line's handler, an error becomes exit code 1 here.
   */
  ExitCode fail(Throwable e) {
    ExitCode exit = e instanceof InvalidConfigException ? ExitCode.BAD_CONFIG : ExitCode.FAILED;
    try {
      manifest.finish(exit.status(), exit, Text.clip(e.toString(), 2000));
    } catch (RuntimeException | Error inner) {
      e.addSuppressed(inner);
    }
    if (e instanceof RuntimeException r) {
      throw r;
    }
    LOG.error("skillgap failed: {}", e.toString(), e);
    return exit;
  }

  /**
   * Batches whose conform step was started and never finished (a run died in it, or in the recovery of
   * it), and those of runs that died, in batch order: their conform step is redone.
   */
  static List<String> unfinishedBatches(Attempts attempts, RunManifest manifest) {
    TreeSet<String> out = new TreeSet<>(attempts.unfinished());
    manifest.deadBatches().stream().filter(b -> !b.isEmpty()).forEach(out::add);
    return new ArrayList<>(out);
  }
}
