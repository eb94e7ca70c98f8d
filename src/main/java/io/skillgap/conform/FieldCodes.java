package io.skillgap.conform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Field-of-study codes to ISCED-F 2013. Accepted forms:
 * <ul>
 *   <li>an ISCED-F code of 2 to 4 digits ("06", "061", "0613");
 *   <li>a Kazakhstan higher-education programme code such as 6B06101: level digit and letter (6B
 *       bachelor, 7M master, 8D doctorate), the three-digit training direction ("061"), a programme
 *       number. Directions follow ISCED-F up to 08 but not beyond (09 veterinary, 10 health, 11
 *       services), so they go through the kz_training_directions reference table;
 *   <li>a TVET specialty code of 7 or 8 digits whose first four are the ISCED-F detailed field
 *       (06130100 is "0613").
 * </ul>
 */
public final class FieldCodes {
  private FieldCodes() {}

  private static final String ISCED = "^[0-9]{2,4}$";
  private static final String KZ_HIGHER = "^([678])([BMD])([0-9]{3})[0-9]{0,3}$";
  private static final String TVET = "^[0-9]{7,8}$";

  /** The ISCED-F code of the plain and TVET forms; null for programme codes and anything else. */
  public static Column directIsced(Column raw) {
    Column c = upper(trim(raw));
    return when(c.rlike(ISCED), c).when(c.rlike(TVET), substring(c, 1, 4));
  }

  /** The training direction of a Kazakhstan programme code ("061" of 6B06101), else null. */
  public static Column kzDirection(Column raw) {
    Column c = upper(trim(raw));
    return when(c.rlike(KZ_HIGHER), regexp_extract(c, KZ_HIGHER, 3));
  }

  /** The study level a programme code implies (bachelor, master, doctorate), null when it implies none. */
  public static Column impliedLevel(Column raw) {
    Column letter = regexp_extract(upper(trim(raw)), KZ_HIGHER, 2);
    return when(letter.equalTo("B"), lit("bachelor"))
        .when(letter.equalTo("M"), lit("master"))
        .when(letter.equalTo("D"), lit("doctorate"));
  }

  /** Adds {@code out}: the ISCED-F code of {@code rawCol} in any accepted form, null when it has none. */
  public static Dataset<Row> withIsced(Dataset<Row> rows, String rawCol, Dataset<Row> kzDirections, String out) {
    Dataset<Row> d = broadcast(kzDirections.select(col("direction").as("_dir"), col("isced_field").as("_dir_field")));
    return rows.join(d, kzDirection(col(rawCol)).equalTo(col("_dir")), "left")
        .withColumn(out, coalesce(col("_dir_field"), directIsced(col(rawCol))))
        .drop("_dir", "_dir_field");
  }

  /**
   * The crosswalk key for an ISCED-F code: the most detailed of the code and its parents (4, 3, then 2
   * digits) that has crosswalk rows; null when none has, so the graduates go wholly to OTHER.
   */
  public static Column crosswalkKey(Column isced, Set<String> crosswalkFields) {
    Column out = lit(null).cast("string");
    // Built from the broadest up, so the most detailed usable prefix is tested first.
    for (int digits = 2; digits <= 4; digits++) {
      Column prefix = substring(isced, 1, digits);
      Column usable = length(isced).geq(digits).and(prefix.isin(crosswalkFields.toArray()));
      out = when(usable, prefix).otherwise(out);
    }
    return out;
  }
}
