package io.skillgap.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.url_decode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one source's landing files (CSV with a header, JSON Lines, Parquet) into the canonical text
 * columns. Columns are matched by header name, so their order may differ between files; a file that
 * lacks a required column is rejected whole (and reported), the others still load.
 */
public final class LandingReader {
  private LandingReader() {}

  /** A file that could not be loaded, with the reason. */
  public record FileProblem(String source, String file, String reason, String detail) {}

  /** The canonical rows of all loadable files, and what happened to each file. */
  public record LandingRead(Dataset<Row> rows, List<Loaded> files, List<FileProblem> rejected, List<String> warnings) {}

  enum Format { CSV, JSON, PARQUET }

  /** A loaded file: its path and the encoding it was read with. */
  public record Loaded(String path, String encoding) {}

  /**
   * Reads the files planned for tonight. A CSV file that is not valid UTF-8 is read with the fallback
   * encoding (Windows-1251 by default) and reported; a file that cannot load is rejected with the line
   * and column at fault, and the others still load.
   */
  public static LandingRead read(SparkSession spark, Source source, String landingRoot, List<IngestLog.Planned> files,
      io.skillgap.config.SkillgapConfig.IngestSettings settings) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<FileProblem> rejected = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<Loaded> loaded = new ArrayList<>();
    Map<String, List<String>> csvGroups = new LinkedHashMap<>();
    Map<String, List<String>> parquetGroups = new LinkedHashMap<>();
    List<String> jsonFiles = new ArrayList<>();

    String root = LandingFiles.root(conf, landingRoot);
    for (IngestLog.Planned planned : files) {
      String file = planned.file().location();
      Format format = formatOf(new Path(file).getName());
      String name = planned.file().path();
      if (source == Source.HH && format != null && format != Format.JSON) {
        rejected.add(new FileProblem(source.folder(), name, "UNSUPPORTED_FORMAT",
            "whole file: hh/ takes the hh API's vacancy objects as JSON Lines (.jsonl, .json, .ndjson)"));
        continue;
      }
      if (format == null) {
        rejected.add(new FileProblem(source.folder(), name, "UNSUPPORTED_FORMAT",
            "whole file: expected .csv, .csv.gz, .jsonl, .json, .ndjson or .parquet"));
        continue;
      }
      if (planned.file().size() == 0) {
        rejected.add(new FileProblem(source.folder(), name, "EMPTY_FILE", "line 1: the file has no bytes, not even a header"));
        continue;
      }
      String encoding = "UTF-8";
      switch (format) {
        case CSV -> {
          if (planned.firstNonUtf8Line() > 0) {
            encoding = settings.fallbackEncoding();
            warnings.add(name + ": not UTF-8 (line " + planned.firstNonUtf8Line() + "), read as " + encoding);
          }
          CsvHeader h = CsvHeader.of(conf, new Path(file), source, java.nio.charset.Charset.forName(encoding));
          if (h.problem() != null) {
            rejected.add(new FileProblem(source.folder(), name, h.problem(), h.detail()));
            continue;
          }
          h.ignored().forEach(c -> warnings.add(name + ": column '" + c + "' is not part of " + source.folder() + " and is ignored"));
          csvGroups.computeIfAbsent(encoding + "\u0002" + h.key(), k -> new ArrayList<>()).add(file);
        }
        case JSON -> jsonFiles.add(file);
        case PARQUET -> {
          StructType schema = spark.read().parquet(file).schema();
          List<String> missing = new ArrayList<>();
          for (String req : source.required()) {
            if (!List.of(schema.fieldNames()).contains(req)) {
              missing.add(req);
            }
          }
          if (!missing.isEmpty()) {
            rejected.add(new FileProblem(source.folder(), name, "MISSING_COLUMN", "schema: required column(s) missing: " + missing));
            continue;
          }
          parquetGroups.computeIfAbsent(schema.json(), k -> new ArrayList<>()).add(file);
        }
        default -> throw new IllegalStateException();
      }
      loaded.add(new Loaded(name, encoding));
    }

