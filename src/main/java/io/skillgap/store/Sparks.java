package io.skillgap.store;

import io.skillgap.config.SkillgapConfig;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession from configuration; the master is never hard-coded. */
public final class Sparks {
  private Sparks() {}

  /**
   * A session with Delta Lake enabled. Under spark-submit the master and settings given there win:
   * only keys the launcher did not set are taken from configuration.
   */
  public static SparkSession session(SkillgapConfig.SparkSettings settings) {
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
