package io.skillgap.bench;

import io.skillgap.conform.Source;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;

/**
 * The landing folder read into DuckDB for {@link DuckDbFlow}: a table {@code land_<folder>} per source with
 * the source's columns as text (as the pipeline's bronze holds them: an empty value is null), the file's
 * path under the landing folder and, through the table's rowid, the record's order. DuckDB's own CSV and
 * JSON readers do the reading; Java only lists the files, picks each CSV file's delimiter and columns from
 * its header (FileScan's rule), and re-encodes a file written mostly in the fallback encoding (Enbek's
 * Windows-1251) to UTF-8 line by line, since DuckDB has no such decoder without its extensions.
 *
 * <p>Records the pipeline quarantines at read time (a wrong number of fields, a line that is not a JSON
 * object, bad encoding) are left out here: they never reach silver either. Not the same: a quote left
 * open, which the pipeline quarantines as one line (UNBALANCED_QUOTE) and reads on, while DuckDB's reader
 * loses the rows after it too; and a quoted field spanning lines, which the pipeline allows only in the
 * canonical folders and within ingest.max-quoted-lines and -bytes, DuckDB anywhere. Not done: Parquet
 * landing files, compressions other than gzip, JSON keys under an alias, values over
 * ingest.max-field-chars. None of these occur in generated landing folders.
 */
final class DuckDbLanding {
  private DuckDbLanding() {}

  /** The sources the occupation table reads; wages and stat_wages feed only the official wage, not compared. */
  static final List<Source> READ = List.of(Source.VACANCIES, Source.HH, Source.ENBEK, Source.GRADUATES);

  /** Reads every data file of the sources into {@code land_<folder>} tables; {@code scratch} takes re-encoded copies. */
  static void load(Connection db, Path landing, Path scratch, Charset fallback) throws SQLException, IOException {
    try (Statement s = db.createStatement()) {
      DuckDbFlow.run(s, JSON_MACROS);
      for (Source source : READ) {
        String table = "land_" + source.folder();
        List<String> columns = source.hhObjects() ? HH_COLUMNS : source.columns();
        s.execute("CREATE OR REPLACE TABLE " + table + " (" + columns.stream().map(c -> c + " VARCHAR").collect(Collectors.joining(", "))
            + ", source_file VARCHAR)");
        for (Path file : dataFiles(landing.resolve(source.folder()))) {
          String relative = landing.relativize(file).toString().replace('\\', '/');
          Path readable = utf8(file, scratch, fallback, !file.getFileName().toString().toLowerCase(Locale.ROOT).contains(".csv"));
          DuckDbFlow.run(s, "INSERT INTO " + table + " SELECT *, " + quote(relative) + " FROM (" + reader(source, readable, columns) + ")");
        }
      }
    }
  }

  /** The hh fields skillgap reads (JsonRecords.hh without the free texts, which only feed skills). */
  static final List<String> HH_COLUMNS = List.of("vacancy_id", "title", "area_id", "area_name", "salary_from", "salary_to", "currency",
      "gross", "salary_mode", "published_at", "employer_id", "role_ids", "key_skills");

  /**
   * A JSON value as the pipeline keeps it (JsonRecords.text): a string as it is, anything else as written,
   * JSON null as null; and a list of strings joined with "; " (JsonRecords.textList).
   */
  private static final String JSON_MACROS = """
      CREATE OR REPLACE MACRO jtext(j) AS CASE WHEN j IS NULL OR json_type(j) = 'NULL' THEN NULL
        WHEN json_type(j) = 'VARCHAR' THEN j ->> '$' ELSE j::VARCHAR END;
      CREATE OR REPLACE MACRO jlist(j) AS CASE WHEN json_type(j) = 'ARRAY' AND json_array_length(j) > 0
          AND list_bool_and(list_transform(json_extract(j, '$[*]'), e -> json_type(e) = 'VARCHAR'))
        THEN array_to_string(list_transform(json_extract_string(j, '$[*]'), e -> replace(e, ';', ',')), '; ') ELSE jtext(j) END;
      CREATE OR REPLACE MACRO jshape(j, kind) AS j IS NULL OR json_type(j) IN ('NULL', kind);
      """;

