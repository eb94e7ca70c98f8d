package io.skillgap.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.Timing;
import io.skillgap.config.Warehouse;
import io.skillgap.config.Warehouse.Table;
import io.skillgap.ingest.IngestLog.Action;
import io.skillgap.ingest.IngestLog.Planned;
import io.skillgap.ingest.LandingReader.FileProblem;
import io.skillgap.ingest.LandingReader.LandingRead;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Landing to bronze: the files the ingest log has not seen (or whose content changed) are read, every row
 * kept as text with its file, batch and load time, and logged. Running a night again replaces its batch.
 */
public final class Ingest {
  private static final Logger LOG = LogManager.getLogger(Ingest.class);

  private Ingest() {}

  /** What the ingest of one source did tonight. */
  public record SourceLoad(String source, List<String> files, List<String> changed, int unchanged, List<FileProblem> rejected,
      List<String> warnings, long rows) {}

  /** The bronze table each source lands in. */
  public static Table bronzeTable(Source s) {
    return switch (s) {
      case VACANCIES -> Table.BRONZE_VACANCIES;
      case WAGES -> Table.BRONZE_WAGES;
      case GRADUATES -> Table.BRONZE_GRADUATES;
      case HH -> Table.BRONZE_HH;
      case STAT_WAGES -> Table.BRONZE_STAT_WAGES;
      case ENBEK -> Table.BRONZE_ENBEK;
    };
  }

  public static List<SourceLoad> run(SparkSession spark, SkillgapConfig cfg, Warehouse wh) {
    String batch = cfg.run().batchId();
    Timestamp loadTime = Timestamp.from(Instant.now());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, IngestLog.Entry> latest = IngestLog.latestBefore(wh, batch);
    List<SourceLoad> loads = new ArrayList<>();
    List<Row> entries = new ArrayList<>();
    for (Source source : Source.values()) {
      long start = System.nanoTime();
      List<String> warnings = new ArrayList<>();
      List<Planned> planned = IngestLog.plan(LandingFiles.list(conf, cfg.paths().landing(), source, warnings), latest,
          cfg.ingest().alwaysChecksum(), path -> LandingFiles.content(conf, path));
      List<Planned> toLoad = planned.stream().filter(p -> p.action() != Action.UNCHANGED).toList();
      LandingRead read = LandingReader.read(spark, source, cfg.paths().landing(), toLoad, cfg.ingest());
      warnings.addAll(read.warnings());
      read.rejected().forEach(p -> LOG.error("{}: file rejected ({}): {} - {}", source.folder(), p.reason(), p.file(), p.detail()));
      warnings.forEach(w -> LOG.warn("{}: {}", source.folder(), w));
      List<String> changed = toLoad.stream().filter(p -> p.action() == Action.CHANGED).map(p -> p.file().path()).toList();
      changed.forEach(c -> LOG.warn("{}: {} changed since it was loaded: loading it again as a new version", source.folder(), c));

      // The batch's partition is replaced even when empty, so that a rerun after a crash starts clean; a
      // source that never had a file has no table to clean (and an empty commit costs seconds).
      if (!toLoad.isEmpty() || wh.exists(bronzeTable(source))) {
        wh.replaceBatch(toBronze(read.rows(), batch, loadTime), bronzeTable(source), "_batch_id", batch);
      }
      Map<String, Long> rowsByFile = rowsByFile(wh, source, batch);
      long rows = rowsByFile.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Planned> byPath = new HashMap<>();
      toLoad.forEach(p -> byPath.put(p.file().path(), p));
      for (LandingReader.Loaded l : read.files()) {
        entries.add(IngestLog.entry(byPath.get(l.path()), batch, l.encoding(), "loaded", null, null,
            rowsByFile.getOrDefault(l.path(), 0L), loadTime));
      }
      for (FileProblem p : read.rejected()) {
        entries.add(IngestLog.entry(byPath.get(p.file()), batch, null, "rejected", p.reason(), p.detail(), 0L, loadTime));
      }
      int unchanged = planned.size() - toLoad.size();
      LOG.info("ingest {}: {} rows from {} new or changed files ({} rejected, {} unchanged skipped) in {}", source.folder(), rows,
          read.files().size(), read.rejected().size(), unchanged, Timing.since(start));
      loads.add(new SourceLoad(source.folder(), read.files().stream().map(LandingReader.Loaded::path).toList(), changed, unchanged,
          read.rejected(), warnings, rows));
    }
    IngestLog.write(spark, wh, batch, entries);
    return loads;
  }

  /** Rows of the batch per file (one row per file: small). */
  private static Map<String, Long> rowsByFile(Warehouse wh, Source source, String batch) {
    Map<String, Long> out = new HashMap<>();
    if (!wh.exists(bronzeTable(source))) {
      return out;
    }
    for (Row r : wh.read(bronzeTable(source)).where(col("_batch_id").equalTo(batch)).groupBy(Source.SOURCE_FILE).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /** Tags each landing row with its batch, load time and a row id unique within the batch and source. */
  public static Dataset<Row> toBronze(Dataset<Row> landing, String batchId, Timestamp loadTime) {
    return landing
        .withColumn("_row_id", monotonically_increasing_id())
        .withColumn("_batch_id", lit(batchId))
        .withColumn("_load_time", lit(loadTime));
  }
}
