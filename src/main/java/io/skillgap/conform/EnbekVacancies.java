package io.skillgap.conform;

import static io.skillgap.conform.Rules.present;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Enbek.kz labour-exchange exports to the common vacancy shape: NKZ occupation codes through the NKZ →
 * ISCO-08 table (the first four digits name the unit group; an NKZ code the table lacks is quarantined,
 * not guessed), dates written dd.MM.yyyy, salaries in KZT per month.
 */
public final class EnbekVacancies {
  private EnbekVacancies() {}

  /** dd.MM.yyyy to yyyy-MM-dd; any other text is kept for the date rules to judge. */
  static Column isoDate(Column raw) {
    Column t = trim(raw);
    return when(t.rlike("^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}"),
        concat(substring(t, 7, 4), lit("-"), substring(t, 4, 2), lit("-"), substring(t, 1, 2))).otherwise(t);
  }

  public static Dataset<Row> toInput(Dataset<Row> bronze, Dataset<Row> nkz, String board, String homeCountry, String salt) {
    Dataset<Row> table = broadcast(nkz.select(col("nkz_code").as("_nkz"), col("isco_code").as("_nkz_isco")));
    Column unit = regexp_extract(regexp_replace(col("nkz_code"), "[^0-9]", ""), "^([0-9]{4})", 1);
    Dataset<Row> rows = bronze.withColumn("_nkz_unit", unit).join(table, col("_nkz_unit").equalTo(col("_nkz")), "left");
    return VacancyInput.select(rows
        .withColumn(VacancyInput.RAW, VacancyInput.raw(Source.ENBEK, salt))
        .withColumn("source", lit(board))
        .withColumn("posted_date", isoDate(col("posted_date")))
        .withColumn("closed_date", lit(null).cast("string"))
        .withColumn("occupation_code", col("_nkz_isco"))
        .withColumn("sector_code", lit(null).cast("string"))
        .withColumn("currency", lit("KZT"))
        .withColumn("salary_period", lit("month"))
        .withColumn("education_level", lit(null).cast("string"))
        .withColumn("skills", lit(null).cast("string"))
        .withColumn(VacancyInput.ORIGIN, lit(Source.ENBEK.folder()))
        .withColumn(VacancyInput.COUNTRY, lit(homeCountry))
        .withColumn(VacancyInput.ABROAD, lit(false))
        .withColumn(VacancyInput.ROLE_IDS, lit(null).cast("string"))
        .withColumn(VacancyInput.OCC_METHOD, when(col("_nkz_isco").isNotNull(), lit("nkz")))
        .withColumn(VacancyInput.PRE_REASON, when(present("nkz_code").and(col("_nkz_isco").isNull()), lit("UNKNOWN_NKZ_CODE"))));
  }
}
