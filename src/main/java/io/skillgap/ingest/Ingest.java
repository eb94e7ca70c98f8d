package io.skillgap.ingest;

import io.skillgap.store.Bronze;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.run.Timing;
import io.skillgap.store.Warehouse;
import io.skillgap.ingest.IngestLog.Action;
import io.skillgap.ingest.IngestLog.Planned;
import io.skillgap.ingest.LandingReader.FileProblem;
import io.skillgap.ingest.LandingFiles.LandingFile;
import io.skillgap.ingest.LandingReader.LandingRead;
import io.skillgap.ingest.LandingReader.Loaded;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Landing to bronze: the files the ingest log has not seen (or whose content changed) are read, every row
 * kept as text with its file, batch and load time, and logged. Running a night again replaces its batch.
 */
public final class Ingest {
  private static final Logger LOG = LogManager.getLogger(Ingest.class);

  private Ingest() {}

  /**
   * What the ingest of one source did tonight. {@code deferred}: files still being written, left for the
   * next night; {@code lineMismatches}: files whose records did not add up to their physical lines (the
   * accounting then fails the night).
   */
  public record SourceLoad(String source, List<String> files, List<String> changed, int unchanged, List<FileProblem> rejected,
      List<String> warnings, long rows, List<String> deferred, long lines, List<String> lineMismatches) {}

  /** Loads tonight's new and changed files of each source into its bronze table. */
  public static List<SourceLoad> run(SparkSession spark, SkillgapConfig cfg, Warehouse wh, List<? extends LandingSource> sources) {
    String batch = cfg.run().batchId();
    Timestamp loadTime = Timestamp.from(Instant.now());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, IngestLog.Entry> latest = IngestLog.latestBefore(wh, batch);
    Map<LandingSource, LandingFiles.Listing> listings = new HashMap<>();
    Map<LandingSource, List<String>> warnings = new HashMap<>();
    List<LandingFile> all = new ArrayList<>();
    for (LandingSource source : sources) {
      warnings.put(source, new ArrayList<>());
      listings.put(source, LandingFiles.list(conf, cfg.paths().landing(), source, cfg.ingest().followSymlinks(), warnings.get(source)));
      all.addAll(listings.get(source).files());
    }
    // One wait for all sources, and only when a file was touched moments ago.
    List<LandingFile> changing = new ArrayList<>();
    Set<LandingFile> settled = new HashSet<>(LandingFiles.settled(conf, all, cfg.ingest().settleSeconds() * 1000L, changing));
    List<SourceLoad> loads = new ArrayList<>();
    List<Row> entries = new ArrayList<>();
    for (LandingSource source : sources) {
      long start = System.nanoTime();
      List<String> notes = warnings.get(source);
      List<String> deferred = new ArrayList<>();
      changing.stream().filter(f -> f.source() == source).forEach(f -> deferred.add(f.path()));
      List<LandingFile> files = listings.get(source).files().stream().filter(settled::contains).toList();
      List<Planned> planned = IngestLog.plan(files, latest, cfg.ingest().alwaysChecksum(),
          fs -> LandingReader.scan(spark, source, fs, cfg.ingest()));
      List<Planned> toLoad = new ArrayList<>();
      for (Planned p : planned) {
        if (p.action() == Action.UNCHANGED) {
          continue;
        }
        if (p.scan().problem() == null && p.scan().rawBytes() != p.file().size()) {
          deferred.add(p.file().path()); // it grew or shrank while it was read: still being written
        } else {
          toLoad.add(p);
        }
      }
      deferred.forEach(d -> LOG.warn("{}: {} is still being written: left for the next night", source.folder(), Text.quote(d)));
      LandingRead read = LandingReader.read(spark, source, toLoad, cfg.ingest());
      notes.addAll(read.warnings());
      List<FileProblem> rejected = new ArrayList<>(read.rejected());
      listings.get(source).refused().forEach(r -> rejected.add(new FileProblem(source.folder(), r.path(), r.reason(), r.detail())));
      List<String> changed = toLoad.stream().filter(p -> p.action() == Action.CHANGED).map(p -> p.file().path()).toList();
      changed.forEach(c -> LOG.warn("{}: {} changed since it was loaded: loading it again as a new version", source.folder(), Text.quote(c)));

      // The batch's partition is replaced even when empty if an earlier attempt wrote it, so that a rerun
      // after a crash starts clean; a source with nothing new and nothing to clean costs no commit.
      boolean written = !toLoad.isEmpty() || wh.mayHaveBatch(source.bronze(), batch);
      if (written) {
        wh.replaceBatch(toBronze(read.rows(), batch, loadTime), source.bronze(), Bronze.BATCH, batch);
      }
      Map<String, FileCounts> byFile = written ? countsByFile(wh, source, batch) : Map.of();
      List<Loaded> loaded = new ArrayList<>();
      List<String> failedMidway = new ArrayList<>();
      for (Loaded l : read.files()) {
        FileCounts c = byFile.getOrDefault(l.path(), FileCounts.NONE);
        if (c.readErrors() > 0) {
          failedMidway.add(l.path());
          rejected.add(new FileProblem(source.folder(), l.path(), ParsedRecord.FILE_READ_ERROR,
              "the file could not be read to its end although its scan passed (changed or unreadable meanwhile)"));
        } else {
          loaded.add(l);
        }
      }
      if (!failedMidway.isEmpty()) {
        // A file is loaded whole or not at all: the rows of a file that failed midway go.
        wh.deleteMatching(source.bronze(), spark.createDataFrame(failedMidway.stream().map(f -> RowFactory.create(f, batch)).toList(),
            FILE_KEYS), Bronze.SOURCE_FILE, Bronze.BATCH);
      }
      List<String> mismatches = new ArrayList<>();
      for (Loaded l : loaded) {
        FileCounts c = byFile.getOrDefault(l.path(), FileCounts.NONE);
        long expected = l.lines() - (l.header() ? 1 : 0) - l.trailingBlankLines();
        if (l.header() || l.lines() > 0) {
          if (c.lines() != expected) {
            mismatches.add(Text.quote(l.path()) + ": " + l.lines() + " physical lines, but its records took " + c.lines()
                + " (+ header and " + l.trailingBlankLines() + " blank lines at the end)");
          }
        }
      }
      mismatches.forEach(m -> LOG.error("{}: line accounting broken: {}", source.folder(), m));
      long rows = loaded.stream().mapToLong(l -> byFile.getOrDefault(l.path(), FileCounts.NONE).rows()).sum();
      long lines = loaded.stream().mapToLong(Loaded::lines).sum();
      Map<String, Planned> byPath = new HashMap<>();
      toLoad.forEach(p -> byPath.put(p.file().path(), p));
      for (Loaded l : loaded) {
        entries.add(IngestLog.entry(byPath.get(l.path()), batch, l.encoding(), "loaded", null, null,
            byFile.getOrDefault(l.path(), FileCounts.NONE).rows(), l.lines(), loadTime));
      }
      for (FileProblem p : rejected) {
        if (byPath.containsKey(p.file())) {
          entries.add(IngestLog.entry(byPath.get(p.file()), batch, null, "rejected", p.reason(), p.detail(), 0L, null, loadTime));
        }
      }
      rejected.forEach(p -> LOG.error("{}: file rejected ({}): {} - {}", source.folder(), p.reason(), Text.quote(p.file()), p.detail()));
      notes.forEach(w -> LOG.warn("{}: {}", source.folder(), w));
      int unchanged = (int) planned.stream().filter(p -> p.action() == Action.UNCHANGED).count();
      LOG.info("ingest {}: {} rows ({} lines) from {} new or changed files ({} rejected, {} unchanged skipped, {} still being written) in {}",
          source.folder(), rows, lines, loaded.size(), rejected.size(), unchanged, deferred.size(), Timing.since(start));
      loads.add(new SourceLoad(source.folder(), loaded.stream().map(Loaded::path).toList(), changed, unchanged, rejected, notes, rows,
          deferred, lines, mismatches));
    }
    IngestLog.write(spark, wh, batch, entries);
    return loads;
  }

