package io.skillgap.ingest;

import io.skillgap.store.Bronze;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one landing file into rows, inside a Spark task: the file is opened by its exact location (no
 * URL decoding of its name), decompressed by its suffix, and parsed record by record
 * ({@link CsvRecords}, {@link JsonRecords}, {@link ParquetRecords}). Each row carries the record's first
 * line, the lines it took and its parse fault; a fault of the file itself midway (it changed, the disk
 * failed) ends the file with one FILE_READ_ERROR row, so the night goes on and the loss is counted.
 */
public final class FileRecords {
  private FileRecords() {}

  /** Landing file formats. */
  public enum Format { CSV, JSON, PARQUET }

  /** Bounds on what one record may be (configuration: ingest.max-*). */
  public record Limits(int maxRecordBytes, int maxFieldChars, int maxQuotedLines, int maxQuotedBytes) implements Serializable {}

  /**
   * What the read of one file needs: where it is, its name relative to the landing folder, its source and
   * format, the encoding of its lines that are not UTF-8 (null: such lines are bad), and for CSV the
   * delimiter and the canonical slot of each header column.
   */
  public record Task(String location, String path, LandingSource source, Format format, String fallback, char delimiter, int[] slots,
      boolean multiLine) implements Serializable {}

  /** The rows' schema: the source's text columns and the parser's bookkeeping. */
  public static StructType schema(LandingSource source) {
    return Bronze.parsed(source.landingSchema());
  }

  /** The format a file name says, looking past a compression suffix (.gz, .bz2, ...); null when unknown. */
  public static Format format(Configuration conf, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    CompressionCodec codec = codec(conf, n);
    if (codec != null) {
      n = n.substring(0, n.length() - codec.getDefaultExtension().length());
    }
    if (n.endsWith(".csv")) {
      return Format.CSV;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
      return Format.JSON;
    }
    return n.endsWith(".parquet") && codec == null ? Format.PARQUET : null;
  }

  /** The compression a file name says (by its suffix); null for none. Colons would make the name a URI. */
  private static CompressionCodec codec(Configuration conf, String name) {
    return new CompressionCodecFactory(conf).getCodec(new Path("/" + name.replace(':', '_')));
  }

  /**
   * The local file a location names, or null when it is not on the local file system. Local files are
   * opened directly: Hadoop's local file system would look for a ".name.crc" file beside them, a path it
   * cannot even form for a name with a colon.
   */
  static java.nio.file.Path local(String location) {
    URI uri = URI.create(location);
    return "file".equals(uri.getScheme()) ? java.nio.file.Path.of(uri) : null;
  }

  /** A Hadoop path for a location written as a URI, so that any legal file name (+, %, :, spaces) is itself. */
  static Path path(String location) {
    return new Path(URI.create(location));
  }

  /** The file's raw bytes (a local file directly, see {@link #local}). */
  static InputStream openRaw(Configuration conf, String location) throws IOException {
    java.nio.file.Path local = local(location);
    if (local != null) {
      return java.nio.file.Files.newInputStream(local);
    }
    Path p = path(location);
    return p.getFileSystem(conf).open(p);
  }

  /** The file as Parquet reads it (a local file directly). */
  static org.apache.parquet.io.InputFile inputFile(Configuration conf, String location) throws IOException {
    java.nio.file.Path local = local(location);
    return local != null ? new org.apache.parquet.io.LocalInputFile(local)
        : org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(path(location), conf);
  }

  /** The file's bytes, decompressed when its name says so. */
  static InputStream open(Configuration conf, InputStream raw, String location) throws IOException {
    CompressionCodec codec = codec(conf, path(location).getName());
    return codec == null ? raw : codec.createInputStream(raw);
  }

  /** The rows of one file (lazily: a file of any size streams through a task). */
  public static Iterator<Row> rows(Configuration conf, Task t, Limits limits) throws IOException {
    if (t.format() == Format.PARQUET) {
      return new Rows(t, new ParquetRecords(inputFile(conf, t.location()), t.source(), limits.maxFieldChars()), null);
    }
    InputStream in = open(conf, openRaw(conf, t.location()), t.location());
    PhysicalLines lines = new PhysicalLines(in, limits.maxRecordBytes());
    Charset fallback = t.fallback() == null ? null : Charset.forName(t.fallback());
    Iterator<ParsedRecord> records;
    if (t.format() == Format.JSON) {
      records = new JsonRecords(lines, t.source(), limits.maxFieldChars(), fallback);
    } else {
      try {
        lines.next(); // the header, checked when the file was scanned
      } catch (IOException e) {
        in.close();
        throw e;
      }
      records = new CsvRecords(lines, new CsvRecords.Dialect(t.delimiter(), t.slots().length, t.slots(), t.source().columns().size(),
          t.multiLine(), limits.maxQuotedLines(), limits.maxQuotedBytes(), limits.maxFieldChars()), fallback);
    }
    return new Rows(t, records, in);
  }

  /** Records as rows; closes the file at its end, and turns a failure midway into one last FILE_READ_ERROR row. */
  private static final class Rows implements Iterator<Row> {
    private final Task task;
    private final Iterator<ParsedRecord> records;
    private final AutoCloseable closer;
    private boolean done;
    private Row failure;

    Rows(Task task, Iterator<ParsedRecord> records, AutoCloseable in) {
      this.task = task;
      this.records = records;
      this.closer = in != null ? in : (AutoCloseable) records;
    }

    @Override
    public boolean hasNext() {
      if (failure != null) {
        return true;
      }
      if (done) {
        return false;
      }
      try {
        if (records.hasNext()) {
          return true;
        }
      } catch (RuntimeException e) {
        failure = row(ParsedRecord.fault(-1, 0, task.path() + ": " + e, ParsedRecord.FILE_READ_ERROR));
      }
      done = true;
      close();
      return failure != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (failure != null) {
        Row r = failure;
        failure = null;
        return r;
      }
      return row(records.next());
    }

    private Row row(ParsedRecord r) {
      List<String> columns = task.source().columns();
      List<Object> v = new ArrayList<>(columns.size() + 5);
      for (int i = 0; i < columns.size(); i++) {
        v.add(r.values() == null ? null : task.source().kept(columns.get(i), r.values()[i]));
      }
      v.add(task.source().keptRaw(r.raw()));
      v.add(task.path());
      v.add(r.line());
      v.add(r.lines());
      v.add(r.error());
      return RowFactory.create(v.toArray());
    }

    private void close() {
      try {
        closer.close();
      } catch (Exception e) {
        throw new UncheckedIOException(new IOException("cannot close " + task.path(), e));
      }
    }
  }
}
