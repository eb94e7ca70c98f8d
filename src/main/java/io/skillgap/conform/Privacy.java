package io.skillgap.conform;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Personal data stops at bronze. Free text (titles, and the original text kept in quarantine) has its
 * e-mail addresses and phone numbers masked; employer ids are replaced by a salted hash, because the BIN
 * of a sole proprietor is their personal IIN. Equal ids still hash equal, so duplicates are still found.
 */
public final class Privacy {
  private Privacy() {}

  static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";
  /** Kazakh and Russian numbers (+7 / 8, then 10 digits in any grouping) and other international ones. */
  static final String PHONE = "(?:\\+7|\\b8|\\+\\d{1,3})[\\s\\-().]*\\d{3}[\\s\\-().]*\\d{3}[\\s\\-.]*\\d{2}[\\s\\-.]*\\d{2}\\b";

  /** The text with e-mail addresses and phone numbers replaced by [e-mail] and [phone]. */
  public static Column mask(Column text) {
    return regexp_replace(regexp_replace(text, EMAIL, "[e-mail]"), PHONE, "[phone]");
  }

  /** A salted SHA-256 of the id (first 20 hex digits), null for a blank id. */
  public static Column pseudonym(Column id, String salt) {
    Column t = trim(id);
    return when(t.isNotNull().and(t.notEqual("")), substring(sha2(concat(lit(salt + ":"), t), 256), 1, 20));
  }
}
