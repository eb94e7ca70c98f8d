package io.skillgap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.conform.Source;
import io.skillgap.ingest.FileRecords.Format;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The landing file parser on hostile files, without Spark: every physical line ends up in exactly one
 * record (or is the header, or a blank line at the end), a fault costs its own line only, and each
 * record says where it starts.
 */
class FileRecordsTest {
  static final Charset CP1251 = Charset.forName("windows-1251");
  static final String HEADER = "vacancy_id,source,posted_date,title,region";
  static final FileRecords.Limits LIMITS = new FileRecords.Limits(64 * 1024, 4000, 10, 64 * 1024);
  final Configuration conf = new Configuration();
  @TempDir Path dir;

  /** A record as the tests look at it: first line, lines taken, vacancy id, title, fault. */
  record Rec(long line, int lines, String id, String title, String error) {}

  /** Scans and reads a file as ingest does; the scan must pass. */
  List<Rec> read(Path file, Source source) throws IOException {
    FileScan.Result scan = scan(file, source);
    assertNull(scan.problem(), "scan of " + file.getFileName() + ": " + scan.detail());
    Format format = FileRecords.format(conf, file.getFileName().toString());
    FileRecords.Task task = new FileRecords.Task(file.toUri().toString(), file.getFileName().toString(), source, format,
        "UTF-8".equals(scan.encoding()) ? null : scan.encoding(), scan.delimiter(), scan.slots(), source.multiLineCsv());
    List<Rec> out = new ArrayList<>();
    int title = source.columns().indexOf("title");
    for (Iterator<Row> it = FileRecords.rows(conf, task, LIMITS); it.hasNext(); ) {
      Row r = it.next();
      int w = source.columns().size();
      out.add(new Rec(r.getLong(w + 2), r.getInt(w + 3), r.getString(0), r.getString(title),
          r.isNullAt(w + 4) ? null : r.getString(w + 4)));
    }
    // The accounting: header, the records' lines and the blank lines at the end are the file's lines.
    long taken = out.stream().mapToLong(Rec::lines).sum();
    assertEquals(scan.lines(), (format == Format.CSV ? 1 : 0) + taken + scan.trailingBlankLines(), "lines of " + file.getFileName());
    return out;
  }

  FileScan.Result scan(Path file, Source source) {
    return FileScan.scan(conf, file.toUri().toString(), source, FileRecords.format(conf, file.getFileName().toString()), LIMITS.maxRecordBytes(),
        "windows-1251");
  }

  Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  static String row(int i, String title) {
    return i + ",hh,2025-03-01," + title + ",KZ-75";
  }

  static List<String> errors(List<Rec> recs) {
    return recs.stream().filter(r -> r.error() != null).map(r -> r.line() + " " + r.error()).toList();
  }

  @Test
  void aRunawayQuoteCostsItsOwnLineNotTheRestOfTheFile() throws IOException {
    // 50 rows; row 10 (line 11) opens a quote that never closes. Multi-line fields are allowed here, so the
    // parser tries to join up to 10 lines, finds no well-formed record, and reads the next lines again.
    StringBuilder s = new StringBuilder(HEADER + "\n");
    for (int i = 1; i <= 50; i++) {
      s.append(row(i, i == 10 ? "\"Инженер, 40 часов" : "Инженер " + i)).append('\n');
    }
    List<Rec> recs = read(write("runaway.csv", s.toString()), Source.VACANCIES);
    assertEquals(50, recs.size(), "one record per row: none swallowed");
    assertEquals(List.of("11 UNBALANCED_QUOTE"), errors(recs), "the line with the open quote alone is at fault");
    assertEquals("Инженер 11", recs.get(10).title(), "the line after it is a row of its own");
    assertEquals(12L, recs.get(10).line(), "with its own line number");
  }

  @Test
  void inASemicolonExportAQuoteDoesNotSpanLines() throws IOException {
    // Enbek exports are one row per line: the field that starts with a quote must not swallow line 4.
    String text = "номер_вакансии;должность;регион;дата_размещения\n"
        + "1;Сварщик;Астана;01.03.2025\n"
        + "2;\"Электрик 5 разряда;Астана;01.03.2025\n"
        + "3;Повар;Астана;01.03.2025\n";
    List<Rec> recs = read(write("enbek.csv", text), Source.ENBEK);
    assertEquals(List.of("3 UNBALANCED_QUOTE"), errors(recs), "faults");
    assertEquals(List.of("1", "3"), recs.stream().filter(r -> r.error() == null).map(Rec::id).toList(), "rows read");
    assertEquals("Повар", recs.get(2).title(), "line 4 is itself");
  }

  @Test
  void aQuotedFieldSpansLinesWhereTheFormatAllowsIt() throws IOException {
    // Line 2 opens a quote closed on line 4 (line 3 is blank inside the field): one record of 3 lines.
    String text = HEADER + "\n" + "1,hh,2025-03-01,\"Line one\n\nline \"\"three\"\"\",KZ-75\n" + row(2, "B") + "\n";
    List<Rec> recs = read(write("multi.csv", text), Source.VACANCIES);
    assertEquals(List.of(new Rec(2, 3, "1", "Line one\n\nline \"three\"", null), new Rec(5, 1, "2", "B", null)), recs, "records");
  }

