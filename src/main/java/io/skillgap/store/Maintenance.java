package io.skillgap.store;

import io.delta.tables.DeltaTable;
import io.skillgap.run.Timing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * Housekeeping the nights leave to a weekly run, so that a year of nights does not slow the next one:
 * the small files that nightly appends and merges add are compacted (OPTIMIZE), deletion vectors are
 * folded into rewritten files (REORG ... APPLY (PURGE)), and files that no version of the retention
 * period reads are deleted (VACUUM). Rows do not change: every table reads the same before and after.
 */
public final class Maintenance {
  private static final Logger LOG = LogManager.getLogger(Maintenance.class);
  /** Delta refuses a shorter VACUUM retention unless this check is off. */
  static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";
  static final String LISTING_PARALLELISM = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
  /** The table property VACUUM keeps files for, and Delta's default when a table does not set it. */
  static final String RETENTION = "delta.deletedFileRetentionDuration";
  static final String DEFAULT_RETENTION = "interval 168 hours";

  private Maintenance() {}

  /** What one table's maintenance did: data files on disk (any version's) and those the latest version reads. */
  public record Outcome(String table, long filesBefore, long filesAfter, long bytesBefore, long bytesAfter, long liveBefore,
      long liveAfter, double seconds) {}

  /**
   * Maintains each of {@code tables} that exists, one after another; returns what each lost. A retention
   * other than Delta's default week is the tables' {@code delta.deletedFileRetentionDuration} (Delta 4 reads
   * VACUUM's own argument only when it is 0: then its safety check is off for this run).
   */
  public static List<Outcome> run(SparkSession spark, Warehouse wh, List<? extends StoredTable> tables, int retainHours) {
    Map<String, String> settings = new LinkedHashMap<>();
    // VACUUM lists and compares files in as many tasks as partition discovery may use (10,000 by default): on a
    // table of a few files that is minutes of empty tasks; a few per core are plenty for a warehouse's folders.
    settings.put(LISTING_PARALLELISM, String.valueOf(Math.max(2, spark.sparkContext().defaultParallelism() * 4)));
    if (retainHours > 0 && retainHours < 168) {
      LOG.warn("maintain: run.retain-hours {} is under a week: a reader or writer older than that could lose files", retainHours);
    }
    if (retainHours == 0) {
      LOG.warn("maintain: run.retain-hours 0: every file the latest versions do not read is deleted, Delta's safety check off");
      settings.put(RETENTION_CHECK, "false");
    }
    List<Outcome> out = new ArrayList<>();
    withSettings(spark, settings, () -> {
      for (StoredTable t : tables) {
        if (wh.exists(t)) {
          out.add(table(spark, wh, t, retainHours));
        }
      }
    });
    return out;
  }

  /** Runs {@code work} with session settings changed, and puts back what was there before. */
  static void withSettings(SparkSession spark, Map<String, String> settings, Runnable work) {
    Map<String, scala.Option<String>> before = new LinkedHashMap<>();
    settings.forEach((k, v) -> {
      before.put(k, spark.conf().getOption(k));
      spark.conf().set(k, v);
    });
    try {
      work.run();
    } finally {
      before.forEach((k, v) -> {
        if (v.isDefined()) {
          spark.conf().set(k, v.get());
        } else {
          spark.conf().unset(k);
        }
      });
    }
  }

  private static Outcome table(SparkSession spark, Warehouse wh, StoredTable t, int retainHours) {
    long start = System.nanoTime();
    long[] before = onDisk(spark, wh.path(t));
    long liveBefore = liveFiles(spark, wh, t);
    DeltaTable table = DeltaTable.forPath(spark, wh.path(t));
    table.optimize().executeCompaction();
    Map<String, String> properties = wh.properties(t);
    if ("true".equals(properties.get("delta.enableDeletionVectors"))) {
      // Rows a MERGE replaced are only marked deleted; every read filters them until the files are rewritten.
      spark.sql("REORG TABLE " + wh.sqlName(t) + " APPLY (PURGE)");
    }
    String retention = "interval " + retainHours + " hours";
    if (retainHours == 0) {
      table.vacuum(0);
    } else {
      if (!retention.equals(properties.getOrDefault(RETENTION, DEFAULT_RETENTION))) {
        wh.setProperties(t, Map.of(RETENTION, retention)); // one commit, the first time the setting differs
      }
      table.vacuum();
    }
    long[] after = onDisk(spark, wh.path(t));
    Outcome o = new Outcome(t.folder(), before[0], after[0], before[1], after[1], liveBefore, liveFiles(spark, wh, t),
        (System.nanoTime() - start) / 1e9);
    LOG.info("maintain: {}: files on disk {} -> {}, read by the latest version {} -> {} ({})", t.folder(), o.filesBefore(),
        o.filesAfter(), o.liveBefore(), o.liveAfter(), Timing.since(start));
    return o;
  }

  private static long liveFiles(SparkSession spark, Warehouse wh, StoredTable t) {
    return DeltaTable.forPath(spark, wh.path(t)).detail().select("numFiles").first().getLong(0);
  }

  /** Data files under the table's folder (the log excluded), and their bytes. */
  static long[] onDisk(SparkSession spark, String path) {
    Path root = new Path(path);
    long files = 0;
    long bytes = 0;
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String name = f.getPath().getName();
        boolean log = f.getPath().toUri().getPath().contains("/_delta_log/");
        if (!log && (name.endsWith(".parquet") || name.endsWith(".bin"))) {
          files++;
          bytes += f.getLen();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    return new long[] {files, bytes};
  }
}
