package io.skillgap.conform;

import io.skillgap.SparkTestBase;
import io.skillgap.config.SkillgapConfig.BoundaryChange;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class BoundariesTest extends SparkTestBase {
  static final List<BoundaryChange> CHANGES = List.of(
      new BoundaryChange("KZ-63", LocalDate.of(2022, 6, 8), Map.of("KZ-63", 0.545, "KZ-10", 0.455)),
      new BoundaryChange("KZ-61", LocalDate.of(2018, 6, 19), Map.of("KZ-61", 0.67, "KZ-79", 0.33)));

  @Test
  void rowsBeforeAChangeAreSharedOutToTodaysRegions() {
    Dataset<Row> rows = df("id INT, region STRING, posted DATE",
        row(1, "KZ-63", Date.valueOf("2022-06-07")), row(2, "KZ-63", Date.valueOf("2022-06-08")),
        row(3, "KZ-61", Date.valueOf("2017-12-01")), row(4, "KZ-75", Date.valueOf("2017-12-01")));
    // 1: the day before Abai existed -> 0.545 East Kazakhstan + 0.455 Abai; 2: on the day -> as reported;
    // 3: South Kazakhstan (read as KZ-61) before Shymkent became a city of its own -> 0.67 + 0.33; 4: untouched.
    assertRows("by date", List.of(
        values(1, "KZ-10", 0.455, true), values(1, "KZ-63", 0.545, true), values(2, "KZ-63", 1.0, false),
        values(3, "KZ-61", 0.67, true), values(3, "KZ-79", 0.33, true), values(4, "KZ-75", 1.0, false)),
        rows(Boundaries.splitByDate(rows, "region", "posted", CHANGES), "select id, region, region_weight, region_estimated from t order by id, region"));
  }

  @Test
  void annualFiguresAreSplitWhenTheWholeYearIsBeforeTheChange() {
    Dataset<Row> rows = df("year INT, region STRING, graduates DOUBLE", row(2021, "KZ-63", 100.0), row(2022, "KZ-63", 100.0));
    // 2021 ended before June 2022: split; 2022 figures are published for the new regions already.
    assertRows("by year", List.of(values(2021, "KZ-10", 45.5), values(2021, "KZ-63", 54.5), values(2022, "KZ-63", 100.0)),
        rows(Supply.harmonised(rows, CHANGES), "select year, region, round(graduates, 6) from t order by year, region"));
  }
}
