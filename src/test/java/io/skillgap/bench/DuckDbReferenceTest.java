package io.skillgap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SampleNightTestBase;
import io.skillgap.classify.TitleClassifier;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample night's gold occupation table against the independent DuckDB implementations: from the same
 * silver files ({@link DuckDbGold}), and from the same landing files through validation and deduplication
 * ({@link DuckDbFlow}). Every key on both sides and every compared column equal within 1e-9 relative.
 */
class DuckDbReferenceTest extends SampleNightTestBase {

  private List<Path> files(String table) {
    return DuckDbGold.files(spark, night.warehouse(), table);
  }

  /** The gold table's unit-group rows: DuckDB rebuilds those; the group totals above them (isco_level < 4) are sums of them. */
  private long goldUnitRows() {
    return spark.read().format("delta").load(night.warehouse().resolve("gold/occupation_region_gap").toString())
        .where("isco_level = 4").count();
  }

  @Test
  void duckDbComputesTheSameGoldOccupationTableFromTheSameSilverFiles() throws Exception {
    SkillgapConfig.IndexSettings index = config(Map.of()).index();
    long goldRows = goldUnitRows();
    try (Connection db = DuckDbGold.open(2)) {
      long rows = DuckDbGold.build(db, files("silver/vacancies"), files("silver/graduate_supply"), index.longVacancyDays(),
          index.minObservations());
      List<String> differences = DuckDbGold.differences(db, files("gold/occupation_region_gap"), 5);
      assertEquals("0", differences.get(0), "keys or values that differ, first ones: " + differences.subList(1, differences.size()));
      assertEquals(goldRows, rows, "rows: the DuckDB table against the gold table");
      assertTrue(rows > 1000, "a table of some size was compared: " + rows);
    }
  }

  @Test
  void duckDbComputesTheSameGoldOccupationTableFromTheLandingFiles(@TempDir Path scratch) throws Exception {
    // The sample night's settings that matter here: its as-of date (the rules' date bounds), the rest default.
    SkillgapConfig cfg = config(Map.of("run.as-of-date", "2026-12-01"));
    TitleClassifier classifier = Reference.classifier(spark.sparkContext().hadoopConfiguration(), cfg.reference());
    long goldRows = goldUnitRows();
    try (Connection db = DuckDbGold.open(2)) {
      DuckDbFlow.Result result = DuckDbFlow.build(db, night.root().resolve("landing"), cfg, classifier, scratch);
      List<String> differences = DuckDbGold.differences(db, files("gold/occupation_region_gap"), 5);
      assertEquals("0", differences.get(0), "keys or values that differ, first ones: " + differences.subList(1, differences.size()));
      assertEquals(goldRows, result.rows(), "rows: the DuckDB table against the gold table");
      assertEquals(2416, result.rows(), "unit-group rows of the sample night");
      // The intermediate tables against silver's: 3300 canonical ads, 24 hh and 12 Enbek rows, less the planted bad rows.
      assertEquals(3287, DuckDbGold.rows(db, "ads"), "accepted ads");
      assertEquals(silverRows("silver/vacancy_ads"), DuckDbGold.rows(db, "ads"), "accepted ads against silver/vacancy_ads");
      assertEquals(silverRows("silver/vacancies"), DuckDbGold.rows(db, "flow_vacancies"), "unique vacancy rows (a split vacancy has one per part)");
      assertEquals(silverRows("silver/graduate_supply"), DuckDbGold.rows(db, "flow_supply"), "graduate supply rows");
    }
  }

  private long silverRows(String table) {
    return spark.read().format("delta").load(night.warehouse().resolve(table).toString()).count();
  }
}
