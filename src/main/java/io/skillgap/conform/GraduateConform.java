package io.skillgap.conform;

import static io.skillgap.conform.Rules.blank;
import static io.skillgap.conform.Rules.rule;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;

import io.skillgap.conform.Rules.Rule;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Bronze graduate counts to typed rows with an ISCED-F field code and a known study level. */
public final class GraduateConform {
  private GraduateConform() {}

  /** Study levels the pipeline knows; their entry shares come from configuration. */
  public static final List<String> LEVELS = List.of("tvet", "bachelor", "master", "doctorate");

  public static Dataset<Row> typed(Dataset<Row> bronze) {
    return bronze
        .withColumn("g_year", trim(col("year")).try_cast("int"))
        .withColumn("g_implied_level", FieldCodes.impliedLevel(col("field_code")))
        .withColumn("g_level", lower(trim(col("level"))))
        .withColumn("g_count", VacancyConform.number(col("graduates")).try_cast("long"))
        .withColumn("g_count_exact", VacancyConform.number(col("graduates")));
  }

  /** Decodes the field code to ISCED-F (g_field) and marks whether that code exists (g_field_known). */
  public static Dataset<Row> withField(Dataset<Row> rows, Dataset<Row> isced, Dataset<Row> kzDirections) {
    Dataset<Row> decoded = FieldCodes.withIsced(rows, "field_code", kzDirections, "g_field");
    Dataset<Row> f = broadcast(isced.select(col("field_code").as("_f"), lit(true).as("g_field_known")));
    return decoded.join(f, col("g_field").equalTo(col("_f")), "left").drop("_f");
  }

  public static List<Rule> rules(io.skillgap.config.SkillgapConfig.GraduateSettings s, LocalDate asOf) {
    return List.of(
        Rules.parseFault(),
        rule("BAD_YEAR", col("g_year").isNull().or(col("g_year").lt(2000)).or(col("g_year").gt(asOf.getYear()))),
        rule("MISSING_REGION", blank("region")),
        rule("UNKNOWN_REGION", col("g_region").isNull()),
        rule("REGION_NOT_SUBNATIONAL", col("g_region_type").equalTo("country")),
        rule("BAD_FIELD_CODE", col("g_field").isNull().or(col("g_field_known").isNull())),
        rule("UNKNOWN_LEVEL", col("g_level").isin(LEVELS.toArray()).equalTo(false).or(col("g_level").isNull())),
        rule("LEVEL_MISMATCH", col("g_implied_level").isNotNull().and(col("g_implied_level").notEqual(col("g_level")))),
        rule("BAD_COUNT", col("g_count").isNull().or(col("g_count").lt(0))
            .or(col("g_count_exact").notEqual(col("g_count").cast("double")))),
        rule("IMPLAUSIBLE_COUNT", col("g_count").gt(s.maxPerRow())));
  }

  /** Accepted rows in silver shape. */
  public static Dataset<Row> accepted(Dataset<Row> accepted) {
    return accepted.select(
        col("g_year").as("year"),
        col("g_region").as("region"),
        col("g_field").as("field_code"),
        trim(col("field_code")).as("field_code_raw"),
        col("g_level").as("level"),
        col("g_count").as("graduates"),
        col("_row_id"),
        col(Source.SOURCE_FILE),
        col("_batch_id"));
  }

}
