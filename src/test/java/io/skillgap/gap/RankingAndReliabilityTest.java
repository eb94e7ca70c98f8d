package io.skillgap.gap;

import static org.apache.spark.sql.functions.lit;

import io.skillgap.SparkTestBase;
import io.skillgap.config.SkillgapConfig.IndexSettings;
import io.skillgap.config.SkillgapConfig.ReliabilitySettings;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RankingAndReliabilityTest extends SparkTestBase {

  /** Occupations of one region and year with two scores each (the other six null). */
  private Dataset<Row> twoScores(Object[]... rows) {
    Dataset<Row> d = df("year INT, region STRING, isco_code STRING, is_residual BOOLEAN, score_demand_supply DOUBLE,"
        + " score_vacancy_growth DOUBLE, demand_supply_ratio DOUBLE, vacancy_growth_rel DOUBLE", rows);
    for (String id : Indicators.ids()) {
      if (!List.of(d.columns()).contains(ShortageIndex.score(id))) {
        d = d.withColumn(ShortageIndex.score(id), lit(null).cast("double"));
      }
      if (!List.of(d.columns()).contains(Indicators.COLUMN.get(id))) {
        d = d.withColumn(Indicators.COLUMN.get(id), lit(null).cast("double"));
      }
    }
    // Every one is supplied by some programme unless a test says otherwise.
    return d.withColumn("education_pipeline", lit(true));
  }

  @Test
  void leavingOneIndicatorOutShowsHowStableTheTopIs() {
    IndexSettings s = IndexFixtures.settings(2);
    Dataset<Row> indexed = ShortageIndex.composite(twoScores(
        row(2024, "R", "A", false, 0.9, 0.1, 3.0, 0.1), row(2024, "R", "B", false, 0.2, 0.6, 1.0, 0.5),
        row(2024, "R", "C", false, 0.5, 0.1, 2.0, 0.1), row(2024, "R", "D", false, 0.0, 0.2, 0.5, 0.2)), s);
    // Full index (mean of two): A 0.5, B 0.4, C 0.3, D 0.1 -> ranks A B C D; the top 3 is A, B, C.
    // Without demand_supply: A 0.1, B 0.6, C 0.1, D 0.2 -> B 1, D 2, A 3, C 4 (A before C on a tie, by code).
    //   Top 3 ranked again within themselves: B 1, A 2, C 3; d = A -1, B +1, C 0; sum d^2 = 2;
    //   Spearman 1 - 6 x 2 / (3 x (9 - 1)) = 0.5; still in the top 3: A and B of A, B, C = 2/3.
    // Without vacancy_growth: A 0.9, B 0.2, C 0.5, D 0 -> A 1, C 2, B 3; d = 0, -1, +1 -> 0.5; overlap 3/3.
    assertRows("sensitivity", List.of(
        values("demand_supply", "A", 0.5, 0.1, 1, 3, 0.5, 0.666667),
        values("demand_supply", "B", 0.4, 0.6, 2, 1, 0.5, 0.666667),
        values("demand_supply", "C", 0.3, 0.1, 3, 4, 0.5, 0.666667),
        values("demand_supply", "D", 0.1, 0.2, 4, 2, 0.5, 0.666667),
        values("vacancy_growth", "A", 0.5, 0.9, 1, 1, 0.5, 1.0),
        values("vacancy_growth", "B", 0.4, 0.2, 2, 3, 0.5, 1.0),
        values("vacancy_growth", "C", 0.3, 0.5, 3, 2, 0.5, 1.0),
        values("vacancy_growth", "D", 0.1, 0.0, 4, 4, 0.5, 1.0)),
        rows(Sensitivity.build(indexed, s).where("left_out in ('demand_supply', 'vacancy_growth')"),
            "select left_out, isco_code, round(shortage_index, 6), round(index_without, 6), rank_full, rank_without,"
                + " round(spearman_top_n, 6), round(top_n_overlap, 6) from t order by left_out, isco_code"));

    // Reasons: A's index 0.5 comes from demand_supply (0.9 / 2 = 0.45) then vacancy_growth (0.05).
    assertRows("ranking", List.of(
        values(1, "A", "shortage", "demand_supply", "3.0 positions per new graduate", "vacancy_growth",
            "vacancies +10% against the region's trend"),
        values(2, "B", "shortage", "vacancy_growth", "vacancies +50% against the region's trend", "demand_supply",
            "1.0 positions per new graduate"),
        values(3, "C", "shortage", "demand_supply", "2.0 positions per new graduate", "vacancy_growth",
            "vacancies +10% against the region's trend"),
        values(4, "D", "balanced", "vacancy_growth", "vacancies +20% against the region's trend", null, null)),
        rows(ShortageRanking.build(indexed, s), "select rank, isco_code, status, reason_1_indicator, reason_1,"
            + " reason_2_indicator, reason_2 from t order by rank"));
  }

  @Test
  void aNegativeIndexIsExplainedByWhatPullsItDown() {
    IndexSettings s = IndexFixtures.settings(2);
    Dataset<Row> indexed = ShortageIndex.composite(twoScores(row(2024, "R", "E", false, -0.9, 0.3, 0.1, -0.2)), s);
    // Index (-0.9 + 0.3) / 2 = -0.3 -> surplus; only demand_supply pulls it down, listed first.
    assertRows("surplus reasons", List.of(values("surplus", "demand_supply", "0.1 positions per new graduate", "vacancy_growth")),
        rows(ShortageRanking.build(indexed, s), "select status, reason_1_indicator, reason_1, reason_2_indicator from t"));
  }

  @Test
  void confidenceFollowsCountsIndicatorsAndHistory() {
    Dataset<Row> rows = df("isco_code STRING, is_residual BOOLEAN, vacancies DOUBLE, supply_graduates DOUBLE, indicators_used INT,"
            + " vacancies_prev DOUBLE",
        row("high", false, 16.0, 16.0, 5, 3.0),
        row("few_graduates", false, 40.0, 15.0, 8, 30.0),
        row("few_indicators", false, 40.0, 40.0, 4, 30.0),
        row("rse_over_25", false, 15.0, 40.0, 8, 30.0),
        row("rse_over_50", false, 3.0, 40.0, 8, 30.0),
        row("too_few_indicators", false, 40.0, 40.0, 2, 30.0),
        row("single_year", false, 40.0, 40.0, 8, null),
        row("OTHER", true, 0.0, 40.0, null, null));
    // RSE of a count n ~ 1/sqrt(n): 16 -> 25% (high needs at least that, for vacancies and graduates), 15 -> 26%
    // (medium), 3 -> 58% (low, under 4). Fewer than 3 indicators or no previous year: low.
    assertRows("confidence", List.of(
        values("OTHER", null), values("few_graduates", "medium"), values("few_indicators", "medium"), values("high", "high"),
        values("rse_over_25", "medium"), values("rse_over_50", "low"), values("single_year", "low"), values("too_few_indicators", "low")),
        rows(Reliability.withConfidence(rows, new ReliabilitySettings(16, 4, 5), IndexFixtures.settings(3)),
            "select isco_code, confidence from t order by isco_code"));
  }
}