    List<Dataset<Row>> parts = new ArrayList<>();
    csvGroups.forEach((key, group) -> {
      String[] encodingAndHeader = key.split("\u0002", 2);
      parts.add(readCsv(spark, source, CsvHeader.parseKey(encodingAndHeader[1]), group, settings.csvMultiLine(), encodingAndHeader[0], root));
    });
    if (!jsonFiles.isEmpty()) {
      String[] paths = jsonFiles.toArray(String[]::new);
      parts.add(canonical(source == Source.HH ? HhJson.read(spark, paths) : spark.read().schema(source.landingSchema())
          .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", Source.CORRUPT).json(paths), source, root));
    }
    parquetGroups.values().forEach(group -> parts.add(canonical(spark.read().parquet(group.toArray(String[]::new)), source, root)));

    Dataset<Row> rows = parts.stream().reduce(Dataset::unionByName)
        .orElseGet(() -> spark.createDataFrame(List.of(), source.landingSchema().add(Source.SOURCE_FILE, DataTypes.StringType)));
    return new LandingRead(rows, loaded, rejected, warnings);
  }

  private static Dataset<Row> readCsv(SparkSession spark, Source source, CsvHeader.Key key, List<String> files, boolean multiLine,
      String encoding, String root) {
    StructType schema = new StructType();
    for (String c : key.columns()) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    schema = schema.add(Source.CORRUPT, DataTypes.StringType, true);
    Dataset<Row> raw = spark.read()
        .option("header", "true")
        .option("enforceSchema", "true") // the schema was built from this group's own header, in its order
        .option("sep", key.delimiter())
        .option("quote", "\"")
        .option("escape", "\"")
        .option("multiLine", String.valueOf(multiLine))
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", Source.CORRUPT)
        .option("encoding", encoding)
        .schema(schema)
        .csv(files.toArray(String[]::new));
    return canonical(raw, source, root);
  }

  /** Canonical column order, text values, absent optional columns as null, and the source file (relative to the landing folder). */
  static Dataset<Row> canonical(Dataset<Row> raw, Source source, String root) {
    Set<String> present = new HashSet<>(List.of(raw.columns()));
    List<Column> cols = new ArrayList<>();
    for (String c : source.columns()) {
      cols.add(present.contains(c) ? col(c).cast(DataTypes.StringType).as(c) : lit(null).cast(DataTypes.StringType).as(c));
    }
    cols.add(present.contains(Source.CORRUPT) ? col(Source.CORRUPT) : lit(null).cast(DataTypes.StringType).as(Source.CORRUPT));
    // Spark gives the file as a URL-encoded URI; the ingest log keeps the plain path relative to the landing folder.
    Column file = present.contains(HhJson.FILE_PATH) ? col(HhJson.FILE_PATH) : col("_metadata.file_path");
    cols.add(regexp_replace(url_decode(file), "^" + java.util.regex.Pattern.quote(root + "/"), "").as(Source.SOURCE_FILE));
    return raw.select(cols.toArray(Column[]::new));
  }

  static Format formatOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv") || n.endsWith(".csv.gz")) {
      return Format.CSV;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl.gz")) {
      return Format.JSON;
    }
    if (n.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    return null;
  }

  /** A CSV file's header line: its delimiter, its columns mapped to canonical names, or why it cannot load. */
  record CsvHeader(String key, List<String> ignored, String problem, String detail) {
    record Key(String delimiter, List<String> columns) {}

    static CsvHeader of(Configuration conf, Path path, Source source, java.nio.charset.Charset charset) {
      String line;
      try (InputStream in = open(conf, path);
           BufferedReader r = new BufferedReader(new InputStreamReader(in, charset))) {
        line = r.readLine();
      } catch (IOException e) {
        return new CsvHeader(null, List.of(), "UNREADABLE_FILE", e.getMessage());
      }
      if (line == null || line.isBlank()) {
        return new CsvHeader(null, List.of(), "EMPTY_FILE", "line 1: no header");
      }
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      String delimiter = delimiterOf(line);
      List<String> names;
      try {
        CSVRecord rec = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(line)).getRecords().get(0);
        names = rec.toList();
      } catch (IOException | RuntimeException e) {
        return new CsvHeader(null, List.of(), "BAD_HEADER", "line 1: " + e.getMessage());
      }
      List<String> mapped = new ArrayList<>();
      List<String> ignored = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String n = source.canonicalColumn(names.get(i).trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
        if (source.columns().contains(n)) {
          if (!seen.add(n)) {
            return new CsvHeader(null, List.of(), "DUPLICATE_COLUMN", "line 1, column " + (i + 1) + ": '" + n + "' appears twice");
          }
          mapped.add(n);
        } else {
          ignored.add(names.get(i));
          mapped.add("_ignored_" + i);
        }
      }
      List<String> missing = source.columns().stream().filter(c -> source.required().contains(c) && !seen.contains(c)).toList();
      if (!missing.isEmpty()) {
        return new CsvHeader(null, List.of(), "MISSING_COLUMN", "line 1: required column(s) missing: " + missing);
      }
      return new CsvHeader(delimiter + "\u0001" + String.join("\u0001", mapped), ignored, null, null);
    }

    static Key parseKey(String key) {
      String[] parts = key.split("\u0001");
      return new Key(parts[0], List.of(parts).subList(1, parts.length));
    }

    /** The most frequent of comma, semicolon and tab in the header line (comma when none). */
    static String delimiterOf(String header) {
      String best = ",";
      long bestCount = header.chars().filter(ch -> ch == ',').count();
      for (String d : List.of(";", "\t")) {
        long n = header.chars().filter(ch -> ch == d.charAt(0)).count();
        if (n > bestCount) {
          best = d;
          bestCount = n;
        }
      }
      return best;
    }

    private static InputStream open(Configuration conf, Path path) throws IOException {
      FileSystem fs = path.getFileSystem(conf);
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      InputStream in = fs.open(path);
      return codec == null ? in : codec.createInputStream(in);
    }
  }
}
