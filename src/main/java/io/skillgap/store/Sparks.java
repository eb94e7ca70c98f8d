package io.skillgap.store;

import io.skillgap.config.SkillgapConfig;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession from configuration; the master is never hard-coded. */
public final class Sparks {
  private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(Sparks.class);
  private Sparks() {}

  /**
   * A session with Delta Lake enabled. Under spark-submit the master and settings given there win:
   * only keys the launcher did not set are taken from configuration.
   */
  public static SparkSession session(SkillgapConfig.SparkSettings settings) {
    LocalFiles.install();
    boolean submitted = System.getProperty("spark.master") != null;
    SparkSession.Builder builder = SparkSession.builder().appName(settings.appName());
    String master = submitted ? System.getProperty("spark.master") : settings.master();
    if (!submitted) {
      builder.master(master);
    }
    settings.conf().forEach((k, v) -> {
      if (System.getProperty(k) == null) {
        builder.config(k, v);
      }
    });
    if (master.startsWith("local")) {
      // The machine's hostname may not resolve; a local run needs no network beyond loopback.
      builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession spark = builder
        // CSV exports of government systems come in Windows-1251; Spark 4 accepts only Unicode charsets without this.
        .config("spark.sql.legacy.javaCharsets", "true")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    noChecksumFiles(spark);
    return spark;
  }

  /**
   * Sets where checkpoints go (a folder the cluster's executors all reach, such as the warehouse): unlike a
   * local checkpoint, one there survives the loss of an executor. Returns the folder.
   */
  public static String checkpoints(SparkSession spark, String dir) {
    spark.sparkContext().setCheckpointDir(dir);
    return dir;
  }

  /**
   * Small input runs interpreted (see run.interpreted-below): the landing folder and the warehouse are
   * measured (a listing, no data read), and below the threshold generated code is turned off for the run,
   * unless the configuration sets spark.sql.codegen.* itself.
   */
  public static void sizeForInput(SparkSession spark, io.skillgap.config.SkillgapConfig cfg) {
    long limit = cfg.run().interpretedBelow();
    if (limit <= 0 || cfg.spark().conf().keySet().stream().anyMatch(k -> k.startsWith("spark.sql.codegen."))) {
      return;
    }
    long bytes = size(spark, cfg.paths().landing()) + size(spark, cfg.paths().warehouse());
    if (bytes < limit) {
      spark.conf().set("spark.sql.codegen.wholeStage", "false");
      spark.conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
      LOG.info("small input ({} MB in the landing folder and the warehouse, below run.interpreted-below {} MB): expressions run "
          + "interpreted, without compiling code per query", bytes / 1_000_000, limit / 1_000_000);
    }
  }

  /** Bytes under a folder (0 when it does not exist). */
  private static long size(SparkSession spark, String dir) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
    try {
      org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(p) ? fs.getContentSummary(p).getLength() : 0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot measure " + dir, e);
    }
  }

  /** Removes the run's checkpoints (only one run works on a warehouse at a time: the lock). */
  public static void dropCheckpoints(SparkSession spark, String dir) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
    try {
      p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot remove the checkpoints in " + dir, e);
    }
  }

  /**
   * Hadoop's local file system writes a hidden .crc beside every file; in the publication they only
   * confuse readers (BI tools list them). Delta's own _delta_log checksums are not affected.
   */
  static void noChecksumFiles(SparkSession spark) {
    try {
      org.apache.hadoop.fs.FileSystem.getLocal(spark.sparkContext().hadoopConfiguration()).setWriteChecksum(false);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
