package io.skillgap.report;

/**
 * A cell of a CSV file the project writes is untrusted text: a value starting with =, +, -, @, a tab or
 * a carriage return would be run as a formula by Excel or LibreOffice (CSV injection). Such text is
 * prefixed with an apostrophe, the OWASP recommendation; numbers are written as numbers and need none.
 */
public final class SafeCsv {
  private SafeCsv() {}

  /** The value as it may go into a CSV cell. */
  public static Object cell(Object value) {
    return value instanceof String s ? text(s) : value;
  }

  /** Text that a spreadsheet would not evaluate. */
  public static String text(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n' ? "'" + s : s;
  }
}
