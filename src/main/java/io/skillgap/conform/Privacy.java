package io.skillgap.conform;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Personal data stops at bronze. Free text (titles, and the original text kept in quarantine) has its
 * e-mail addresses, messenger contacts, phone numbers and IIN/BIN masked ({@link PersonalData}); employer
 * ids are replaced by a salted hash, because the BIN of a sole proprietor is their personal IIN. Equal ids
 * still hash equal, so duplicates are still found.
 */
public final class Privacy {
  private Privacy() {}

  private static final UserDefinedFunction MASK = udf((UDF1<String, String>) PersonalData::mask, DataTypes.StringType);

  /** The text with personal data replaced by [e-mail], [contact], [phone], [iin] or [number]. */
  public static Column mask(Column text) {
    return MASK.apply(text);
  }

  /** A salted SHA-256 of the id (first 20 hex digits), null for a blank id. */
  public static Column pseudonym(Column id, String salt) {
    Column t = trim(id);
    return when(t.isNotNull().and(t.notEqual("")), substring(sha2(concat(lit(salt + ":"), t), 256), 1, 20));
  }
}
