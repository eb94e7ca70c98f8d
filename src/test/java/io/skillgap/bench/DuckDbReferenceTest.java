package io.skillgap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SampleNightTestBase;
import io.skillgap.config.SkillgapConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample night's gold occupation table against the independent DuckDB implementation, on the same
 * silver files: every key on both sides and every compared column equal within 1e-9 relative.
 */
class DuckDbReferenceTest extends SampleNightTestBase {

  private List<Path> files(String table) {
    return DuckDbGold.files(spark, night.warehouse(), table);
  }

  @Test
  void duckDbComputesTheSameGoldOccupationTableFromTheSameSilverFiles() throws Exception {
    SkillgapConfig.IndexSettings index = config(Map.of()).index();
    // DuckDB rebuilds the unit-group rows; the group totals above them (isco_level < 4) are sums of those.
    long goldRows = spark.read().format("delta").load(night.warehouse().resolve("gold/occupation_region_gap").toString())
        .where("isco_level = 4").count();
    try (Connection db = DuckDbGold.open(2)) {
      long rows = DuckDbGold.build(db, files("silver/vacancies"), files("silver/graduate_supply"), index.longVacancyDays(),
          index.minObservations());
      List<String> differences = DuckDbGold.differences(db, files("gold/occupation_region_gap"), 5);
      assertEquals("0", differences.get(0), "keys or values that differ, first ones: " + differences.subList(1, differences.size()));
      assertEquals(goldRows, rows, "rows: the DuckDB table against the gold table");
      assertTrue(rows > 1000, "a table of some size was compared: " + rows);
    }
  }
}