  /** A SELECT of the file's records with exactly {@code columns}, in order. */
  private static String reader(Source source, Path file, List<String> columns) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
    if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
      String objects = "read_json_objects(" + quote(file.toString()) + ", format = 'newline_delimited', ignore_errors = true)";
      // One json_extract of every key per line: each "json -> key" would parse the line again.
      return source.hhObjects() ? hhReader(objects) : "SELECT " + IntStream.rangeClosed(1, columns.size()).mapToObj(i -> "jlist(v[" + i + "])")
          .collect(Collectors.joining(", ")) + " FROM (SELECT json_extract(json, " + columns.stream().map(c -> quote("$." + c))
          .collect(Collectors.joining(", ", "[", "]")) + ") AS v FROM " + objects + " WHERE json_type(json) = 'OBJECT')";
    }
    if (!name.endsWith(".csv") || source.hhObjects()) {
      throw new IllegalArgumentException("DuckDbFlow reads CSV and JSON Lines landing files only: " + file);
    }
    List<String> header = headerColumns(file, source);
    char delimiter = delimiterOf(firstLine(file));
    String types = IntStream.range(0, header.size()).mapToObj(i -> "'c" + i + "': 'VARCHAR'").collect(Collectors.joining(", ", "{", "}"));
    String select = columns.stream().map(c -> header.contains(c) ? "nullif(c" + header.indexOf(c) + ", '')" : "NULL::VARCHAR")
        .collect(Collectors.joining(", "));
    return "SELECT " + select + " FROM read_csv(" + quote(file.toString()) + ", header = true, auto_detect = false, delim = "
        + quote(String.valueOf(delimiter)) + ", quote = '\"', escape = '\"', columns = " + types
        + ", strict_mode = true, null_padding = false, ignore_errors = true, max_line_size = 2097152)";
  }

  /**
   * hh API objects flattened as JsonRecords.hh does; an object whose structured fields have the wrong type
   * is a malformed row. Role ids are joined with ","; key skills by name with "; ", one that is not an
   * object with a text name marked by \u0001 (conform quarantines the row as BAD_SKILLS).
   */
  private static String hhReader(String objects) {
    return """
        SELECT jtext(v[1]), jtext(v[2]), jtext(v[3]), jtext(v[4]), coalesce(jtext(v[5]), jtext(v[6])), coalesce(jtext(v[7]), jtext(v[8])),
          coalesce(jtext(v[9]), jtext(v[10])), coalesce(jtext(v[11]), jtext(v[12])), jtext(v[13]), jtext(v[14]), jtext(v[15]),
          coalesce(array_to_string(list_filter(list_transform(json_extract(v[16], '$[*]'), e -> jtext(e -> 'id')), x -> x IS NOT NULL), ','), ''),
          coalesce(array_to_string(list_transform(json_extract(v[17], '$[*]'),
            e -> CASE WHEN json_type(e) = 'OBJECT' AND json_type(e -> 'name') = 'VARCHAR' THEN replace(e ->> 'name', ';', ',')
                 ELSE chr(1) END), '; '), '')
        FROM (SELECT json_extract(json, ['$.id', '$.name', '$.area.id', '$.area.name', '$.salary_range.from', '$.salary.from',
                '$.salary_range.to', '$.salary.to', '$.salary_range.currency', '$.salary.currency', '$.salary_range.gross',
                '$.salary.gross', '$.salary_range.mode.id', '$.published_at', '$.employer.id', '$.professional_roles', '$.key_skills',
                '$.area', '$.salary', '$.salary_range', '$.employer', '$.experience', '$.schedule', '$.employment', '$.snippet']) AS v
              FROM %s WHERE json_type(json) = 'OBJECT')
        WHERE list_bool_and(list_transform(v[18:25], o -> jshape(o, 'OBJECT'))) AND jshape(v[16], 'ARRAY') AND jshape(v[17], 'ARRAY')
        """.formatted(objects);
  }

  /** Data files under a folder, sorted by path: hidden files, markers (_SUCCESS) and links are not data. */
  static List<Path> dataFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(p -> folder.relativize(p).toString().chars().noneMatch(c -> c == 0) && isData(folder.relativize(p)))
          .sorted().toList();
    }
  }

  private static boolean isData(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".") || part.toString().startsWith("_")) {
        return false;
      }
    }
    return true;
  }

  /** The canonical column of each header column (null when the source does not read it), as FileScan names them. */
  private static List<String> headerColumns(Path file, Source source) throws IOException {
    String line = firstLine(file);
    List<String> names = CSVFormat.DEFAULT.builder().setDelimiter(delimiterOf(line)).get().parse(new StringReader(line)).getRecords()
        .get(0).toList();
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String c = source.canonicalColumn(n.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
      out.add(source.columns().contains(c) ? c : null);
    }
    return out;
  }

  /**
   * The pipeline's own delimiter rule (FileScan.delimiterOf, package-private: the most frequent of comma,
   * semicolon and tab in the header): how a header is split is reading, not what this implementation checks.
   */
  static char delimiterOf(String header) {
    try {
      java.lang.reflect.Method m = io.skillgap.ingest.FileScan.class.getDeclaredMethod("delimiterOf", String.class);
      m.setAccessible(true);
      return (char) m.invoke(null, header);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("FileScan.delimiterOf is gone", e);
    }
  }

  /** The first line of a (UTF-8 by now) file without its byte-order mark. */
  private static String firstLine(Path file) throws IOException {
    try (InputStream in = open(file)) {
      String line = new String(nextLine(in), StandardCharsets.UTF_8);
      return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
  }

  /**
   * The file itself when DuckDB reads it as the pipeline does, else a UTF-8 copy in {@code scratch}. As the
   * pipeline decides (FileScan, PhysicalLines): a file whose non-ASCII lines are mostly not valid UTF-8 is
   * in the fallback encoding, and even then a line that is valid UTF-8 is read as UTF-8; in a UTF-8 file a
   * bad line stays bad (DuckDB leaves it out, the pipeline quarantines it). A JSON file's byte-order mark
   * goes too: DuckDB would lose the first line to it (a CSV file's is on its header, which is skipped).
   */
  static Path utf8(Path file, Path scratch, Charset fallback, boolean json) throws IOException {
    boolean bom = json && startsWithBom(file);
    if (!bom && wholeFileDecodes(file)) {
      return file;
    }
    boolean inFallback = mostlyNotUtf8(file);
    if (!bom && !inFallback) {
      return file;
    }
    Files.createDirectories(scratch);
    Path copy = Files.createTempFile(scratch, "decoded-", "-" + file.getFileName().toString().replaceAll("\\.gz$", ""));
    try (InputStream in = open(file); OutputStream out = Files.newOutputStream(copy)) {
      boolean first = true;
      for (byte[] line = nextLine(in); line != null; line = nextLine(in)) {
        if (first && bom) {
          line = java.util.Arrays.copyOfRange(line, 3, line.length);
        }
        first = false;
        out.write(decodes(line) || !inFallback ? line : new String(line, fallback).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    }
    return copy;
  }

  private static boolean startsWithBom(Path file) throws IOException {
    try (InputStream in = open(file)) {
      byte[] head = in.readNBytes(3);
      return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }
  }

  /** True when more of the file's non-ASCII lines are not valid UTF-8 than are. */
  private static boolean mostlyNotUtf8(Path file) throws IOException {
    long valid = 0;
    long bad = 0;
    try (InputStream in = open(file)) {
      for (byte[] line = nextLine(in); line != null; line = nextLine(in)) {
        if (!ascii(line)) {
          if (decodes(line)) {
            valid++;
          } else {
            bad++;
          }
        }
      }
    }
    return bad > valid;
  }

  /** True when the whole file is valid UTF-8: the common case, checked at the decoder's speed. */
  private static boolean wholeFileDecodes(Path file) throws IOException {
    try (java.io.Reader in = new java.io.InputStreamReader(open(file), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
      char[] buf = new char[1 << 16];
      while (in.read(buf) >= 0) {
        // reading is the check
      }
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** The next line's bytes without its line break (and a trailing carriage return); null at the end. */
  private static byte[] nextLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    byte[] out = line.toByteArray();
    return out.length > 0 && out[out.length - 1] == '\r' ? java.util.Arrays.copyOf(out, out.length - 1) : out;
  }

  private static boolean ascii(byte[] line) {
    for (byte b : line) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean decodes(byte[] line) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