  @Test
  void blankLinesCountWithTheRecordAfterThemAndAtTheEnd() throws IOException {
    // Lines: header, row, blank, blank, row, blank, blank -> records take 1 and 3 lines; 2 blank lines at the end.
    Path f = write("blank.csv", HEADER + "\r\n" + row(1, "A") + "\r\n\r\n  \r\n" + row(2, "B") + "\r\n\r\n\r\n");
    List<Rec> recs = read(f, Source.VACANCIES);
    assertEquals(List.of(new Rec(2, 1, "1", "A", null), new Rec(5, 3, "2", "B", null)), recs, "records (CRLF stripped)");
    assertEquals(2, scan(f, Source.VACANCIES).trailingBlankLines(), "blank lines at the end");
  }

  @Test
  void anOversizeLineIsQuarantinedCutAndTheNextLineReads() throws IOException {
    // A 3 MB title against a 64 KiB limit: kept only as a cut raw text, never whole in memory.
    String huge = "x".repeat(3 * 1024 * 1024);
    List<Rec> recs = read(write("huge.csv", HEADER + "\n" + row(1, huge) + "\n" + row(2, "B") + "\n"), Source.VACANCIES);
    assertEquals(List.of("2 OVERSIZE_ROW"), errors(recs), "faults");
    assertEquals("B", recs.get(1).title(), "next line");
    // A long field within a normal-length line: OVERSIZE_FIELD (limit 4,000 characters here).
    List<Rec> field = read(write("field.csv", HEADER + "\n" + row(1, "y".repeat(5000)) + "\n"), Source.VACANCIES);
    assertEquals(List.of("2 OVERSIZE_FIELD"), errors(field), "field over the limit");
  }

  @Test
  void anOversizeHeaderRejectsTheFileWithABoundedMessage() throws IOException {
    FileScan.Result r = scan(write("hdr.csv", "a".repeat(200_000) + "\n1\n"), Source.VACANCIES);
    assertEquals(FileScan.BAD_HEADER, r.problem(), "problem");
    assertTrue(r.detail().length() < 300, "the detail is short: " + r.detail().length());
  }

  @Test
  void aGzippedUtf8FileIsDecodedAfterDecompression() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write((HEADER + "\n" + row(1, "Бағдарламашы") + "\n" + row(2, "Геолог") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Path f = write("packed.csv.gz", bytes.toByteArray());
    assertEquals("UTF-8", scan(f, Source.VACANCIES).encoding(), "encoding of the decompressed text");
    assertEquals(List.of("Бағдарламашы", "Геолог"), read(f, Source.VACANCIES).stream().map(Rec::title).toList(), "titles");
  }

  @Test
  void aTruncatedGzipAndAFakeParquetFileAreRejectedByName() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 2000; i++) {
        gz.write((row(i, "Title " + i * 7919) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] all = bytes.toByteArray();
    FileScan.Result gz = scan(write("cut.csv.gz", Arrays.copyOf(all, all.length / 2)), Source.VACANCIES);
    assertEquals(FileScan.CORRUPT_FILE, gz.problem(), "truncated gzip: " + gz.detail());
    FileScan.Result pq = scan(write("fake.parquet", "PAR1 this is not parquet PAR1".getBytes(StandardCharsets.US_ASCII)), Source.VACANCIES);
    assertEquals(FileScan.CORRUPT_FILE, pq.problem(), "fake Parquet: " + pq.detail());
  }

  @Test
  void aWindows1251LineInAUtf8FileIsTheOneQuarantined() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write((HEADER + "\n" + row(1, "Геолог") + "\n" + row(2, "Маркшейдер") + "\n").getBytes(StandardCharsets.UTF_8));
    b.write((row(3, "Горный инженер") + "\n").getBytes(CP1251));
    b.write((row(4, "Бурильщик") + "\n").getBytes(StandardCharsets.UTF_8));
    Path f = write("mixed.csv", b.toByteArray());
    FileScan.Result s = scan(f, Source.VACANCIES);
    assertEquals("UTF-8", s.encoding(), "the file is UTF-8 (3 of 4 non-ASCII lines)");
    assertEquals(1, s.badLines(), "bad lines");
    List<Rec> recs = read(f, Source.VACANCIES);
    assertEquals(List.of("4 BAD_ENCODING"), errors(recs), "faults");
    assertEquals(List.of("Геолог", "Маркшейдер", "Бурильщик"), recs.stream().filter(r -> r.error() == null).map(Rec::title).toList(),
        "good rows not garbled");
  }

