package io.skillgap.gap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig.IndexSettings;
import io.skillgap.config.SkillgapConfig.ReliabilitySettings;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Confidence of a row, from its counts and history. The relative standard error of a count n is about
 * 1/sqrt(n) (Poisson): under 4 vacancies it passes 50% (the ABS "too unreliable" limit), from 16 it is at
 * most 25% ("reliable").
 * <ul>
 *   <li>low: fewer than low-below-count vacancies, fewer indicators than index.min-indicators, or no
 *       vacancies the year before (a single year of history);
 *   <li>high: at least high-min-count vacancies and high-min-count graduates behind the supply, at least
 *       high-min-indicators indicators, and a previous year;
 *   <li>medium: the rest.
 * </ul>
 */
public final class Reliability {
  private Reliability() {}

  public static Dataset<Row> withConfidence(Dataset<Row> indexed, ReliabilitySettings r, IndexSettings s) {
    Column history = coalesce(col("vacancies_prev"), lit(0.0)).gt(0);
    Column low = col("vacancies").lt(r.lowBelowCount()).or(col("indicators_used").lt(s.minIndicators())).or(history.equalTo(false));
    Column high = col("vacancies").geq(r.highMinCount()).and(col("supply_graduates").geq(r.highMinCount()))
        .and(col("indicators_used").geq(r.highMinIndicators())).and(history);
    return indexed.withColumn("confidence", when(col("is_residual"), lit(null).cast("string"))
        .when(low, lit("low")).when(high, lit("high")).otherwise(lit("medium")));
  }
}
