package io.skillgap.gap;

import io.skillgap.SparkTestBase;
import io.skillgap.config.SkillgapConfig.ReliabilitySettings;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SkillsGoldTest extends SparkTestBase {
  static final String VACANCIES = "year INT, region STRING, isco_code STRING, isco_level INT, salary_monthly_kzt DOUBLE,"
      + " region_weight DOUBLE, skill_ids ARRAY<STRING>, described BOOLEAN";
  static final ReliabilitySettings RELIABILITY = new ReliabilitySettings(3, 2, 5);

  Dataset<Row> vacancies() {
    return df(VACANCIES,
        row(2025, "KZ-75", "2512", 4, 400000.0, 1.0, List.of("python", "sql"), true),
        row(2025, "KZ-75", "2512", 4, 600000.0, 1.0, List.of("python"), true),
        row(2025, "KZ-75", "2512", 4, null, 1.0, List.of(), true),
        row(2025, "KZ-75", "2512", 4, 300000.0, 1.0, List.of(), true),
        row(2025, "KZ-75", "2512", 4, null, 1.0, null, false),
        row(2025, "KZ-75", "2411", 4, 200000.0, 1.0, List.of("excel"), true),
        row(2025, "KZ-75", "2", 1, 900000.0, 1.0, List.of("python"), false),
        row(2024, "KZ-75", "2512", 4, null, 1.0, List.of("python"), true),
        row(2024, "KZ-75", "2512", 4, null, 1.0, List.of(), true),
        row(2024, "KZ-75", "2512", 4, null, 1.0, List.of(), true),
        row(2024, "KZ-75", "2512", 4, null, 1.0, List.of("sql"), true));
  }

  Dataset<Row> demand(int minObs) {
    return demand(minObs, RELIABILITY);
  }

  Dataset<Row> demand(int minObs, ReliabilitySettings reliability) {
    Dataset<Row> sectors = df("isco_code STRING, innovation_sector STRING", row("2512", "ict_ai"));
    Dataset<Row> vocabulary = df("skill_id STRING, skill_group STRING", row("python", "programming"), row("sql", "data_ai"),
        row("excel", "enterprise_systems"));
    Dataset<Row> cells = SkillDemand.inCells(vacancies(), sectors);
    return SkillDemand.measure(SkillDemand.skillTotals(cells).join(SkillDemand.cellTotals(cells), SkillDemand.CELL), vocabulary, minObs,
        reliability);
  }

  @Test
  void aSkillsShareGrowthAndPremiumInItsCell() {
    // 2025, KZ-75, software developers (2512, ict_ai): 5 vacancies, 4 of them described (the fifth has no text).
    //   python: 2 of 4 = 0.5; in 2024 1 of 4 = 0.25 -> growth 0.5 / 0.25 - 1 = 1.0. Median pay {400k, 600k} = 500k.
    //     Premium: geometric means, naming it sqrt(400k x 600k) = 489,898 against the described paid ones that do not
    //     {300k} -> 489,898 / 300,000 - 1 = 0.632993. Confidence: 2 vacancies, not below 2, not 3 -> medium.
    //   sql: 1 of 4 = 0.25, as in 2024 -> growth 0. Pay {400k} against sqrt(600k x 300k) = 424,264 -> -0.057191; low (1 < 2).
    //   none (described, no skill named: the third and fourth): 2 of 4, as in 2024 (2 of 4) -> 0; pay {300k} against
    //     sqrt(400k x 600k) -> 300,000 / 489,898 - 1 = -0.387628; no rank.
    assertRows("unit group cell", List.of(
            values("none", null, 2.0, 5.0, 4.0, 0.5, 2.0, 0.5, 0.0, 300000.0, -0.387628, null, "medium"),
            values("python", "programming", 2.0, 5.0, 4.0, 0.5, 1.0, 0.25, 1.0, 500000.0, 0.632993, 1, "medium"),
            values("sql", "data_ai", 1.0, 5.0, 4.0, 0.25, 1.0, 0.25, 0.0, 400000.0, -0.057191, 2, "low")),
        rows(demand(1), "select skill_id, skill_group, vacancies, cell_vacancies, described_vacancies, share, vacancies_prev, share_prev,"
            + " round(growth_rel, 6), median_salary_kzt, round(salary_premium, 6), demand_rank, confidence from t"
            + " where year = 2025 and region = 'KZ-75' and isco_level = 4 and isco_code = '2512' order by skill_id"));
  }

  @Test
  void everyOccupationOfTheCountryAndTheFastestGrowingSkills() {
    // 2025, the whole country (one region here), every sector, every occupation: described are the 4 of 2512 and the
    // 2411 one (the vacancy coded to major group 2 has no text) = 5. python 2/5 = 0.4 against 1/4 -> growth 0.6;
    // sql 1/5 = 0.2 against 0.25 -> -0.2; excel had no 2024 vacancy -> no growth, no emerging rank. Emerging ranks
    // need high-min-count vacancies both years: with 1, python then sql; with 2, neither (each had 1 in 2024).
    // none: 2/5 = 0.4 against 2/4 -> -0.2, never ranked.
    assertRows("country, all sectors", List.of(
            values("excel", 1.0, 0.2, null, null),
            values("none", 2.0, 0.4, -0.2, null),
            values("python", 2.0, 0.4, 0.6, 1),
            values("sql", 1.0, 0.2, -0.2, 2)),
        rows(demand(1, new ReliabilitySettings(1, 2, 5)), "select skill_id, vacancies, share, round(growth_rel, 6), emerging_rank from t"
            + " where year = 2025 and region = 'KZ' and innovation_sector = 'all' and isco_level = 0 order by skill_id"));
    assertRows("emerging needs high-min-count both years", List.of(values("python", null), values("sql", null)),
        rows(demand(1, new ReliabilitySettings(2, 2, 5)), "select skill_id, emerging_rank from t"
            + " where year = 2025 and region = 'KZ' and innovation_sector = 'all' and isco_level = 0 and skill_id in ('python', 'sql') order by skill_id"));
    // With two observations a year needed, only python (2 in 2025) could grow, and it had 1 in 2024: no growth at all.
    // (none had 2 both years: it grows by 0, but is no skill to rank.)
    assertRows("minimum observations", List.of(values("none", 0.0, null), values("python", null, null), values("sql", null, null)),
        rows(demand(2), "select skill_id, growth_rel, emerging_rank from t"
            + " where year = 2025 and region = 'KZ' and innovation_sector = 'ict_ai' and isco_level = 0 order by skill_id"));
  }

  @Test
  void aFieldReadsTheSkillsOfTheOccupationsItFeedsByItsWeights() {
    // Field 061 of KZ-75 feeds 2512 at 0.6 and 2411 at 0.2 (OTHER 0.2 is not an occupation). Described vacancies,
    // weighted: 0.6 x 4 + 0.2 x 1 = 2.6. python 0.6 x 2 = 1.2 -> 0.461538; 2024: 0.6 x 1 / (0.6 x 4) = 0.25 ->
    // growth 0.461538 / 0.25 - 1 = 0.846154; its premium is 2512's alone (0.632993). sql 0.6 -> 0.230769, growth
    // 0.230769 / 0.25 - 1 = -0.076923. excel 0.2 -> 0.076923, no 2024.
    Dataset<Row> supply = df("year INT, region STRING, work_region STRING, field_code STRING, level STRING, isco_code STRING,"
            + " weight DOUBLE, mobility_share DOUBLE",
        row(2025, "KZ-75", "KZ-75", "061", "bachelor", "2512", 0.6, 1.0), row(2025, "KZ-75", "KZ-75", "061", "tvet", "2512", 0.6, 1.0),
        row(2025, "KZ-75", "KZ-75", "061", "bachelor", "2411", 0.2, 1.0), row(2025, "KZ-75", "KZ-75", "061", "bachelor", "OTHER", 0.2, 1.0));
    Dataset<Row> isced = df("field_code STRING, title_en STRING", row("061", "Information and Communication Technologies"));
    assertRows("profile of 061", List.of(
            values(1, "python", 1.2, 2.0, 2.6, 0.461538, 0.846154, 0.632993, "Information and Communication Technologies"),
            values(2, "sql", 0.6, 1.0, 2.6, 0.230769, -0.076923, -0.057191, "Information and Communication Technologies"),
            values(3, "excel", 0.2, 1.0, 2.6, 0.076923, null, null, "Information and Communication Technologies")),
        rows(ProgramSkills.build(supply, demand(1), isced, 1, 3), "select rank, skill_id, round(weighted_vacancies, 6), vacancies,"
            + " round(described_vacancies, 6), round(share, 6), round(growth_rel, 6), round(salary_premium, 6), field_title from t"
            + " where year = 2025 order by rank"));
    assertRows("the top two only", List.of(values(1), values(2)),
        rows(ProgramSkills.build(supply, demand(1), isced, 1, 2), "select rank from t where year = 2025 order by rank"));
  }

  @Test
  void anOccupationWhoseVacanciesNameNoSkillStillCountsInTheFieldsDenominator() {
    // 061 feeds 2512 and 2511 at 0.5 each; 2512: one of two vacancies names python; 2511: two vacancies, no skill.
    // Described, weighted: 0.5 x 2 + 0.5 x 2 = 2; python 0.5 x 1 = 0.5 -> 0.25 (without 2511's "none" row the
    // denominator would miss it: 0.5 / 1 = 0.5).
    Dataset<Row> v = df(VACANCIES,
        row(2025, "KZ-75", "2512", 4, null, 1.0, List.of("python"), true), row(2025, "KZ-75", "2512", 4, null, 1.0, List.of(), true),
        row(2025, "KZ-75", "2511", 4, null, 1.0, List.of(), true), row(2025, "KZ-75", "2511", 4, null, 1.0, List.of(), true));
    Dataset<Row> cells = SkillDemand.inCells(v, df("isco_code STRING, innovation_sector STRING", row("2512", "ict_ai")));
    Dataset<Row> demand = SkillDemand.measure(SkillDemand.skillTotals(cells).join(SkillDemand.cellTotals(cells), SkillDemand.CELL),
        df("skill_id STRING, skill_group STRING", row("python", "programming")), 1, RELIABILITY);
    Dataset<Row> supply = df("year INT, region STRING, work_region STRING, field_code STRING, level STRING, isco_code STRING,"
            + " weight DOUBLE, mobility_share DOUBLE",
        row(2025, "KZ-75", "KZ-75", "061", "bachelor", "2512", 0.5, 1.0), row(2025, "KZ-75", "KZ-75", "061", "bachelor", "2511", 0.5, 1.0),
        row(2025, "KZ-75", "KZ-75", "061", "bachelor", "2513", 0.0, 1.0));
    assertRows("profile with a cell naming nothing", List.of(values(1, "python", 0.5, 2.0, 0.25)),
        rows(ProgramSkills.build(supply, demand, df("field_code STRING, title_en STRING", row("061", "ICT")), 1, 25),
            "select rank, skill_id, weighted_vacancies, described_vacancies, share from t"));
  }

  @Test
  void aSplitRegionsVacancyWeighsInTheMedianByItsShare() {
    // 2025, KZ-75, 2512, python named by three vacancies: 100k whole (weight 1), 200k and 300k each a quarter in
    // KZ-75 (their old region was split). Weighted, 100k holds 1 of 1.5: the median is 100k (unweighted: 200k).
    Dataset<Row> v = df(VACANCIES,
        row(2025, "KZ-75", "2512", 4, 100000.0, 1.0, List.of("python"), true),
        row(2025, "KZ-75", "2512", 4, 200000.0, 0.25, List.of("python"), true),
        row(2025, "KZ-75", "2512", 4, 300000.0, 0.25, List.of("python"), true));
    Dataset<Row> cells = SkillDemand.inCells(v, df("isco_code STRING, innovation_sector STRING", row("2512", "ict_ai")));
    assertRows("weighted median", List.of(values(1.5, 1.5, 100000.0)),
        rows(SkillDemand.skillTotals(cells), "select vacancies, salary_observations, median_salary_kzt from t"
            + " where region = 'KZ-75' and isco_level = 4 and skill_id = 'python'"));
  }
}
