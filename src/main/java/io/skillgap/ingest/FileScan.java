package io.skillgap.ingest;

import io.skillgap.ingest.FileRecords.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.schema.MessageType;

/**
 * One pass over a landing file before it is loaded, in a Spark task: the SHA-256 of its bytes (is it a
 * new version?), its decompressed physical lines (the accounting's unit), which of them are not UTF-8
 * (decided per file on the decompressed text: a file mostly in the fallback encoding is read in it, a
 * UTF-8 file's stray bad lines are quarantined), its CSV header, and whether the whole file can be read
 * at all (a corrupt gzip or Parquet file is rejected here, by name, before any of its rows count).
 */
public final class FileScan {
  private FileScan() {}

  /** What the scan found. {@code problem} is a file-level reason code (the file is rejected), or null. */
  public record Result(String location, String checksum, long rawBytes, long lines, long trailingBlankLines, String encoding,
      long badLines, String problem, String detail, char delimiter, int[] slots, List<String> ignored) implements Serializable {

    static Result problem(String location, String checksum, long rawBytes, String problem, String detail) {
      return new Result(location, checksum, rawBytes, 0, 0, null, 0, problem, Text.quote(detail), ',', null, List.of());
    }
  }

  /** File-level reason codes. */
  public static final String EMPTY_FILE = "EMPTY_FILE";
  public static final String CORRUPT_FILE = "CORRUPT_FILE";
  public static final String BAD_HEADER = "BAD_HEADER";
  public static final String DUPLICATE_COLUMN = "DUPLICATE_COLUMN";
  public static final String MISSING_COLUMN = "MISSING_COLUMN";

  /** Scans one file; never throws for a fault of the file (it becomes the result's problem). */
  public static Result scan(Configuration conf, String location, LandingSource source, Format format, int maxRecordBytes, String fallback) {
    MessageDigest sha = sha256();
    long rawBytes = 0;
    try (DigestInputStream raw = new DigestInputStream(FileRecords.openRaw(conf, location), sha)) {
      if (format == Format.PARQUET) {
        rawBytes = raw.transferTo(java.io.OutputStream.nullOutputStream());
        String problem = parquetProblem(conf, location, source);
        return problem == null
            ? new Result(location, hex(sha), rawBytes, 0, 0, "UTF-8", 0, null, null, ',', null, List.of())
            : Result.problem(location, hex(sha), rawBytes, problem.startsWith("schema") ? MISSING_COLUMN : CORRUPT_FILE, problem);
      }
      CountingStream counted = new CountingStream(raw);
      Result r;
      try (InputStream in = FileRecords.open(conf, counted, location)) {
        r = lines(location, in, source, format, maxRecordBytes, fallback);
        in.transferTo(java.io.OutputStream.nullOutputStream());
        counted.transferTo(java.io.OutputStream.nullOutputStream()); // a compressed file's trailer, for the hash
      }
      rawBytes = counted.count;
      return new Result(location, hex(sha), rawBytes, r.lines(), r.trailingBlankLines(), r.encoding(), r.badLines(), r.problem(),
          r.detail(), r.delimiter(), r.slots(), r.ignored());
    } catch (IOException | RuntimeException e) {
      return Result.problem(location, null, rawBytes, CORRUPT_FILE, "cannot read the whole file: " + e);
    }
  }

