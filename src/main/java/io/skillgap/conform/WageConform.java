package io.skillgap.conform;

import static io.skillgap.conform.Rules.REASON;
import static io.skillgap.conform.Rules.blank;
import static io.skillgap.conform.Rules.present;
import static io.skillgap.conform.Rules.rule;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.skillgap.conform.Rules.Rule;
import io.skillgap.config.SkillgapConfig.WageSettings;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Bronze official wages to typed rows keyed by year, region (or KZ for the country) and ISCO code at any level. */
public final class WageConform {
  private WageConform() {}

  public static Dataset<Row> typed(Dataset<Row> bronze) {
    return bronze
        .withColumn("w_year", trim(col("year")).try_cast("int"))
        .withColumn("w_isco", trim(col("occupation_code")))
        .withColumn("w_wage", VacancyConform.number(col("avg_monthly_wage")))
        .withColumn("w_employees", VacancyConform.number(col("employees")).try_cast("long"));
  }

  /** Marks whether the code is an ISCO-08 group at any of the four levels (w_isco_known). */
  public static Dataset<Row> withOccupation(Dataset<Row> rows, Dataset<Row> isco) {
    Dataset<Row> codes = broadcast(isco.select(col("isco_code").as("_code"), lit(true).as("w_isco_known")));
    return rows.join(codes, col("w_isco").equalTo(col("_code")), "left").drop("_code");
  }

  public static List<Rule> rules(WageSettings s, LocalDate asOf) {
    return List.of(
        Rules.parseFault(),
        rule("BAD_YEAR", col("w_year").isNull().or(col("w_year").lt(2000)).or(col("w_year").gt(asOf.getYear()))),
        rule("MISSING_REGION", blank("region")),
        rule("UNKNOWN_REGION", col("w_region").isNull()),
        rule("UNKNOWN_OCCUPATION_CODE", col("w_isco_known").isNull()),
        rule("BAD_WAGE", col("w_wage").isNull().or(col("w_wage").leq(0))),
        rule("ABSURD_WAGE", col("w_wage").lt(s.minMonthlyWageKzt()).or(col("w_wage").gt(s.maxMonthlyWageKzt()))),
        rule("BAD_EMPLOYEES", present("employees").and(col("w_employees").isNull().or(col("w_employees").lt(0)))),
        rule("IMPLAUSIBLE_COUNT", col("w_employees").gt(s.maxEmployees())));
  }

  /**
   * An average wage is one figure per key; a second valid row for the same year, region and code is
   * quarantined as DUPLICATE_KEY (the first by row id is kept) rather than silently averaged.
   */
  public static Dataset<Row> flagDuplicateKeys(Dataset<Row> checked) {
    Dataset<Row> ranked = checked.withColumn("_rank", when(col(REASON).isNull(),
        row_number().over(Window.partitionBy(col("w_year"), col("w_region"), col("w_isco"), col(REASON)).orderBy(Source.SOURCE_FILE, "_row_id"))));
    return ranked.withColumn(REASON, when(col("_rank").gt(1), lit("DUPLICATE_KEY")).otherwise(col(REASON))).drop("_rank");
  }

  public static Dataset<Row> accepted(Dataset<Row> accepted) {
    return accepted.select(
        lit(Source.WAGES.folder()).as("origin"),
        col("w_year").as("year"),
        col("w_region").as("region"),
        col("w_isco").as("isco_code"),
        length(col("w_isco")).as("isco_level"),
        col("w_wage").as("avg_monthly_wage_kzt"),
        col("w_employees").as("employees"),
        col("_row_id"),
        col(Source.SOURCE_FILE),
        col("_batch_id"));
  }
}
