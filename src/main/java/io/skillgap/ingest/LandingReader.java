package io.skillgap.ingest;

import io.skillgap.config.SkillgapConfig.IngestSettings;
import io.skillgap.ingest.FileRecords.Format;
import io.skillgap.ingest.LandingFiles.LandingFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads one source's landing files (CSV with a header, JSON Lines, Parquet; any of them compressed) into
 * the canonical text columns, with a task per file: first a scan of each new or changed file
 * ({@link FileScan}), which rejects a file that cannot be read whole, then the read of the files that
 * passed ({@link FileRecords}). Columns are matched by header name, so their order may differ between
 * files; a file that lacks a required column is rejected whole (and reported), the others still load.
 */
public final class LandingReader {
  private LandingReader() {}

  /** A file that could not be loaded, with the reason. */
  public record FileProblem(String source, String file, String reason, String detail) {}

  /** The canonical rows of all loadable files, and what happened to each file. */
  public record LandingRead(Dataset<Row> rows, List<Loaded> files, List<FileProblem> rejected, List<String> warnings) {}

  /**
   * A loaded file: its path, the encoding of its lines that are not UTF-8, its physical lines and the blank
   * lines at its end, and whether its first line is a header (the accounting adds these up).
   */
  public record Loaded(String path, String encoding, long lines, long trailingBlankLines, boolean header) {}

  /** The ingest bounds as the tasks need them. */
  public static FileRecords.Limits limits(IngestSettings s) {
    return new FileRecords.Limits(s.maxRecordBytes(), s.maxFieldChars(), s.maxQuotedLines(), s.maxQuotedBytes());
  }

  /** Scans the files (a task each) and returns the result by location; files of an unknown format are not read. */
  public static Map<String, FileScan.Result> scan(SparkSession spark, LandingSource source, List<LandingFile> files, IngestSettings settings) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, FileScan.Result> out = new LinkedHashMap<>();
    List<LandingFile> readable = new ArrayList<>();
    for (LandingFile f : files) {
      String problem = formatProblem(conf, source, f);
      if (problem != null) {
        out.put(f.location(), FileScan.Result.problem(f.location(), null, f.size(), "UNSUPPORTED_FORMAT", problem));
      } else if (f.size() == 0) {
        out.put(f.location(), FileScan.Result.problem(f.location(), null, 0, FileScan.EMPTY_FILE,
            "line 1: the file has no bytes, not even a header"));
      } else {
        readable.add(f);
      }
    }
    if (readable.isEmpty()) {
      return out;
    }
    SerializableConfiguration sconf = new SerializableConfiguration(conf);
    int maxRecordBytes = settings.maxRecordBytes();
    String fallback = settings.fallbackEncoding();
    List<String[]> jobs = readable.stream().map(f -> new String[] {f.location(), format(conf, f).name()}).toList();
    // One small result per file, not per row: bounded by the number of files.
    List<FileScan.Result> results = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(jobs, jobs.size())
        .map(j -> FileScan.scan(sconf.value(), j[0], source, Format.valueOf(j[1]), maxRecordBytes, fallback)).collect();
    results.forEach(r -> out.put(r.location(), r));
    return out;
  }

  /** Why the file's name rules it out for this source, or null. */
  private static String formatProblem(Configuration conf, LandingSource source, LandingFile f) {
    Format format = format(conf, f);
    if (format == null) {
      return "whole file: expected .csv, .jsonl, .json, .ndjson or .parquet (text formats also compressed, e.g. .csv.gz)";
    }
    if (source.hhObjects() && format != Format.JSON) {
      return "whole file: hh/ takes the hh API's vacancy objects as JSON Lines (.jsonl, .json, .ndjson)";
    }
    return null;
  }

  private static Format format(Configuration conf, LandingFile f) {
    return FileRecords.format(conf, new Path(f.path()).getName());
  }

  /**
   * Reads the files planned for tonight. A file mostly not in UTF-8 is read in the fallback encoding
   * (Windows-1251 by default) and reported; a UTF-8 file's lines that are not UTF-8 reach quarantine as
   * BAD_ENCODING; a file that cannot load is rejected with the line and column at fault, and the others
   * still load.
   */
  public static LandingRead read(SparkSession spark, LandingSource source, List<IngestLog.Planned> files, IngestSettings settings) {
    List<FileProblem> rejected = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<Loaded> loaded = new ArrayList<>();
    List<FileRecords.Task> tasks = new ArrayList<>();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    for (IngestLog.Planned planned : files) {
      String name = planned.file().path();
      FileScan.Result scan = planned.scan();
      if (scan.problem() != null) {
        rejected.add(new FileProblem(source.folder(), name, scan.problem(), scan.detail()));
        continue;
      }
      Format format = format(conf, planned.file());
      boolean fallback = !"UTF-8".equals(scan.encoding());
      if (scan.badLines() > 0) {
        warnings.add(Text.quote(name) + ": " + scan.badLines() + " line(s) not valid UTF-8: " + (fallback
            ? "the file is read as " + scan.encoding() + " (its valid UTF-8 lines as UTF-8)"
            : "quarantined as BAD_ENCODING (the file is UTF-8)"));
      }
      scan.ignored().forEach(c -> warnings.add(Text.quote(name) + ": column '" + c + "' is not part of " + source.folder() + " and is ignored"));
      tasks.add(new FileRecords.Task(planned.file().location(), name, source, format, fallback ? scan.encoding() : null, scan.delimiter(),
          scan.slots(), source.multiLineCsv() && settings.csvMultiLine()));
      loaded.add(new Loaded(name, fallback ? scan.encoding() : "UTF-8", scan.lines(), scan.trailingBlankLines(), format == Format.CSV));
    }
    Dataset<Row> rows;
    if (tasks.isEmpty()) {
      rows = spark.createDataFrame(List.of(), FileRecords.schema(source));
    } else {
      SerializableConfiguration sconf = new SerializableConfiguration(conf);
      FileRecords.Limits limits = limits(settings);
      JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(tasks, tasks.size())
          .flatMap(t -> FileRecords.rows(sconf.value(), t, limits));
      rows = spark.createDataFrame(rdd, FileRecords.schema(source));
    }
    return new LandingRead(rows, loaded, rejected, warnings);
  }
}
