package io.skillgap.classify;

import io.skillgap.report.SafeCsv;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Codes a CSV file of job titles without Spark, for analysts who want to see what the nightly run would
 * make of a list: every input row comes out once, in order, with its columns and the coding appended.
 */
public final class TitleFile {
  /** The columns appended to each row. */
  static final List<String> CODING_COLUMNS = List.of("isco_code", "isco_level", "method", "confidence");

  /** The input does not have the shape the command needs: the message says what to change. */
  public static final class BadInputException extends RuntimeException {
    BadInputException(String message) {
      super(message);
    }
  }

  /** What a file held: rows read, and how many were coded at each ISCO level (index 0: not coded). */
  public record Summary(long rows, long[] byLevel) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder().append(rows).append(" titles: ");
      String[] names = {"not coded", "major group", "sub-major group", "minor group", "unit group"};
      for (int level = 4; level >= 0; level--) {
        b.append(names[level]).append(' ').append(byLevel[level])
            .append(String.format(Locale.ROOT, " (%.1f%%)", rows == 0 ? 0.0 : 100.0 * byLevel[level] / rows)).append(level > 0 ? ", " : "");
      }
      return b.toString();
    }
  }

  private TitleFile() {}

  /**
   * Reads titles (a {@code title} column, optionally {@code role_id} with the board's professional roles,
   * comma-separated) and writes the same rows with their coding. A row without a title is written uncoded.
   */
  public static Summary code(TitleClassifier classifier, Reader in, Writer out, boolean evidence) throws IOException {
    CSVFormat read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();
    try (CSVParser parser = CSVParser.parse(in, read)) {
      List<String> header = parser.getHeaderNames();
      int title = header.indexOf("title");
      if (title < 0) {
        throw new BadInputException("no 'title' column in the header " + header + " (the file must be UTF-8 CSV with a header row)");
      }
      int role = header.indexOf("role_id");
      List<String> outHeader = new ArrayList<>(header);
      outHeader.removeAll(CODING_COLUMNS);
      outHeader.remove("evidence");
      int kept = outHeader.size();
      outHeader.addAll(CODING_COLUMNS);
      if (evidence) {
        outHeader.add("evidence");
      }
      long[] byLevel = new long[5];
      long rows = 0;
      CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
      printer.printRecord(outHeader.stream().map(SafeCsv::text).toList());
      var records = parser.iterator();
      while (next(records, parser)) {
        CSVRecord r = records.next();
        rows++;
        String t = value(r, title);
        List<String> roles = role < 0 || value(r, role) == null ? List.of()
            : Arrays.stream(value(r, role).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        TitleClassifier.Coding c = t == null || t.isBlank() ? TitleClassifier.Coding.none() : classifier.classify(t, roles);
        byLevel[c.level()]++;
        List<Object> cells = new ArrayList<>(outHeader.size());
        for (int i = 0; i < kept; i++) {
          cells.add(SafeCsv.text(value(r, header.indexOf(outHeader.get(i)))));
        }
        cells.add(c.isco());
        cells.add(c.level() == 0 ? null : c.level());
        cells.add(c.method());
        cells.add(c.level() == 0 ? null : c.confidence());
        if (evidence) {
          cells.add(SafeCsv.text(c.evidence()));
        }
        printer.printRecord(cells);
      }
      printer.flush();
      return new Summary(rows, byLevel);
    }
  }

  /** Whether a record follows; a broken quote or bytes that are not UTF-8 stop the file with the line they are on. */
  private static boolean next(java.util.Iterator<CSVRecord> records, CSVParser parser) {
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      Throwable cause = e.getCause();
      String what = cause instanceof java.nio.charset.CharacterCodingException ? "bytes that are not UTF-8" : cause.getMessage();
      throw new BadInputException("line " + (parser.getCurrentLineNumber() + 1) + ": " + what);
    }
  }

  private static String value(CSVRecord r, int column) {
    return column < r.size() ? r.get(column) : null;
  }
}
