package io.skillgap;

import io.skillgap.config.Reference;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.Timing;
import io.skillgap.config.Warehouse;
import io.skillgap.conform.Conform;
import io.skillgap.gap.Gap;
import io.skillgap.ingest.BatchLog;
import io.skillgap.ingest.Ingest;
import io.skillgap.ingest.Ingest.SourceLoad;
import io.skillgap.publish.Publish;
import io.skillgap.publish.RunSummary;
import io.skillgap.publish.RunSummary.SourceCounts;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * The nightly flow, one layer per step: landing -> bronze -> silver (+ quarantine) -> gold -> published.
 * Each step is also a command of its own; run alone, it works on the latest ingested batch.
 */
public final class Pipeline {
  private static final Logger LOG = LogManager.getLogger(Pipeline.class);

  private Pipeline() {}

  /** The whole night. */
  public static void run(SparkSession spark, SkillgapConfig cfg) {
    long start = System.nanoTime();
    Reference ref = Reference.load(spark, cfg.reference());
    String batch = ingest(spark, cfg);
    conform(spark, cfg, ref, batch);
    gap(spark, cfg, ref);
    publish(spark, cfg, batch);
    LOG.info("run {} finished ({})", batch, Timing.since(start));
  }

  /** Landing files to bronze; returns the batch id. */
  public static String ingest(SparkSession spark, SkillgapConfig cfg) {
    String batch = cfg.run().batchId();
    LOG.info("ingest: batch {} from {}", batch, cfg.paths().landing());
    List<SourceLoad> loads = Ingest.run(spark, cfg, warehouse(spark, cfg));
    BatchLog.write(hadoop(spark), cfg.paths().warehouse(), batch, loads);
    return batch;
  }

  /** Bronze to silver and quarantine for a batch. */
  public static void conform(SparkSession spark, SkillgapConfig cfg, Reference ref, String batch) {
    Conform.run(spark, cfg, warehouse(spark, cfg), ref, batch);
  }

  /** Silver to gold. */
  public static void gap(SparkSession spark, SkillgapConfig cfg, Reference ref) {
    Gap.run(warehouse(spark, cfg), ref, cfg);
  }

  /** Gold to Parquet, then the summary: the accounting is checked last, after everything is written. */
  public static void publish(SparkSession spark, SkillgapConfig cfg, String batch) {
    Warehouse wh = warehouse(spark, cfg);
    Map<String, Long> tableRows = Publish.tables(wh, cfg.paths().publish(), cfg.disclosure());
    Map<String, SourceCounts> counts = RunSummary.measure(wh, batch);
    List<Map<String, Object>> top = RunSummary.topShortages(wh, cfg.run().topN());
    Map<String, Object> doc = RunSummary.document(batch, cfg.run().asOfDate().toString(), counts,
        BatchLog.read(hadoop(spark), cfg.paths().warehouse(), batch), tableRows, top, cfg.paths().publish());
    io.skillgap.config.Files.writeText(hadoop(spark), cfg.paths().publish() + "/_summary.json", RunSummary.toJson(doc));
    RunSummary.log(counts, tableRows, top);
    RunSummary.checkAccounting(counts);
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

  private static Configuration hadoop(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }
}
