package io.skillgap.gap;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig.IndexSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * For officials: per region and year, the occupations ranked by the shortage index, each with the two
 * indicators that pull its index most in its direction, in words.
 */
public final class ShortageRanking {
  private ShortageRanking() {}

  /** What each indicator says about an occupation, with its figure. */
  static Column sentence(String id, int longVacancyDays) {
    return switch (id) {
      case "demand_supply" -> format_string("%.1f positions per new graduate", col("demand_supply_ratio"));
      case "vacancy_growth" -> format_string("vacancies %+.0f%% against the region's trend", col("vacancy_growth_rel").multiply(100));
      case "posted_salary_growth" -> format_string("posted salaries %+.0f%% against the region's trend",
          col("posted_salary_growth_rel").multiply(100));
      case "official_wage_growth" -> format_string("official wages %+.0f%% against the region's trend",
          col("official_wage_growth_rel").multiply(100));
      case "salary_premium" -> format_string("posted salaries %+.0f%% against the region's median", col("salary_premium").multiply(100));
      case "time_to_fill" -> format_string("time to fill %+.0f%% against the region's median", col("time_to_fill_rel").multiply(100));
      case "long_vacancy_share" -> format_string("%.0f%% of vacancies open longer than " + longVacancyDays + " days",
          col("long_vacancy_share").multiply(100));
      case "readvertising" -> format_string("%.1f ads per vacancy", col("readvertising_rate"));
      default -> throw new IllegalArgumentException(id);
    };
  }

  /** The same without figures, for rows whose counts are suppressed in the published tables. */
  public static final Map<String, String> PLAIN = Map.of(
      "demand_supply", "positions per new graduate",
      "vacancy_growth", "vacancy growth against the region",
      "posted_salary_growth", "posted salary growth against the region",
      "official_wage_growth", "official wage growth against the region",
      "salary_premium", "posted salaries against the region's median",
      "time_to_fill", "time to fill against the region's median",
      "long_vacancy_share", "share of long-open vacancies",
      "readvertising", "ads per vacancy");

  /** Adds reasons: an array of (contribution, indicator, sentence), strongest in the index's direction first. */
  public static Dataset<Row> withReasons(Dataset<Row> indexed, IndexSettings s) {
    Column den = lit(0.0);
    for (String id : Indicators.ids()) {
      den = den.plus(when(col(ShortageIndex.score(id)).isNotNull(), lit(s.weights().get(id))).otherwise(0.0));
    }
    List<Column> items = new ArrayList<>();
    for (String id : Indicators.ids()) {
      Column contribution = col(ShortageIndex.score(id)).multiply(s.weights().get(id)).divide(den);
      items.add(struct(contribution.as("c"), lit(id).as("indicator"), sentence(id, s.longVacancyDays()).as("text")));
    }
    Dataset<Row> withItems = indexed.withColumn("_items", array(items.toArray(Column[]::new)))
        .withColumn("_items", expr("filter(_items, x -> x.c is not null and x.c <> 0)"));
    return withItems.withColumn("_reasons", when(col("shortage_index").geq(0), sort_array(col("_items"), false))
            .otherwise(sort_array(col("_items"), true)))
        .withColumn("reason_1_indicator", try_element_at(col("_reasons"), lit(1)).getField("indicator"))
        .withColumn("reason_1", try_element_at(col("_reasons"), lit(1)).getField("text"))
        .withColumn("reason_2_indicator", try_element_at(col("_reasons"), lit(2)).getField("indicator"))
        .withColumn("reason_2", try_element_at(col("_reasons"), lit(2)).getField("text"))
        .drop("_items", "_reasons");
  }

  /** Rows that can be ranked: real occupations a programme supplies, with enough indicators for a status. */
  static Dataset<Row> rankable(Dataset<Row> indexed) {
    return indexed.where(col("is_residual").equalTo(false).and(col("shortage_index").isNotNull())
        .and(col("status").notEqual("insufficient_data")).and(col("education_pipeline").equalTo(true)));
  }

  /** The ranking table: rank 1 = tightest occupation of the region and year. */
  public static Dataset<Row> build(Dataset<Row> indexed, IndexSettings s) {
    return withReasons(rankable(indexed), s)
        .withColumn("rank", row_number().over(Window.partitionBy("year", "region")
            .orderBy(col("shortage_index").desc(), col("isco_code"))));
  }
}
