package io.skillgap.gap;

import io.skillgap.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class OccupationGapTest extends SparkTestBase {
  static final String VACANCIES = "year INT, region STRING, isco_code STRING, ads BIGINT, positions INT, salary_monthly_kzt DOUBLE";
  static final String SUPPLY = "year INT, region STRING, field_code STRING, level STRING, isco_code STRING, graduates BIGINT, supply DOUBLE";

  Dataset<Row> vacancies() {
    return df(VACANCIES,
        row(2024, "KZ-75", "2512", 2L, 1, 400000.0),
        row(2024, "KZ-75", "2512", 2L, 2, 600000.0),
        row(2024, "KZ-75", "2512", 1L, 1, null),
        row(2024, "KZ-75", "2330", 1L, 1, 200000.0),
        row(2024, "KZ-75", "2330", 1L, 1, 300000.0),
        row(2024, "KZ-75", null, 1L, 1, null),
        row(2023, "KZ-75", "2512", 1L, 1, null),
        row(2023, "KZ-75", "2512", 1L, 1, null));
  }

  Dataset<Row> supply() {
    return df(SUPPLY,
        row(2024, "KZ-75", "061", "bachelor", "2512", 10L, 2.5),
        row(2024, "KZ-75", "061", "bachelor", "OTHER", 10L, 1.5));
  }

  Dataset<Row> wages() {
    return df("year INT, region STRING, isco_code STRING, avg_monthly_wage_kzt DOUBLE",
        row(2024, "KZ-75", "25", 500000.0), row(2024, "KZ-75", "2512", 650000.0), row(2024, "KZ-75", "2", 400000.0),
        row(2024, "KZ", "2330", 999999.0), row(2023, "KZ-75", "2", 380000.0));
  }

  @Test
  void demandSupplyAndWagesMeetPerOccupationRegionAndYear() {
    Dataset<Row> units = df("isco_code STRING, title_en STRING", row("2512", "Software developers"), row("2330", "Secondary education teachers"));
    Dataset<Row> sectors = df("isco_code STRING, innovation_sector STRING", row("2512", "ict_ai"));
    Dataset<Row> gap = OccupationGap.build(vacancies(), supply(), wages(), units, sectors);
    // 2024 KZ-75, 2512: 3 vacancies, 5 ads, 1+2+1 = 4 positions, supply 2.5 -> ratio 4 / 2.5 = 1.6, gap 1.5;
    //   median of posted salaries {400k, 600k} = 500k; the region's median over {400k, 600k, 200k, 300k} = 350k,
    //   so the premium is 500 / 350 - 1 = 0.428571; official wage from the 4-digit row (650k, level 4);
    //   growth: 3 vacancies against 2 in 2023 = +50%.
    // 2330: no supply -> ratio null, gap 2; median of {200k, 300k} = 250k, premium 250 / 350 - 1 = -0.285714;
    //   wage: no 2330, 233 or 23 row for KZ-75 -> major group 2 (400k, level 1); the country's row is not used.
    // OTHER: supply only. UNCODED: the vacancy without a code. 2023 2512: no supply, no 2022 for growth,
    //   no posted salary (so no premium), official wage from 2023's major group 2 (380k).
    assertRows("gap rows", List.of(
        values(2023, "2512", "Software developers", "ict_ai", false, 2L, 2L, 2L, 0.0, null, 2.0, null, 380000.0, 1, null, null),
        values(2024, "2330", "Secondary education teachers", null, false, 2L, 2L, 2L, 0.0, null, 2.0, 250000.0, 400000.0, 1, -0.285714, null),
        values(2024, "2512", "Software developers", "ict_ai", false, 3L, 5L, 4L, 2.5, 1.6, 1.5, 500000.0, 650000.0, 4, 0.428571, 0.5),
        values(2024, "OTHER", "Other occupations (graduates the crosswalk does not place)", null, true, 0L, 0L, 0L, 1.5, 0.0, -1.5, null, null, null, null, null),
        values(2024, "UNCODED", "Occupation not coded (vacancies without an ISCO-08 code)", null, true, 1L, 1L, 1L, 0.0, null, 1.0, null, null, null, null, null)),
        rows(gap, "select year, isco_code, occupation_title, innovation_sector, is_residual, vacancies, vacancy_ads, positions,"
            + " graduate_supply, round(demand_supply_ratio, 6), round(gap, 6), median_posted_salary_kzt, official_avg_wage_kzt,"
            + " official_wage_isco_level, round(salary_premium, 6), round(vacancy_growth_yoy, 6) from t order by year, isco_code"));
  }

  @Test
  void programGapSharesEachPositionAmongTheFieldsThatFeedIt() {
    Dataset<Row> supply = df(SUPPLY,
        row(2024, "KZ-75", "061", "bachelor", "2512", 20L, 6.0),
        row(2024, "KZ-75", "061", "bachelor", "OTHER", 20L, 8.0),
        row(2024, "KZ-75", "054", "bachelor", "2512", 10L, 2.0),
        row(2024, "KZ-75", "054", "bachelor", "OTHER", 10L, 3.0),
        row(2024, "KZ-75", "054", "master", "2512", 4L, 1.0));
    Dataset<Row> demand = df("year INT, region STRING, isco_code STRING, positions BIGINT", row(2024, "KZ-75", "2512", 9L));
    Dataset<Row> isced = df("field_code STRING, title_en STRING", row("061", "ICT"), row("054", "Mathematics and statistics"));
    // 2512 has 9 positions and 6 + 2 + 1 = 9 weighted graduates: 061 gets 9 x 6/9 = 6, 054 gets 9 x 3/9 = 3,
    // and 6 + 3 = 9: no position is counted twice. 054's graduates: 10 bachelors + 4 masters = 14; its supply
    // into placed occupations 2 + 1 = 3 (OTHER excluded), ratio 3 / 3 = 1.
    assertRows("program gap", List.of(
        values("054", "Mathematics and statistics", 14L, 3.0, 3.0, 1.0, 0.0),
        values("061", "ICT", 20L, 6.0, 6.0, 1.0, 0.0)),
        rows(ProgramGap.build(supply, demand, isced), "select field_code, field_title, graduates, graduate_supply,"
            + " round(attributed_demand, 6), round(ratio, 6), round(gap, 6) from t order by field_code"));
  }

  @Test
  void programGapLeavesPositionsOfOccupationsNoFieldFeedsUnattributed() {
    Dataset<Row> supply = df(SUPPLY, row(2024, "KZ-75", "061", "bachelor", "2512", 20L, 4.0));
    Dataset<Row> demand = df("year INT, region STRING, isco_code STRING, positions BIGINT",
        row(2024, "KZ-75", "2512", 10L), row(2024, "KZ-75", "5223", 50L));
    Dataset<Row> isced = df("field_code STRING, title_en STRING", row("061", "ICT"));
    // 061 alone feeds 2512: all 10 of its positions; the 50 shop assistants have no field and stay out.
    assertRows("unattributed", List.of(values("061", 10.0, 2.5, 6.0)),
        rows(ProgramGap.build(supply, demand, isced), "select field_code, attributed_demand, ratio, gap from t"));
  }

  @Test
  void sectorSummaryAddsUpTheOccupationTableAndCountsActivity() {
    Dataset<Row> gap = df("year INT, region STRING, isco_code STRING, innovation_sector STRING, vacancies BIGINT,"
            + " vacancy_ads BIGINT, positions BIGINT, graduate_supply DOUBLE",
        row(2024, "KZ-75", "2512", "ict_ai", 3L, 5L, 4L, 2.0),
        row(2024, "KZ-75", "2511", "ict_ai", 1L, 1L, 1L, 3.0),
        row(2024, "KZ-75", "2330", null, 2L, 2L, 2L, 0.0),
        row(2024, "KZ-75", "OTHER", null, 0L, 0L, 0L, 1.0));
    Dataset<Row> vacancies = df("year INT, region STRING, nace_section STRING, nace_division STRING, positions INT",
        row(2024, "KZ-75", "J", "62", 2), row(2024, "KZ-75", "B", "07", 1), row(2024, "KZ-75", "P", null, 3),
        row(2024, "KZ-75", null, null, 1));
    Dataset<Row> byActivity = df("nace_code STRING, innovation_sector STRING", row("62", "ict_ai"), row("07", "critical_minerals_mining"));
    // ict_ai: 3 + 1 vacancies, 5 positions, supply 5 -> ratio 1, gap 0; by activity only the 2 positions in division 62.
    // non_innovation: 2330 and OTHER: 2 positions, supply 1 -> ratio 2; by activity P (3) and unknown (1) = 4.
    // Mining has no occupation rows here, only an employer in division 07: 1 position by activity.
    assertRows("sector rows", List.of(
        values("critical_minerals_mining", 0L, 0L, 0.0, null, 0.0, 1L),
        values("ict_ai", 4L, 5L, 5.0, 1.0, 0.0, 2L),
        values("non_innovation", 2L, 2L, 1.0, 2.0, 1.0, 4L)),
        rows(SectorSummary.build(gap, vacancies, byActivity), "select sector, vacancies, positions, graduate_supply,"
            + " demand_supply_ratio, gap, positions_by_activity from t order by sector"));
  }
}