  /** Lines, encoding and (for CSV) header of a text file. */
  private static Result lines(String location, InputStream in, LandingSource source, Format format, int maxRecordBytes, String fallback)
      throws IOException {
    PhysicalLines lines = new PhysicalLines(in, maxRecordBytes);
    long validNonAscii = 0;
    long bad = 0;
    long trailingBlank = 0;
    String header = null;
    boolean headerOversize = false;
    boolean headerNotUtf8 = false;
    while (lines.next()) {
      trailingBlank = lines.blank() ? trailingBlank + 1 : 0;
      if (lines.number() == 1) {
        headerOversize = lines.oversize();
        header = lines.utf8();
        if (header == null) {
          headerNotUtf8 = true;
          header = lines.text(java.nio.charset.Charset.forName(fallback));
        }
      }
      if (lines.oversize() || lines.ascii()) {
        continue;
      }
      if (lines.utf8() != null) {
        validNonAscii++;
      } else {
        bad++;
      }
    }
    long n = lines.number();
    String encoding = bad > validNonAscii ? fallback : "UTF-8";
    if (n == 0 || format == Format.CSV && (header == null || header.isBlank())) {
      return Result.problem(location, null, 0, EMPTY_FILE, n == 0 ? "line 1: the file has no bytes, not even a header" : "line 1: no header");
    }
    if (format == Format.JSON) {
      return new Result(location, null, 0, n, trailingBlank, encoding, bad, null, null, ',', null, List.of());
    }
    if (headerOversize) {
      return Result.problem(location, null, 0, BAD_HEADER, "line 1: the header is longer than " + maxRecordBytes + " bytes");
    }
    if (headerNotUtf8 && encoding.equals("UTF-8")) {
      return Result.problem(location, null, 0, BAD_HEADER, "line 1: the header is not valid UTF-8 in a UTF-8 file");
    }
    Result h = header(location, header, source);
    return new Result(location, null, 0, n, trailingBlank, encoding, bad, h.problem(), h.detail(), h.delimiter(), h.slots(), h.ignored());
  }

  /** A CSV header: its delimiter and the canonical slot of each column (-1: ignored), or why it cannot load. */
  static Result header(String location, String line, LandingSource source) {
    char delimiter = delimiterOf(line);
    List<String> names;
    try {
      CSVRecord rec = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(line)).getRecords().get(0);
      names = rec.toList();
    } catch (IOException | RuntimeException e) {
      return Result.problem(location, null, 0, BAD_HEADER, "line 1: " + e.getMessage());
    }
    int[] slots = new int[names.size()];
    List<String> ignored = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String n = source.canonicalColumn(names.get(i).trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
      slots[i] = source.columns().indexOf(n);
      if (slots[i] >= 0 && !seen.add(n)) {
        return Result.problem(location, null, 0, DUPLICATE_COLUMN, "line 1, column " + (i + 1) + ": '" + n + "' appears twice");
      }
      if (slots[i] < 0) {
        ignored.add(Text.quote(names.get(i)));
      }
    }
    List<String> missing = source.columns().stream().filter(c -> source.required().contains(c) && !seen.contains(c)).toList();
    if (!missing.isEmpty()) {
      return Result.problem(location, null, 0, MISSING_COLUMN, "line 1: required column(s) missing: " + missing);
    }
    return new Result(location, null, 0, 0, 0, null, 0, null, null, delimiter, slots, List.copyOf(ignored));
  }

  /** The most frequent of comma, semicolon and tab in the header line (comma when none). */
  static char delimiterOf(String header) {
    char best = ',';
    long bestCount = header.chars().filter(ch -> ch == ',').count();
    for (char d : new char[] {';', '\t'}) {
      long n = header.chars().filter(ch -> ch == d).count();
      if (n > bestCount) {
        best = d;
        bestCount = n;
      }
    }
    return best;
  }

  /** Null when every record of the Parquet file reads and its schema has the required columns; else why not. */
  private static String parquetProblem(Configuration conf, String location, LandingSource source) {
    try {
      MessageType schema = ParquetRecords.schema(FileRecords.inputFile(conf, location));
      List<String> present = schema.getFields().stream().map(f -> source.canonicalColumn(f.getName())).toList();
      List<String> missing = source.required().stream().filter(c -> !present.contains(c)).sorted().toList();
      if (!missing.isEmpty()) {
        return "schema: required column(s) missing: " + missing;
      }
      try (ParquetRecords records = new ParquetRecords(FileRecords.inputFile(conf, location), source, Integer.MAX_VALUE)) {
        while (records.hasNext()) {
          records.next();
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "not a readable Parquet file: " + e;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(MessageDigest sha) {
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Counts the raw bytes read (the size the file had while it was read). */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
