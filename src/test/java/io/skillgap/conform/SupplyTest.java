package io.skillgap.conform;

import io.skillgap.SparkTestBase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SupplyTest extends SparkTestBase {

  @Test
  void graduatesAreAllocatedByWeightAndEntryShareWithTheRestInOther() {
    // Crosswalk of 0613 places 0.35 + 0.15 = 0.50; the residual 0.50 goes to OTHER (as Reference adds it).
    Dataset<Row> crosswalk = df("field_code STRING, isco_code STRING, weight DOUBLE",
        row("0613", "2512", 0.35), row("0613", "2514", 0.15), row("0613", "OTHER", 0.50));
    Dataset<Row> graduates = df("year INT, region STRING, field_code STRING, level STRING, graduates BIGINT",
        row(2024, "KZ-75", "0613", "bachelor", 60L), row(2024, "KZ-75", "0613", "bachelor", 40L),
        row(2024, "KZ-75", "0222", "tvet", 10L));
    Dataset<Row> cells = Supply.graduateCells(graduates);
    Dataset<Row> supply = Supply.allocate(cells, crosswalk, Set.of("0613"), Map.of("bachelor", 0.7, "tvet", 0.5));
    // Two rows of 0613 add up to 100 graduates. 2512: 100 x 0.35 x 0.7 = 24.5; 2514: 100 x 0.15 x 0.7 = 10.5;
    // OTHER: 100 x 0.5 x 0.7 = 35. Field 0222 has no crosswalk row: all to OTHER, 10 x 1 x 0.5 = 5.
    assertRows("supply rows", List.of(
        values("0222", null, "OTHER", 10.0, 1.0, 5.0),
        values("0613", "0613", "2512", 100.0, 0.35, 24.5),
        values("0613", "0613", "2514", 100.0, 0.15, 10.5),
        values("0613", "0613", "OTHER", 100.0, 0.5, 35.0)),
        rows(supply, "select field_code, crosswalk_field, isco_code, graduates, weight, round(supply, 6) from t order by 1, 3"));
    // Nothing is lost: the supply of a cell is its graduates times the entry share.
    assertRows("supply total", List.of(values(75.0)), rows(supply, "select round(sum(supply), 6) from t"));
  }

  @Test
  void aMobilityTableSendsSupplyToWhereGraduatesWork() {
    Dataset<Row> supply = df("year INT, region STRING, isco_code STRING, graduates DOUBLE, supply DOUBLE",
        row(2024, "KZ-75", "2512", 100.0, 24.5), row(2024, "KZ-71", "2512", 10.0, 7.0));
    Dataset<Row> mobility = df("from_region STRING, to_region STRING, share DOUBLE",
        row("KZ-75", "KZ-75", 0.6), row("KZ-75", "KZ-71", 0.4));
    // Almaty's 24.5: 60% stay (14.7), 40% go to Astana (9.8); Astana has no row in the table: its 7 stay.
    assertRows("work regions", List.of(values("KZ-71", "KZ-71", 1.0, 7.0), values("KZ-75", "KZ-71", 0.4, 9.8),
            values("KZ-75", "KZ-75", 0.6, 14.7)),
        rows(Supply.withWorkRegion(supply, mobility), "select region, work_region, mobility_share, round(supply, 6) from t order by 1, 2"));
  }
}
