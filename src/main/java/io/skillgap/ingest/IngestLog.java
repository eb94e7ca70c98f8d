package io.skillgap.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.skillgap.store.Warehouse;
import io.skillgap.store.Table;
import io.skillgap.ingest.LandingFiles.LandingFile;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Which landing files were loaded, in which version and batch: a Delta table keyed by path and version.
 * A file is new when its path was never loaded by another batch, unchanged when its size and
 * modification time (and, if asked, its content hash) match the last version, changed otherwise; a
 * changed file is loaded again as the next version and its earlier version's rows stop counting.
 */
public final class IngestLog {
  private IngestLog() {}

  /** What tonight does with a file. */
  public enum Action { NEW, CHANGED, UNCHANGED }

  /** A listed file with the decision about it; version is the one it will have once loaded; scan is null when unchanged. */
  public record Planned(LandingFile file, Action action, int version, String checksum, FileScan.Result scan) {}

  /** An entry as last logged by another batch. */
  public record Entry(String path, long size, long modified, String checksum, int version, String status) {}

  /**
   * The latest entry of every path from the nights before {@code batchId} (batch ids sort in night order;
   * the default ids are dates). A rerun of a night therefore plans what it planned the first time, and a
   * rerun of an older night does not see what later nights loaded.
   */
  public static Map<String, Entry> latestBefore(Warehouse wh, String batchId) {
    Map<String, Entry> out = new HashMap<>();
    if (!wh.exists(Table.INGEST_LOG)) {
      return out;
    }
    Dataset<Row> log = wh.read(Table.INGEST_LOG).where(col("batch_id").lt(batchId));
    Dataset<Row> latest = log.groupBy("path").agg(max("batch_id").as("batch_id")).join(log, new String[] {"path", "batch_id"});
    // One row per file ever landed: bounded by the number of files, not rows.
    for (Row r : latest.select("path", "size", "modified", "checksum", "version", "status").collectAsList()) {
      out.put(r.getString(0), new Entry(r.getString(0), r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4), r.getString(5)));
    }
    return out;
  }

  /**
   * Decides, per listed file, whether tonight loads it. Only files whose size or modification time moved
   * (or every file, with always-checksum) are scanned, all in one batch; a scanned file whose content hash
   * matches its last version is unchanged.
   */
  public static List<Planned> plan(List<LandingFile> files, Map<String, Entry> latest, boolean alwaysChecksum,
      java.util.function.Function<List<LandingFile>, Map<String, FileScan.Result>> scanner) {
    List<LandingFile> toScan = new ArrayList<>();
    for (LandingFile f : files) {
      Entry prev = latest.get(f.path());
      if (prev == null || alwaysChecksum || prev.size() != f.size() || prev.modified() != f.modified()) {
        toScan.add(f);
      }
    }
    Map<String, FileScan.Result> scans = toScan.isEmpty() ? Map.of() : scanner.apply(toScan);
    List<Planned> out = new ArrayList<>();
    for (LandingFile f : files) {
      Entry prev = latest.get(f.path());
      FileScan.Result c = scans.get(f.location());
      if (c == null) {
        out.add(new Planned(f, Action.UNCHANGED, prev.version(), prev.checksum(), null));
      } else if (prev == null) {
        out.add(new Planned(f, Action.NEW, 1, c.checksum(), c));
      } else if (c.checksum() != null && c.checksum().equals(prev.checksum())) {
        out.add(new Planned(f, Action.UNCHANGED, prev.version(), prev.checksum(), null));
      } else {
        out.add(new Planned(f, Action.CHANGED, prev.version() + 1, c.checksum(), c));
      }
    }
    return out;
  }

  /** A log row for a planned file. */
  public static Row entry(Planned p, String batchId, String encoding, String status, String reason, String detail, Long rows,
      Long lines, Timestamp at) {
    LandingFile f = p.file();
    return RowFactory.create(f.path(), f.location(), f.source().folder(), f.size(), f.modified(), p.checksum(), encoding, p.version(), batchId,
        status, reason, Text.quote(detail), rows, lines, at);
  }

  /** Replaces the batch's entries (a rerun of the night rewrites them). */
  public static void write(SparkSession spark, Warehouse wh, String batchId, List<Row> entries) {
    if (entries.isEmpty() && (!wh.exists(Table.INGEST_LOG) || wh.read(Table.INGEST_LOG).where(col("batch_id").equalTo(batchId)).isEmpty())) {
      return; // nothing tonight and nothing of an earlier attempt to replace: no commit
    }
    wh.replaceBatch(spark.createDataFrame(entries, Table.INGEST_LOG.schema()), Table.INGEST_LOG, "batch_id", batchId);
  }

  /**
   * (path, batch) of every loaded file version that a later night loaded again: their rows no longer count.
   * Small: one row per replaced file version.
   */
  public static Dataset<Row> superseded(Warehouse wh) {
    Dataset<Row> loaded = wh.read(Table.INGEST_LOG).where(col("status").equalTo("loaded"));
    Dataset<Row> current = loaded.groupBy("path").agg(max("batch_id").as("_current"));
    return loaded.join(current, "path").where(col("batch_id").lt(col("_current")))
        .select(col("path").as("_source_file"), col("batch_id").as("_batch_id"));
  }
}
