package io.skillgap.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DisclosureTest extends SparkTestBase {
  static final List<List<String>> ROWS_AND_COLUMNS = List.of(List.of("region"), List.of("isco_code"));

  @Test
  void aSmallCellAndTheCellsThatWouldRevealItAreHidden() {
    Dataset<Row> grid = df("region STRING, isco_code STRING, vacancies DOUBLE",
        row("R1", "A", 3.0), row("R1", "B", 10.0), row("R1", "C", 20.0),
        row("R2", "A", 12.0), row("R2", "B", 2.0), row("R2", "C", 30.0));
    // Primary: R1/A (3) and R2/B (2). Row R1 has one hidden cell, so its smallest other, R1/B (10), goes too;
    // row R2 likewise loses R2/A (12). Now columns A and B each have two hidden, rows R1 and R2 two: settled.
    // Column C and the totals reveal nothing: R1 total 33 - 20 = 13 = A + B, but not A or B alone.
    assertRows("hidden cells", List.of(
        values("R1", "A", true, true), values("R1", "B", false, true), values("R1", "C", false, false),
        values("R2", "A", false, true), values("R2", "B", true, true), values("R2", "C", false, false)),
        rows(Disclosure.protect(grid, "vacancies", "d", 5, ROWS_AND_COLUMNS, List.of("region", "isco_code"), 10),
            "select region, isco_code, d_primary, d_hidden from t order by region, isco_code"));
  }

  @Test
  void noPublishedTotalLeavesASingleHiddenCellOnRandomTables() {
    Random r = new Random(11);
    for (int trial = 0; trial < 3; trial++) {
      List<Row> cells = new ArrayList<>();
      for (int region = 0; region < 6; region++) {
        for (int occ = 0; occ < 8; occ++) {
          double v = r.nextDouble() < 0.25 ? 1 + r.nextInt(4) : r.nextDouble() < 0.1 ? 0 : 5 + r.nextInt(60);
          cells.add(RowFactory.create("R" + region, "O" + occ, "S" + (occ % 3), v));
        }
      }
      Dataset<Row> grid = spark.createDataFrame(cells, StructType.fromDDL("region STRING, isco_code STRING, sector STRING, vacancies DOUBLE"));
      Dataset<Row> out = Disclosure.protect(grid, "vacancies", "d", 5,
          List.of(List.of("region", "sector"), List.of("region"), List.of("isco_code")), List.of("region", "isco_code"), 20);
      for (String group : List.of("region, sector", "region", "isco_code")) {
        // A total minus its visible cells gives the sum of the hidden ones: with exactly one, its value.
        assertEquals(List.of(), rows(out, "select " + group + " from t group by " + group + " having sum(cast(d_hidden as int)) = 1"),
            "trial " + trial + ": groups by " + group + " with a single hidden cell");
      }
      assertEquals(List.of(), rows(out, "select region, isco_code from t where vacancies > 0 and vacancies < 5 and not d_hidden"),
          "trial " + trial + ": every small count hidden");
      assertTrue(rows(out, "select 1 from t where d_hidden and not d_primary").size() > 0, "complementary cells were needed");
    }
  }
}
