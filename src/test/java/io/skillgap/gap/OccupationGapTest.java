package io.skillgap.gap;

import io.skillgap.SparkTestBase;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class OccupationGapTest extends SparkTestBase {
  static final String VACANCIES = "year INT, region STRING, isco_code STRING, ads BIGINT, positions INT, salary_monthly_kzt DOUBLE,"
      + " first_posted_date DATE, closed_date DATE, nace_section STRING, nace_division STRING, region_weight DOUBLE, region_estimated BOOLEAN";
  static final String SUPPLY = "year INT, region STRING, work_region STRING, field_code STRING, level STRING, isco_code STRING,"
      + " graduates DOUBLE, mobility_share DOUBLE, supply DOUBLE, region_estimated BOOLEAN";
  static final String WAGES = "year INT, region STRING, isco_code STRING, avg_monthly_wage_kzt DOUBLE, region_estimated BOOLEAN";

  static Date d(String s) {
    return Date.valueOf(s);
  }

  Dataset<Row> vacancies() {
    return df(VACANCIES,
        row(2024, "KZ-75", "2512", 2L, 1, 400000.0, d("2024-01-01"), d("2024-01-31"), null, null, 1.0, false),
        row(2024, "KZ-75", "2512", 2L, 2, 600000.0, d("2024-02-01"), d("2024-04-01"), null, null, 1.0, false),
        row(2024, "KZ-75", "2512", 1L, 1, null, d("2024-03-01"), null, null, null, 1.0, false),
        row(2024, "KZ-75", "2330", 1L, 1, 200000.0, d("2024-01-01"), d("2024-01-11"), null, null, 1.0, false),
        row(2024, "KZ-75", "2330", 1L, 1, 300000.0, d("2024-01-01"), d("2024-03-11"), null, null, 1.0, false),
        row(2024, "KZ-75", null, 1L, 1, null, d("2024-05-01"), null, null, null, 1.0, false),
        row(2023, "KZ-75", "2512", 1L, 1, null, d("2023-05-01"), null, null, null, 1.0, false),
        row(2023, "KZ-75", "2512", 1L, 1, null, d("2023-06-01"), null, null, null, 1.0, false));
  }

  Dataset<Row> supply() {
    return df(SUPPLY,
        row(2024, "KZ-75", "KZ-75", "061", "bachelor", "2512", 10.0, 1.0, 2.5, false),
        row(2024, "KZ-75", "KZ-75", "061", "bachelor", "OTHER", 10.0, 1.0, 1.5, false));
  }

  Dataset<Row> wages() {
    return df(WAGES,
        row(2024, "KZ-75", "25", 500000.0, false), row(2024, "KZ-75", "2512", 650000.0, false), row(2024, "KZ-75", "2", 400000.0, false),
        row(2024, "KZ", "2330", 999999.0, false), row(2023, "KZ-75", "2", 380000.0, false), row(2023, "KZ-75", "2512", 600000.0, false));
  }

  @Test
  void demandSupplyAndWagesMeetPerOccupationRegionAndYear() {
    Dataset<Row> units = df("isco_code STRING, title_en STRING", row("2512", "Software developers"), row("2330", "Secondary education teachers"));
    Dataset<Row> sectors = df("isco_code STRING, innovation_sector STRING", row("2512", "ict_ai"));
    Dataset<Row> gap = OccupationGap.build(vacancies(), supply(), wages(), units, sectors, 60);
    // 2024 KZ-75, 2512: 3 vacancies, 5 ads, 1+2+1 = 4 positions, supply 2.5 -> ratio 4 / 2.5 = 1.6, gap 1.5;
    //   median of posted salaries {400k, 600k} = 500k; the region's median over {400k, 600k, 200k, 300k} = 350k,
    //   so the premium is 500 / 350 - 1 = 0.428571; official wage from the 4-digit row (650k, level 4), a year
    //   earlier 600k for the same code; growth: 3 vacancies against 2 in 2023 = +50%.
    //   Days to fill: 30 and 60 (the third is open), median 45; none over 60 days.
    // 2330: no supply -> ratio null, gap 2; median of {200k, 300k} = 250k, premium 250 / 350 - 1 = -0.285714;
    //   wage: no 2330, 233 or 23 row for KZ-75 -> major group 2 (400k, level 1; 380k a year earlier); the
    //   country's row is not used. Days 10 and 70: median 40, one over 60.
    // OTHER: supply only. UNCODED: the vacancy without a code. 2023 2512: no supply, no 2022 for growth, no
    //   posted salary (so no premium), official wage 600k from its own row.
    assertRows("gap rows", List.of(
        values(2023, "2512", "Software developers", "ict_ai", false, 2.0, 2.0, 2.0, 0.0, null, 2.0, null, 600000.0, 4, null, null, null, null, 0.0, 0.0),
        values(2024, "2330", "Secondary education teachers", null, false, 2.0, 2.0, 2.0, 0.0, null, 2.0, 250000.0, 400000.0, 1, 380000.0, -0.285714, null, 40.0, 2.0, 1.0),
        values(2024, "2512", "Software developers", "ict_ai", false, 3.0, 5.0, 4.0, 2.5, 1.6, 1.5, 500000.0, 650000.0, 4, 600000.0, 0.428571, 0.5, 45.0, 2.0, 0.0),
        values(2024, "OTHER", "Other occupations (graduates the crosswalk does not place)", null, true, 0.0, 0.0, 0.0, 1.5, 0.0, -1.5, null, null, null, null, null, null, null, 0.0, 0.0),
        values(2024, "UNCODED", "Occupation not coded (vacancies without an ISCO-08 code)", null, true, 1.0, 1.0, 1.0, 0.0, null, 1.0, null, null, null, null, null, null, null, 0.0, 0.0)),
        rows(gap, "select year, isco_code, occupation_title, innovation_sector, is_residual, vacancies, vacancy_ads, positions,"
            + " graduate_supply, round(demand_supply_ratio, 6), round(gap, 6), median_posted_salary_kzt, official_avg_wage_kzt,"
            + " official_wage_isco_level, official_wage_prev_kzt, round(salary_premium, 6), round(vacancy_growth_yoy, 6),"
            + " median_days_to_fill, closed_observations, long_open from t order by year, isco_code"));
  }

  @Test
  void aVacancySplitAcrossRegionsCountsByItsShares() {
    // One 2022 vacancy of old East Kazakhstan, split 0.545 / 0.455 between KZ-63 and KZ-10 (conform did it).
    Dataset<Row> v = df(VACANCIES,
        row(2022, "KZ-63", "2512", 2L, 3, 300000.0, d("2022-03-01"), null, null, null, 0.545, true),
        row(2022, "KZ-10", "2512", 2L, 3, 300000.0, d("2022-03-01"), null, null, null, 0.455, true));
    Dataset<Row> units = df("isco_code STRING, title_en STRING", row("2512", "Software developers"));
    Dataset<Row> sectors = df("isco_code STRING, innovation_sector STRING", row("2512", "ict_ai"));
    Dataset<Row> noSupply = df(SUPPLY);
    Dataset<Row> gap = OccupationGap.build(v, noSupply, df(WAGES), units, sectors, 60);
    // 0.545 of 1 vacancy, 2 ads and 3 positions is 0.545, 1.09 and 1.635; the rest in Abai.
    assertRows("split rows", List.of(values("KZ-10", 0.455, 0.91, 1.365, true), values("KZ-63", 0.545, 1.09, 1.635, true)),
        rows(gap, "select region, round(vacancies, 6), round(vacancy_ads, 6), round(positions, 6), region_estimated from t order by region"));
  }
}