  private static final StructType FILE_KEYS = StructType.fromDDL("_source_file STRING, _batch_id STRING");

  /** Per file of the batch: its rows, the physical lines they took, and rows that say the read failed midway. */
  private record FileCounts(long rows, long lines, long readErrors) {
    static final FileCounts NONE = new FileCounts(0, 0, 0);
  }

  /** Rows of the batch per file (one row per file: small). */
  private static Map<String, FileCounts> countsByFile(Warehouse wh, LandingSource source, String batch) {
    Map<String, FileCounts> out = new HashMap<>();
    if (!wh.exists(source.bronze())) {
      return out;
    }
    Dataset<Row> rows = wh.read(source.bronze()).where(col(Bronze.BATCH).equalTo(batch));
    for (Row r : rows.groupBy(Bronze.SOURCE_FILE).agg(count(lit(1)), sum(col(Bronze.LINES)),
        count(when(col(Bronze.PARSE_ERROR).equalTo(ParsedRecord.FILE_READ_ERROR), 1))).collectAsList()) {
      out.put(r.getString(0), new FileCounts(r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2), r.getLong(3)));
    }
    return out;
  }

  /** Tags each landing row with its batch and load time. */
  public static Dataset<Row> toBronze(Dataset<Row> landing, String batchId, Timestamp loadTime) {
    return landing
        .withColumn(Bronze.BATCH, lit(batchId))
        .withColumn("_load_time", lit(loadTime));
  }
}
