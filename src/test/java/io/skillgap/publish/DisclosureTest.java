package io.skillgap.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DisclosureTest extends SparkTestBase {
  /** gold skill_demand's columns that the protection reads. */
  static final String SKILL_GOLD = "year INT, region STRING, innovation_sector STRING, isco_level INT, isco_code STRING, skill_id STRING,"
      + " vacancies DOUBLE, described_vacancies DOUBLE, described_prev DOUBLE, share DOUBLE, vacancies_prev DOUBLE,"
      + " share_prev DOUBLE, growth_rel DOUBLE, salary_observations DOUBLE, median_salary_kzt DOUBLE, salary_premium DOUBLE,"
      + " demand_rank INT, emerging_rank INT, confidence STRING";
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

  @Test
  void skillCellsAreProtectedBeforeTheSkillsInThem() {
    // 2025, ict_ai, unit group 2512, threshold 5. Cells (described vacancies): R1 20, R2 30, R3 40, R4 3, KZ 93.
    // Cells first: R4 (3) is small; the regions add up to KZ, so the smallest other cell, R1 (20), is hidden too.
    // python: R1 is in a hidden cell, its count 3 would be small anyway; the group of regions then has one hidden
    //   row, so the smallest other, R2 (10), goes; R3 and the country stay.
    // sql: R4 in a hidden cell; R3 (8) is the smallest other row of the regions and the country (10): hidden.
    Dataset<Row> gold = df(SKILL_GOLD,
        row(2025, "R1", "ict_ai", 4, "2512", "python", 3.0, 20.0, null, 0.15, null, null, null, 0.0, null, null, 1, null, "low"),
        row(2025, "R2", "ict_ai", 4, "2512", "python", 10.0, 30.0, null, 0.333333, null, null, null, 6.0, 500000.0, 0.1, 1, null, "medium"),
        row(2025, "R3", "ict_ai", 4, "2512", "python", 12.0, 40.0, null, 0.3, null, null, null, 3.0, 600000.0, 0.2, 1, null, "medium"),
        row(2025, "KZ", "ict_ai", 4, "2512", "python", 25.0, 93.0, null, 0.268817, null, null, null, 9.0, 550000.0, 0.15, 1, null, "high"),
        row(2025, "R3", "ict_ai", 4, "2512", "sql", 8.0, 40.0, null, 0.2, null, null, null, 5.0, 400000.0, 0.0, 2, null, "medium"),
        row(2025, "R4", "ict_ai", 4, "2512", "sql", 2.0, 3.0, null, 0.666667, null, null, null, 0.0, null, null, 1, null, "low"),
        row(2025, "KZ", "ict_ai", 4, "2512", "sql", 10.0, 93.0, null, 0.107527, null, null, null, 5.0, 400000.0, 0.0, 2, null, "medium"));
    Dataset<Row> occupations = df("year INT, region STRING, isco_code STRING, isco_level INT, demand_hidden BOOLEAN, suppressed BOOLEAN",
        row(2025, "R1", "2512", 4, false, false), row(2025, "R2", "2512", 4, false, false), row(2025, "R3", "2512", 4, false, false),
        row(2025, "R4", "2512", 4, false, false));
    // R3 python: 3 salaries < 5, so its median and premium go (its count stays).
    assertRows("published skill cells", List.of(
            values("KZ", "python", 25.0, 93.0, 550000.0, null),
            values("KZ", "sql", 10.0, 93.0, 400000.0, null),
            values("R1", "python", null, null, null, "cell:complementary"),
            values("R2", "python", null, 30.0, null, "demand:complementary"),
            values("R3", "python", 12.0, 40.0, null, "salary:primary"),
            values("R3", "sql", null, 40.0, null, "demand:complementary"),
            values("R4", "sql", null, null, null, "cell:primary")),
        rows(SafeSkills.demand(gold, occupations, noSectorHidden(), new io.skillgap.config.SkillgapConfig.DisclosureSettings(5, 10), 16),
            "select region, skill_id, vacancies, described_vacancies, median_salary_kzt, suppression from t order by region, skill_id"));
    // A hidden count loses its confidence and rank (low would say under 4); shown ones are ranked among those shown:
    // in R3, sql (8) was second to python (12), and is hidden, so python stays first alone.
    assertRows("ranks and confidence", List.of(
            values("KZ", "python", 1, "high"), values("KZ", "sql", 2, "medium"), values("R1", "python", null, null),
            values("R2", "python", null, null), values("R3", "python", 1, "medium"), values("R3", "sql", null, null),
            values("R4", "sql", null, null)),
        rows(SafeSkills.demand(gold, occupations, noSectorHidden(), new io.skillgap.config.SkillgapConfig.DisclosureSettings(5, 10), 16),
            "select region, skill_id, demand_rank, confidence from t order by region, skill_id"));
  }

  @Test
  void noSkillTotalLeavesASingleHiddenCellOnRandomVacancies() {
    // Random vacancies in three regions and four unit groups (three sectors, two major groups), some coded only
    // to their major group, become gold skill cells; after protection, no total with its parts (regions and the
    // country, sectors and "all", unit groups and their major group, major groups and every occupation) may hold
    // exactly one hidden cell or count: the others and the total would give it by subtraction.
    Dataset<Row> sectors = df("isco_code STRING, innovation_sector STRING", row("2512", "ict_ai"), row("2114", "mining"),
        row("7411", "energy"));
    Dataset<Row> vocabulary = df("skill_id STRING, skill_group STRING", row("python", "programming"), row("sql", "data_ai"));
    Dataset<Row> occupations = df("year INT, region STRING, isco_code STRING, isco_level INT, demand_hidden BOOLEAN, suppressed BOOLEAN",
        row(2025, "R9", "0000", 4, false, false));
    String[] codes = {"2512", "2114", "2411", "7411", "2", "7"};
    Random r = new Random(7);
    for (int trial = 0; trial < 2; trial++) {
      List<Object[]> vacancies = new ArrayList<>();
      for (int i = 0; i < 70; i++) {
        String code = codes[r.nextInt(codes.length)];
        List<String> skills = new ArrayList<>();
        for (String s : List.of("python", "sql")) {
          if (r.nextInt(3) > 0) {
            skills.add(s);
          }
        }
        vacancies.add(row(2025, "R" + (1 + r.nextInt(3)), code, code.length(), null, 1.0, skills, true));
      }
      Dataset<Row> gold = io.skillgap.gap.SkillDemand.build(df("year INT, region STRING, isco_code STRING, isco_level INT,"
          + " salary_monthly_kzt DOUBLE, region_weight DOUBLE, skill_ids ARRAY<STRING>, described BOOLEAN", vacancies.toArray(Object[][]::new)),
          sectors, vocabulary, io.skillgap.config.SkillgapConfig.load(null, java.util.Map.of()).index(),
          new io.skillgap.config.SkillgapConfig.ReliabilitySettings(3, 2, 5));
      Dataset<Row> out = SafeSkills.demand(gold, occupations, noSectorHidden(), new io.skillgap.config.SkillgapConfig.DisclosureSettings(5, 20), 16)
          .withColumn("cell_hidden", org.apache.spark.sql.functions.col("described_vacancies").isNull())
          .withColumn("count_hidden", org.apache.spark.sql.functions.col("vacancies").isNull());
      out.createOrReplaceTempView("safe");
      // Each total and its parts: the rows grouped by what they share, among the levels the total adds up.
      Map<String, String> totals = new java.util.LinkedHashMap<>();
      totals.put("regions and the country", "innovation_sector, isco_level, isco_code");
      totals.put("sectors and all", "region, isco_level, isco_code");
      totals.put("unit groups and their major group", "region, innovation_sector, substr(isco_code, 1, 1)");
      totals.put("major groups and every occupation", "region, innovation_sector");
      Map<String, String> levels = Map.of("regions and the country", "0, 1, 4", "sectors and all", "0, 1",
          "unit groups and their major group", "1, 4", "major groups and every occupation", "0, 1");
      for (var total : totals.entrySet()) {
        String cells = "(select distinct region, innovation_sector, isco_level, isco_code, cell_hidden from safe)";
        String where = " where isco_level in (" + levels.get(total.getKey()) + ")";
        assertEquals(List.of(), rows(spark.sql("select " + total.getValue() + " from " + cells + where + " group by " + total.getValue()
                + " having count(*) > 1 and sum(cast(cell_hidden as int)) = 1"), "select * from t"),
            "trial " + trial + ": one hidden cell among " + total.getKey());
        assertEquals(List.of(), rows(spark.sql("select skill_id, " + total.getValue() + " from safe" + where + " group by skill_id, "
                + total.getValue() + " having count(*) > 1 and sum(cast(count_hidden as int)) = 1"), "select * from t"),
            "trial " + trial + ": one hidden skill count among " + total.getKey());
      }
      assertTrue(rows(out, "select 1 from t where suppression like '%complementary%'").size() > 0, "trial " + trial + ": complements needed");
    }
  }

  /** The published sector summary's flags where no sector total is hidden. */
  private Dataset<Row> noSectorHidden() {
    return df("year INT, region STRING, sector STRING, demand_hidden BOOLEAN", row(2025, "R9", "ict_ai", false));
  }

  @Test
  void aSectorsCellFollowsItsTotalHiddenInTheSectorSummary() {
    // 2025, R1, every occupation (level 0): ict_ai 40 described vacancies, energy 30, all 70, one skill each; mining
    // has no described vacancy (no row). The sector summary hides R1's ict_ai and mining demand and shows energy's.
    // ict_ai's skill cell says nearly its hidden demand: hidden (primary). Its group (the sectors and all) needs a
    // second hidden cell: energy (30) is the smallest, but the summary shows it, and all - energy would give ict_ai
    // back; so the total (all) goes.
    Dataset<Row> gold = df(SKILL_GOLD,
        row(2025, "R1", "ict_ai", 0, "all", "python", 20.0, 40.0, null, 0.5, null, null, null, 0.0, null, null, 1, null, "high"),
        row(2025, "R1", "energy", 0, "all", "python", 10.0, 30.0, null, 0.333333, null, null, null, 0.0, null, null, 1, null, "medium"),
        row(2025, "R1", "all", 0, "all", "python", 30.0, 70.0, null, 0.428571, null, null, null, 0.0, null, null, 1, null, "high"));
    Dataset<Row> occupations = df("year INT, region STRING, isco_code STRING, isco_level INT, demand_hidden BOOLEAN, suppressed BOOLEAN",
        row(2025, "R1", "2512", 4, false, false));
    Dataset<Row> sectors = df("year INT, region STRING, sector STRING, demand_hidden BOOLEAN",
        row(2025, "R1", "ict_ai", true), row(2025, "R1", "mining", true), row(2025, "R1", "energy", false));
    assertRows("sector cells", List.of(values("all", null, null, "cell:complementary"), values("energy", 30.0, 10.0, null),
            values("ict_ai", null, null, "cell:primary")),
        rows(SafeSkills.demand(gold, occupations, sectors, new io.skillgap.config.SkillgapConfig.DisclosureSettings(5, 10), 16),
            "select innovation_sector, described_vacancies, vacancies, suppression from t order by innovation_sector"));
  }

}