  @Test
  void aWindows1251FileWithOneUtf8LineReadsEveryLineRight() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write((HEADER + "\n" + row(1, "Геолог") + "\n" + row(2, "Маркшейдер") + "\n").getBytes(CP1251));
    b.write((row(3, "Бағдарламашы") + "\n").getBytes(StandardCharsets.UTF_8));
    Path f = write("cp.csv", b.toByteArray());
    assertEquals("windows-1251", scan(f, Source.VACANCIES).encoding(), "encoding");
    assertEquals(List.of("Геолог", "Маркшейдер", "Бағдарламашы"), read(f, Source.VACANCIES).stream().map(Rec::title).toList(), "titles");
  }

  @Test
  void jsonLinesKeepTheirLineNumbersAndHhContactsNeverReachTheRawText() throws IOException {
    String text = "{\"vacancy_id\": \"j1\", \"source\": \"other\", \"posted_date\": \"2025-03-01\", \"title\": \"QA\", \"region\": \"KZ-75\","
        + " \"skills\": [\"Selenium\", \"SQL; Python\"]}\n"
        + "\n"
        + "{\"vacancy_id\": \"j2\", \n"
        + "[1, 2]\n";
    List<Rec> recs = read(write("v.jsonl", text), Source.VACANCIES);
    assertEquals(List.of("3 MALFORMED_ROW", "4 MALFORMED_ROW"), errors(recs), "faults");
    assertEquals(2, recs.get(1).lines(), "the blank line counts with the record after it");
    // A skills list written as a JSON array reads as the CSV form; a ';' inside a name cannot split it.
    Path v = write("v1.jsonl", text.substring(0, text.indexOf('\n') + 1));
    Row first = FileRecords.rows(conf, new FileRecords.Task(v.toUri().toString(), "v1.jsonl", Source.VACANCIES, Format.JSON, null, ',', null, false),
        LIMITS).next();
    assertEquals("Selenium; SQL, Python", first.getString(Source.VACANCIES.columns().indexOf("skills")), "skills array");
    String hh = "{\"id\": \"7\", \"name\": \"Курьер\", \"contacts\": {\"phones\": [{\"number\": \"7011234567\"}]}, \"area\": {\"id\": \"160\"\n";
    Path f = write("hh.jsonl", hh);
    FileRecords.Task task = new FileRecords.Task(f.toUri().toString(), "hh.jsonl", Source.HH, Format.JSON, null, ',', null, false);
    Row r = FileRecords.rows(conf, task, LIMITS).next();
    String raw = r.getString(Source.HH.columns().size());
    assertTrue(raw.contains("\"contacts\": \"(removed)\"") && !raw.contains("7011234567"), raw);
    // A line that is not JSON may hold a requirement text: its contacts are masked before bronze, like the text's.
    Path g = write("hh2.jsonl", "{\"id\": \"8\", \"snippet\": {\"requirement\": \"Резюме: hr@example.kz, +7 701 123 45 67\"}\n");
    Row broken = FileRecords.rows(conf, new FileRecords.Task(g.toUri().toString(), "hh2.jsonl", Source.HH, Format.JSON, null, ',', null,
        false), LIMITS).next();
    assertEquals("{\"id\": \"8\", \"snippet\": {\"requirement\": \"Резюме: [e-mail], [phone]\"}", broken.getString(Source.HH.columns().size()),
        "the raw text of an unreadable hh line");
  }

  @Test
  void hhObjectsFlattenToTheFieldsSkillgapReads() throws IOException {
    String obj = "{\"id\": \"1\", \"name\": \"Java developer\", \"area\": {\"id\": \"160\", \"name\": \"Алматы\"}, "
        + "\"salary\": {\"from\": 1, \"to\": null, \"currency\": \"KZT\", \"gross\": true}, "
        + "\"salary_range\": {\"from\": 450000, \"to\": 600000.5, \"currency\": \"KZT\", \"gross\": false, \"mode\": {\"id\": \"MONTH\"}}, "
        + "\"published_at\": \"2026-03-06T18:19:57+0300\", \"employer\": {\"id\": \"10947523\"}, "
        + "\"professional_roles\": [{\"id\": \"96\"}, {\"id\": \"160\"}], \"key_skills\": [{\"name\": \"Java\"}, {\"name\": \"SQL\"}, {\"id\": 5}], "
        + "\"snippet\": {\"requirement\": \"Java; звоните +7 701 555 12 34\", \"responsibility\": null}, \"description\": \"<p>SQL</p>\"}\n";
    Path f = write("one.jsonl", obj);
    FileRecords.Task task = new FileRecords.Task(f.toUri().toString(), "one.jsonl", Source.HH, Format.JSON, null, ',', null, false);
    Row r = FileRecords.rows(conf, task, LIMITS).next();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < Source.HH.columns().size(); i++) {
      values.add(r.get(i));
    }
    // The salary range wins over the older salary object; numbers stay as written. A key skill without a name is
    // kept as a control character (conform quarantines the row as BAD_SKILLS); the snippet's phone is masked as read.
    assertEquals(Arrays.asList("1", "Java developer", "160", "Алматы", "450000", "600000.5", "KZT", "false", "MONTH",
        "2026-03-06T18:19:57+0300", "10947523", "96,160", null, null, null, "Java; SQL; \u0001", "Java; звоните [phone]", null, "<p>SQL</p>"),
        values, "flat columns");
  }
}
