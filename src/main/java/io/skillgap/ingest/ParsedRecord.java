package io.skillgap.ingest;

/**
 * One record of a landing file as the parser saw it: where it starts ({@code line}: the physical line,
 * or the record number in a Parquet file), how many physical lines it took, its values in the source's
 * canonical column order (null when it could not be parsed), its raw text when it could not be parsed,
 * and the reason code of the parse fault (null when it parsed). Blank lines before a record count among
 * its lines, so that the header, the records' lines and the blank lines at the end add up to the file's.
 */
public record ParsedRecord(long line, int lines, String[] values, String raw, String error) {
  /** A record that could not be parsed: its raw text (cut to a bound) and why. */
  static ParsedRecord fault(long line, int lines, String raw, String error) {
    return new ParsedRecord(line, lines, null, Text.clip(raw, Text.RAW_LIMIT), error);
  }

  /** The record with the blank lines before it counted among its lines (a file's lines then add up). */
  static ParsedRecord withBlankLinesBefore(ParsedRecord r, int blank) {
    return blank == 0 ? r : new ParsedRecord(r.line(), r.lines() + blank, r.values(), r.raw(), r.error());
  }

  /** Reason codes of parse faults (the quarantine's reason). */
  public static final String MALFORMED_ROW = "MALFORMED_ROW";
  public static final String UNBALANCED_QUOTE = "UNBALANCED_QUOTE";
  public static final String OVERSIZE_ROW = "OVERSIZE_ROW";
  public static final String OVERSIZE_FIELD = "OVERSIZE_FIELD";
  public static final String BAD_ENCODING = "BAD_ENCODING";
  public static final String FILE_READ_ERROR = "FILE_READ_ERROR";
}
