package io.skillgap.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV file after its header, assembled from physical lines. A record is one line,
 * unless a quoted field spans lines where the format allows it ({@link Dialect#multiLine}); even then a
 * record may take at most {@code maxLines} lines and {@code maxSpanBytes} bytes, and only if the lines
 * together parse into a record of the header's width. Otherwise its first line is quarantined as
 * UNBALANCED_QUOTE and the following lines are read again as records of their own: a runaway quote
 * costs one row, never the rest of the file.
 */
final class CsvRecords extends Records {

  /** How the file is written: delimiter, number of header columns, the canonical slot of each, and limits. */
  record Dialect(char delimiter, int width, int[] slots, int canonicalWidth, boolean multiLine, int maxLines, int maxSpanBytes,
      int maxFieldChars) {}

  /** A physical line as read: its text (null when badly encoded) or, if oversize, only its first bytes. */
  private record Line(long number, String text, String lossy, boolean oversize, boolean blank) {}

  private final PhysicalLines lines;
  private final Dialect d;
  private final Charset fallback;
  private final CSVFormat format;
  private final Deque<Line> pushedBack = new ArrayDeque<>();

  CsvRecords(PhysicalLines lines, Dialect dialect, Charset fallback) {
    this.lines = lines;
    this.d = dialect;
    this.fallback = fallback;
    this.format = CSVFormat.DEFAULT.builder().setDelimiter(dialect.delimiter()).get();
  }

  @Override
  protected ParsedRecord advance() {
    int blank = 0;
    Line first = read();
    while (first != null && first.blank()) {
      blank++; // between records a blank line is nothing; inside a quoted field (below) it is text
      first = read();
    }
    // Blank lines count with the record after them, so a record's lines and the file's lines add up.
    return first == null ? null : ParsedRecord.withBlankLinesBefore(record(first), blank);
  }

  private Line read() {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pollFirst();
    }
    try {
      if (!lines.next()) {
        return null;
      }
      String text = lines.oversize() ? null : lines.text(fallback);
      return new Line(lines.number(), text, text == null ? lines.lossy() : null, lines.oversize(), lines.blank());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ParsedRecord record(Line first) {
    if (first.oversize()) {
      return ParsedRecord.fault(first.number(), 1, first.lossy(), ParsedRecord.OVERSIZE_ROW);
    }
    if (first.text() == null) {
      return ParsedRecord.fault(first.number(), 1, first.lossy(), ParsedRecord.BAD_ENCODING);
    }
    Parsed p = parse(first.text());
    if (p.fields != null || !p.incomplete || !d.multiLine()) {
      return record(first.number(), 1, first.text(), p);
    }
    // A quote is still open at the end of the line: join the next lines while the bound allows.
    List<Line> taken = new ArrayList<>();
    StringBuilder text = new StringBuilder(first.text());
    while (taken.size() + 1 < d.maxLines()) {
      Line more = read();
      if (more == null) {
        break;
      }
      taken.add(more);
      if (more.text() == null || text.length() + 1 + more.text().length() > d.maxSpanBytes()) {
        break;
      }
      text.append('\n').append(more.text());
      Parsed joined = parse(text.toString());
      if (joined.fields != null && joined.fields.length == d.width()) {
        return record(first.number(), taken.size() + 1, text.toString(), joined);
      }
      if (!joined.incomplete) {
        break;
      }
    }
    // No well-formed record within the bound: the first line alone is at fault; the others are read again.
    for (int i = taken.size() - 1; i >= 0; i--) {
      pushedBack.addFirst(taken.get(i));
    }
    return ParsedRecord.fault(first.number(), 1, first.text(), ParsedRecord.UNBALANCED_QUOTE);
  }

  private ParsedRecord record(long line, int span, String text, Parsed p) {
    if (p.fields == null) {
      return ParsedRecord.fault(line, span, text, p.incomplete ? ParsedRecord.UNBALANCED_QUOTE : ParsedRecord.MALFORMED_ROW);
    }
    if (p.fields.length != d.width()) {
      return ParsedRecord.fault(line, span, text, ParsedRecord.MALFORMED_ROW);
    }
    String[] values = new String[d.canonicalWidth()];
    for (int i = 0; i < p.fields.length; i++) {
      String v = p.fields[i];
      if (v.length() > d.maxFieldChars()) {
        return ParsedRecord.fault(line, span, text, ParsedRecord.OVERSIZE_FIELD);
      }
      int slot = d.slots()[i];
      if (slot >= 0) {
        values[slot] = v.isEmpty() ? null : v;
      }
    }
    return new ParsedRecord(line, span, values, null, null);
  }

  /** Fields of one record's text, or why not: {@code incomplete} when a quote is left open. */
  private record Parsed(String[] fields, boolean incomplete) {}

  private Parsed parse(String text) {
    if (text.indexOf('"') < 0) {
      return new Parsed(split(text, d.delimiter()), false);
    }
    try (CSVParser parser = CSVParser.parse(text, format)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() == 1) {
        return new Parsed(records.get(0).values(), false);
      }
      return new Parsed(null, false);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return new Parsed(null, quotes(text) % 2 == 1);
    }
  }

  /** A line with no quote character is the fields between delimiters: no CSV dialect question arises. */
  static String[] split(String text, char delimiter) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == delimiter) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out.toArray(String[]::new);
  }

  private static int quotes(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }
}
