package io.skillgap.gap;

import io.skillgap.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class IndicatorsTest extends SparkTestBase {
  static final String MEASURED = "year INT, region STRING, isco_code STRING, is_residual BOOLEAN, vacancies DOUBLE, vacancies_prev DOUBLE,"
      + " region_vacancies DOUBLE, region_vacancies_prev DOUBLE, vacancy_ads DOUBLE, demand_supply_ratio DOUBLE,"
      + " median_posted_salary_kzt DOUBLE, median_posted_salary_prev_kzt DOUBLE, salary_observations DOUBLE, salary_observations_prev DOUBLE,"
      + " region_median_salary_kzt DOUBLE, region_median_salary_prev_kzt DOUBLE, salary_premium DOUBLE,"
      + " median_days_to_fill DOUBLE, region_median_days_to_fill DOUBLE, closed_observations DOUBLE, long_open DOUBLE,"
      + " official_avg_wage_kzt DOUBLE, official_wage_prev_kzt DOUBLE";

  @Test
  void eachIndicatorByHandAndNullWhereTheDataIsThin() {
    Dataset<Row> m = df(MEASURED,
        // A: plenty of data.
        row(2024, "R", "A", false, 10.0, 5.0, 100.0, 80.0, 15.0, 2.0, 300000.0, 250000.0, 6.0, 5.0, 200000.0, 190000.0, 0.5,
            40.0, 20.0, 8.0, 2.0, 500000.0, 400000.0),
        // B: 4 vacancies, 4 salaries, 3 closed: below 5 observations except for growth (previous year 10).
        row(2024, "R", "B", false, 4.0, 10.0, 100.0, 80.0, 4.0, 0.5, 250000.0, 240000.0, 4.0, 9.0, 200000.0, 190000.0, 0.25,
            30.0, 20.0, 3.0, 1.0, 420000.0, 400000.0),
        // OTHER: a residual bucket has no indicators.
        row(2024, "R", "OTHER", true, 0.0, null, 100.0, 80.0, 0.0, 0.0, null, null, 0.0, null, 200000.0, 190000.0, null,
            null, 20.0, 0.0, 0.0, null, null));
    Dataset<Row> raw = Indicators.raw(m, 5);
    // A: vacancy growth (10/5) / (100/80) - 1 = 2 / 1.25 - 1 = 0.6; salary growth (300/250) / (200/190) - 1 = 1.2 / 1.0526316 - 1
    //    = 0.14; premium 0.5; time to fill 40 / 20 - 1 = 1; long share 2 / 8 = 0.25; ads per vacancy 15 / 10 = 1.5;
    //    official wage growth 500/400 = 1.25 against the region's median growth over A and B, (1.25 + 1.05) / 2 = 1.15:
    //    1.25 / 1.15 - 1 = 0.086957.
    // B: vacancy growth (4/10) / 1.25 - 1 = -0.68; 4 salaries and 3 closed vacancies are too few; 4 vacancies too few
    //    for re-advertising; wage 420/400 = 1.05 / 1.15 - 1 = -0.086957.
    assertRows("raw indicators", List.of(
        values("A", 2.0, 0.6, 0.14, 0.086957, 0.5, 1.0, 0.25, 1.5),
        values("B", 0.5, -0.68, null, -0.086957, null, null, null, null),
        values("OTHER", null, null, null, null, null, null, null, null)),
        rows(raw, "select isco_code, demand_supply_ratio, round(vacancy_growth_rel, 6), round(posted_salary_growth_rel, 6),"
            + " round(official_wage_growth_rel, 6), salary_premium, time_to_fill_rel, long_vacancy_share, readvertising_rate"
            + " from t order by isco_code = 'OTHER', isco_code"));
  }
}
