package io.skillgap.gap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.skillgap.SparkTestBase;
import io.skillgap.config.SkillgapConfig.IndexSettings;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ShortageIndexTest extends SparkTestBase {

  /** A table with every raw indicator column null but readvertising_rate. */
  private Dataset<Row> withReadvertising(Object[]... rows) {
    Dataset<Row> d = df("year INT, isco_code STRING, readvertising_rate DOUBLE", rows);
    for (String c : Indicators.COLUMN.values()) {
      if (!c.equals("readvertising_rate")) {
        d = d.withColumn(c, lit(null).cast("double"));
      }
    }
    return d;
  }

  @Test
  void scoresAreRobustZWithinTheYearClippedIntoMinusOneToOne() {
    Dataset<Row> scored = ShortageIndex.scores(withReadvertising(
        row(2024, "a", 1.0), row(2024, "b", 1.2), row(2024, "c", 1.4), row(2024, "d", 1.6), row(2024, "e", 3.0),
        row(2025, "a", 2.0), row(2025, "b", 2.0), row(2025, "c", 2.0)), 3.0);
    // 2024: median 1.4; absolute deviations 0.4, 0.2, 0, 0.2, 1.6 -> MAD 0.2, scale 0.2 x 1.4826 = 0.29652.
    //   a: -0.4 / 0.29652 = -1.34898 / 3 = -0.449660; b: -0.224830; c: 0; d: 0.224830; e: 1.6 / 0.29652 = 5.4 > 3 -> 1.
    // 2025: every value equal: MAD and mean deviation 0 -> the indicator says nothing that year: null.
    assertRows("scores", List.of(
        values(2024, "a", -0.44966), values(2024, "b", -0.22483), values(2024, "c", 0.0), values(2024, "d", 0.22483),
        values(2024, "e", 1.0), values(2025, "a", null), values(2025, "b", null), values(2025, "c", null)),
        rows(scored, "select year, isco_code, round(score_readvertising, 5) from t order by year, isco_code"));
  }

  @Test
  void whenMostValuesAreEqualTheMeanDeviationStandsIn() {
    Dataset<Row> scored = ShortageIndex.scores(withReadvertising(
        row(2024, "a", 1.0), row(2024, "b", 1.0), row(2024, "c", 1.0), row(2024, "d", 2.0)), 3.0);
    // Median 1, deviations 0, 0, 0, 1: MAD 0, mean deviation 0.25 x 1.2533 = 0.313325; d: 1 / 0.313325 = 3.19 -> clipped 1.
    assertRows("fallback", List.of(values("a", 0.0), values("d", 1.0)),
        rows(scored, "select isco_code, round(score_readvertising, 5) from t where isco_code in ('a', 'd') order by 1"));
  }

  private Dataset<Row> scoreRows() {
    String ddl = "isco_code STRING, is_residual BOOLEAN, score_demand_supply DOUBLE, score_vacancy_growth DOUBLE, score_salary_premium DOUBLE";
    Dataset<Row> d = df(ddl,
        row("X", false, 0.6, 0.3, -0.3), row("Y", false, 0.9, 0.6, 0.3), row("Z", false, -0.9, -0.3, -0.3),
        row("W", false, 1.0, null, null), row("OTHER", true, null, null, null));
    for (String id : Indicators.ids()) {
      if (!List.of(d.columns()).contains(ShortageIndex.score(id))) {
        d = d.withColumn(ShortageIndex.score(id), lit(null).cast("double"));
      }
    }
    return d;
  }

  @Test
  void theIndexIsTheWeightedMeanOfTheScoresAvailable() {
    IndexSettings equal = IndexFixtures.settings(3);
    // X: (0.6 + 0.3 - 0.3) / 3 = 0.2 -> balanced; Y: 1.8 / 3 = 0.6 -> shortage; Z: -1.5 / 3 = -0.5 -> surplus;
    // W: 1.0 from one indicator, fewer than 3 -> insufficient_data. Without demand_supply X is (0.3 - 0.3) / 2 = 0.
    assertRows("equal weights", List.of(
        values("OTHER", null, null, null, null),
        values("W", 1.0, 1, "insufficient_data", null),
        values("X", 0.2, 3, "balanced", 0.0),
        values("Y", 0.6, 3, "shortage", 0.45),
        values("Z", -0.5, 3, "surplus", -0.3)),
        rows(ShortageIndex.composite(scoreRows(), equal).withColumn("without", ShortageIndex.index(equal, "demand_supply")),
            "select isco_code, round(shortage_index, 6), indicators_used, status, round(without, 6) from t order by isco_code"));
    // Weight 2 on demand_supply: X = (2 x 0.6 + 0.3 - 0.3) / 4 = 0.3 -> shortage. Weight 0 on it: W has nothing left.
    IndexSettings heavy = IndexFixtures.settings(3, Map.of("demand_supply", 2.0));
    IndexSettings none = IndexFixtures.settings(1, Map.of("demand_supply", 0.0));
    assertRows("weighted", List.of(values("X", 0.3, "shortage")),
        rows(ShortageIndex.composite(scoreRows(), heavy).where(col("isco_code").equalTo("X")),
            "select isco_code, round(shortage_index, 6), status from t"));
    assertRows("weight zero", List.of(values("W", null, 0, "insufficient_data")),
        rows(ShortageIndex.composite(scoreRows(), none).where(col("isco_code").equalTo("W")),
            "select isco_code, shortage_index, indicators_used, status from t"));
  }
}
