package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.skillgap.store.Bronze;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one shape every vacancy source is brought to before validation: the canonical vacancy columns (as
 * text), the bronze bookkeeping, and what an adapter knows beyond them — the source folder the row came
 * from, its country, the board's professional roles, how its occupation code was found, a reason the
 * adapter already knows the row cannot be used for, and its original values for quarantine.
 */
public final class VacancyInput {
  private VacancyInput() {}

  public static final String ORIGIN = "_origin";
  public static final String COUNTRY = "_country";
  public static final String ABROAD = "_abroad";
  public static final String ROLE_IDS = "_role_ids";
  public static final String OCC_METHOD = "_occ_method";
  public static final String PRE_REASON = "_pre_reason";
  public static final String RAW = "_raw";

  /** Reasons an adapter decides before the common rules (they are judged first, in this order). */
  public static final List<String> PRE_REASONS = List.of("PAY_NOT_PERIODIC", "UNKNOWN_NKZ_CODE");

  /** The columns of the shape, in order. */
  public static List<String> columns() {
    List<String> out = new ArrayList<>(Source.VACANCIES.columns());
    out.addAll(List.of(Source.CORRUPT, Source.SOURCE_FILE, "_row_id", Bronze.LINES, Bronze.PARSE_ERROR, "_batch_id", "_load_time",
        ORIGIN, COUNTRY, ABROAD, ROLE_IDS, OCC_METHOD, PRE_REASON, RAW));
    return out;
  }

  /** Canonical vacancy rows: all in the home country, codes (when given) from the source itself. */
  public static Dataset<Row> canonical(Dataset<Row> bronze, String homeCountry, String salt) {
    return select(bronze
        .withColumn(ORIGIN, lit(Source.VACANCIES.folder()))
        .withColumn(COUNTRY, lit(homeCountry))
        .withColumn(ABROAD, lit(false))
        .withColumn(ROLE_IDS, lit(null).cast("string"))
        .withColumn(OCC_METHOD, lit(null).cast("string"))
        .withColumn(PRE_REASON, lit(null).cast("string"))
        .withColumn(RAW, raw(Source.VACANCIES, salt)));
  }

  /** The shape's columns only, in order (for unionByName). */
  public static Dataset<Row> select(Dataset<Row> rows) {
    return rows.select(columns().stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /**
   * Text of the source's own columns as JSON: what quarantine keeps of a row that parsed. The employer id
   * is kept only as its pseudonym (a sole proprietor's BIN is their IIN); free texts are left out.
   */
  static Column raw(Source source, String salt) {
    return to_json(struct(source.columns().stream().filter(c -> !Source.TEXTS.contains(c))
        .map(c -> c.equals("employer_id") ? Privacy.pseudonym(col(c), salt).as(c) : col(c)).toArray(Column[]::new)));
  }
}
