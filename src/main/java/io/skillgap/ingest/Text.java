package io.skillgap.ingest;

/**
 * Untrusted text quoted in logs, manifests, summaries and quarantine is cut to a bound: a 200 MB header
 * line must not become a 200 MB log line or summary.
 */
public final class Text {
  private Text() {}

  /** Characters of a file name, a header or a value quoted in a message. */
  public static final int QUOTE_LIMIT = 200;
  /** Characters of a row's raw text kept in quarantine. */
  public static final int RAW_LIMIT = 4096;

  /** The text cut to {@code max} characters, saying how long it was; null stays null. */
  public static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int cut = max;
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut) + "... [" + s.length() + " characters, cut]";
  }

  /** {@link #clip} at the limit for a quoted name or value. */
  public static String quote(String s) {
    return clip(s, QUOTE_LIMIT);
  }
}
