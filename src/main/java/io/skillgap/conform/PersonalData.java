package io.skillgap.conform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in free text and masks it: e-mail addresses (any script, e.g. "@почта.рф"),
 * messenger handles and links, phone numbers however they are written (spaces of every width, dashes
 * and en-dashes, dots, brackets, glued to words as in "тел87011234567" or "...67доб", with or without
 * a country or trunk prefix, landlines with area codes, foreign numbers), and Kazakhstan's 12-digit
 * IIN/BIN where its check digit holds (a random 12-digit id is left as it is).
 */
public final class PersonalData {
  private PersonalData() {}

  static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
  /** Telegram, WhatsApp and the like: a link, or an @handle that is not part of an e-mail address. */
  static final Pattern MESSENGER = Pattern.compile(
      "(?i)(?:https?://)?(?:t\\.me|telegram\\.me|wa\\.me|api\\.whatsapp\\.com|viber\\.click)/[\\w+/?=&-]+"
      + "|(?<![\\p{L}\\p{N}._%+-])@[A-Za-z][A-Za-z0-9_]{3,31}\\b");
  /**
   * A run of digits joined by what people put between the digits of a phone number: spaces of any width,
   * hyphens and dashes, dots, slashes and brackets (at most three such characters between two digits).
   */
  static final Pattern DIGITS = Pattern.compile(
      "\\+?\\(?\\d(?:[\\s\\u00A0\\u2007\\u2009\\u202F\\-\\u2010-\\u2015\\u2212.()/]{0,3}\\d)*");

  static final Pattern CARD = Pattern.compile("\\d{4}(?:[\\s\\u00A0-]\\d{4}){3}(?:[\\s\\u00A0-]?\\d{1,3})?");

  /** The text with personal data replaced by [e-mail], [contact], [phone], [iin] or [number]; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = EMAIL.matcher(text).replaceAll("[e-mail]");
    s = MESSENGER.matcher(s).replaceAll("[contact]");
    Matcher m = DIGITS.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Compiled once: the masking runs inside a UDF on every title. */
  private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
  private static final Pattern NOT_DIGITS = Pattern.compile("\\D+");
  private static final Pattern LEADING_NOT_DIGITS = Pattern.compile("^\\D+");

  /** What a run of digits becomes: itself unless it has the shape of a phone, an IIN/BIN or a card number. */
  static String replacement(String run) {
    String digits = NOT_DIGIT.matcher(run).replaceAll("");
    int n = digits.length();
    boolean plus = run.startsWith("+");
    boolean grouped = n != run.length() - (plus ? 1 : 0);
    // Phone numbers are written in groups of two to four digits, after a one-digit trunk or country code at
    // most; a single digit inside ("12.0.004-2015", a standard's number) is something else.
    String[] groups = NOT_DIGITS.split(LEADING_NOT_DIGITS.matcher(run).replaceFirst(""));
    boolean phoneGroups = java.util.Arrays.stream(groups).skip(1).noneMatch(g -> g.length() == 1);
    if (plus && n >= 8 && n <= 15 && phoneGroups) {
      return "[phone]"; // an international number: +7 701 ..., +44 20 ..., +996 ...
    }
    if ((n == 10 || n == 11) && phoneGroups) {
      return "[phone]"; // 701 123 45 67, 8 (7172) 55-66-77, 87011234567
    }
    if (n == 12 && !grouped) {
      return validIin(digits) ? "[iin]" : run;
    }
    if (CARD.matcher(run).matches()) {
      return "[number]"; // a payment card number written in groups of four
    }
    return run;
  }

  /**
   * Kazakhstan's IIN/BIN check digit: the weighted sum of the first 11 digits (weights 1..11) mod 11; when
   * that is 10, again with weights 3..11, 1, 2; a result of 10 again means no valid number.
   */
  static boolean validIin(String d) {
    if (d.length() != 12 || !d.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int check = weighted(d, 1);
    if (check == 10) {
      check = weighted(d, 3);
    }
    return check != 10 && check == d.charAt(11) - '0';
  }

  private static int weighted(String d, int firstWeight) {
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      int w = (firstWeight - 1 + i) % 11 + 1;
      sum += (d.charAt(i) - '0') * w;
    }
    return sum % 11;
  }
}
