package io.skillgap.gap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The eight shortage indicators of an occupation in a region and year, each oriented so that higher
 * means tighter, each null where the data behind it is too thin (fewer than {@code minObservations}
 * vacancies, salaries or closed vacancies) or missing. Residual buckets get none.
 */
public final class Indicators {
  private Indicators() {}

  /** Indicator id to the published column holding its raw value. */
  public static final Map<String, String> COLUMN = columns();

  private static Map<String, String> columns() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("demand_supply", "demand_supply_ratio");
    m.put("vacancy_growth", "vacancy_growth_rel");
    m.put("posted_salary_growth", "posted_salary_growth_rel");
    m.put("official_wage_growth", "official_wage_growth_rel");
    m.put("salary_premium", "salary_premium");
    m.put("time_to_fill", "time_to_fill_rel");
    m.put("long_vacancy_share", "long_vacancy_share");
    m.put("readvertising", "readvertising_rate");
    return m;
  }

  public static List<String> ids() {
    return List.copyOf(COLUMN.keySet());
  }

  /** Ratio of two growth factors minus one: how much faster than the region's reference this grew. */
  private static Column relativeGrowth(Column now, Column before, Column refNow, Column refBefore) {
    return now.divide(before).divide(refNow.divide(refBefore)).minus(1);
  }

  /**
   * Adds the raw indicator columns to the table of {@link OccupationGap#build}. The ratio and the salary
   * premium are already there; they are nulled here where too thin.
   */
  public static Dataset<Row> raw(Dataset<Row> gap, int minObservations) {
    Column real = col("is_residual").equalTo(false);
    Column enoughVacancies = col("vacancies").geq(minObservations);
    Column enoughSalaries = col("salary_observations").geq(minObservations);
    Column enoughClosed = col("closed_observations").geq(minObservations);
    Dataset<Row> withOfficial = withOfficialWageGrowth(gap);
    return withOfficial
        .withColumn("demand_supply_ratio", when(real, col("demand_supply_ratio")))
        .withColumn("vacancy_growth_rel", when(real.and(col("vacancies_prev").geq(minObservations)).and(col("region_vacancies_prev").gt(0)),
            relativeGrowth(col("vacancies"), col("vacancies_prev"), col("region_vacancies"), col("region_vacancies_prev"))))
        .withColumn("posted_salary_growth_rel", when(real.and(enoughSalaries).and(col("salary_observations_prev").geq(minObservations))
                .and(col("region_median_salary_prev_kzt").gt(0)),
            relativeGrowth(col("median_posted_salary_kzt"), col("median_posted_salary_prev_kzt"),
                col("region_median_salary_kzt"), col("region_median_salary_prev_kzt"))))
        .withColumn("salary_premium", when(real.and(enoughSalaries), col("salary_premium")))
        .withColumn("time_to_fill_rel", when(real.and(enoughClosed).and(col("region_median_days_to_fill").gt(0)),
            col("median_days_to_fill").divide(col("region_median_days_to_fill")).minus(1)))
        .withColumn("long_vacancy_share", when(real.and(enoughClosed), col("long_open").divide(col("closed_observations"))))
        .withColumn("readvertising_rate", when(real.and(enoughVacancies), col("vacancy_ads").divide(col("vacancies"))));
  }

  /**
   * Official wage growth of the occupation (same ISCO code both years) against the median growth over
   * the region's occupations that year; null without both years' figures.
   */
  static Dataset<Row> withOfficialWageGrowth(Dataset<Row> gap) {
    Column growth = when(col("is_residual").equalTo(false).and(col("official_wage_prev_kzt").gt(0)),
        col("official_avg_wage_kzt").divide(col("official_wage_prev_kzt")));
    Dataset<Row> g = gap.withColumn("_wage_growth", growth);
    Dataset<Row> reference = g.groupBy("year", "region").agg(median(col("_wage_growth")).as("_wage_growth_ref"));
    return g.join(reference, new String[] {"year", "region"}, "left")
        .withColumn("official_wage_growth_rel", when(col("_wage_growth_ref").gt(0),
            col("_wage_growth").divide(col("_wage_growth_ref")).minus(1)))
        .drop("_wage_growth", "_wage_growth_ref");
  }
}
