package io.skillgap.gap;

import io.skillgap.SparkTestBase;
import io.skillgap.config.SkillgapConfig.IndexSettings;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ProgramAndSectorTest extends SparkTestBase {
  static final String OCC = "year INT, region STRING, isco_code STRING, positions DOUBLE, shortage_index DOUBLE";
  final IndexSettings settings = IndexFixtures.settings(3);

  @Test
  void programGapSharesEachPositionAmongTheFieldsThatFeedIt() {
    Dataset<Row> supply = df(OccupationGapTest.SUPPLY,
        row(2024, "KZ-75", "KZ-75", "061", "bachelor", "2512", 20.0, 1.0, 6.0, false),
        row(2024, "KZ-75", "KZ-75", "061", "bachelor", "2513", 20.0, 1.0, 2.0, false),
        row(2024, "KZ-75", "KZ-75", "061", "bachelor", "OTHER", 20.0, 1.0, 6.0, false),
        row(2024, "KZ-75", "KZ-75", "054", "bachelor", "2512", 10.0, 1.0, 2.0, false),
        row(2024, "KZ-75", "KZ-75", "054", "bachelor", "OTHER", 10.0, 1.0, 3.0, false),
        row(2024, "KZ-75", "KZ-75", "054", "master", "2512", 4.0, 1.0, 1.0, false));
    Dataset<Row> occupations = df(OCC, row(2024, "KZ-75", "2512", 9.0, 0.6), row(2024, "KZ-75", "2513", 4.0, -0.2));
    Dataset<Row> isced = df("field_code STRING, title_en STRING", row("061", "ICT"), row("054", "Mathematics and statistics"));
    // 2512 has 9 positions and 6 + 2 + 1 = 9 weighted graduates: 061 gets 9 x 6/9 = 6, 054 gets 9 x 3/9 = 3.
    // 2513 (4 positions) is fed by 061 alone: all 4 to 061. 6 + 3 + 4 = 13 = 9 + 4: no position counted twice.
    // 054's graduates: 10 bachelors + 4 masters = 14; supply into placed occupations 2 + 1 = 3, ratio 3 / 3 = 1.
    // Indexes: 061 feeds 2512 (supply 6, index 0.6) and 2513 (2, -0.2): (6 x 0.6 + 2 x -0.2) / 8 = 0.4 -> shortage;
    // 054 feeds only 2512: 0.6.
    assertRows("program gap", List.of(
        values("054", "Mathematics and statistics", 14.0, 3.0, 3.0, 1.0, 0.0, 0.6, "shortage", List.of("KZ-75|2512")),
        values("061", "ICT", 20.0, 8.0, 10.0, 1.25, 2.0, 0.4, "shortage", List.of("KZ-75|2512", "KZ-75|2513"))),
        rows(ProgramGap.build(supply, occupations, isced, settings), "select field_code, field_title, graduates, graduate_supply,"
            + " round(attributed_demand, 6), round(ratio, 6), round(gap, 6), round(shortage_index, 6), status, attributed_from from t order by field_code"));
  }

  @Test
  void programGapFollowsGraduatesToTheRegionWhereTheyWork() {
    // 061 graduates of Almaty: 60% work in Almaty, 40% in Astana (the mobility step made the two rows).
    Dataset<Row> supply = df(OccupationGapTest.SUPPLY,
        row(2024, "KZ-75", "KZ-75", "061", "bachelor", "2512", 10.0, 0.6, 3.0, false),
        row(2024, "KZ-75", "KZ-71", "061", "bachelor", "2512", 10.0, 0.4, 2.0, false));
    Dataset<Row> occupations = df(OCC, row(2024, "KZ-75", "2512", 3.0, null), row(2024, "KZ-71", "2512", 10.0, null));
    Dataset<Row> isced = df("field_code STRING, title_en STRING", row("061", "ICT"));
    // Alone in both regions, 061 gets all 3 positions of Almaty and all 10 of Astana: 13 against supply 5.
    assertRows("mobility", List.of(values("KZ-75", 10.0, 5.0, 13.0, "insufficient_data")),
        rows(ProgramGap.build(supply, occupations, isced, settings),
            "select region, graduates, graduate_supply, attributed_demand, status from t"));
  }

  @Test
  void sectorSummaryAddsUpTheOccupationTableAndCountsActivity() {
    Dataset<Row> gap = df("year INT, region STRING, isco_code STRING, innovation_sector STRING, vacancies DOUBLE,"
            + " vacancy_ads DOUBLE, positions DOUBLE, graduate_supply DOUBLE, supply_graduates DOUBLE, shortage_index DOUBLE",
        row(2024, "KZ-75", "2512", "ict_ai", 3.0, 5.0, 4.0, 2.0, 8.0, 0.5),
        row(2024, "KZ-75", "2511", "ict_ai", 1.0, 1.0, 1.0, 3.0, 12.0, -0.5),
        row(2024, "KZ-75", "2330", null, 2.0, 2.0, 2.0, 0.0, 0.0, null),
        row(2024, "KZ-75", "OTHER", null, 0.0, 0.0, 0.0, 1.0, 4.0, null));
    Dataset<Row> vacancies = df("year INT, region STRING, nace_section STRING, nace_division STRING, positions INT, region_weight DOUBLE",
        row(2024, "KZ-75", "J", "62", 2, 1.0), row(2024, "KZ-75", "B", "07", 1, 1.0), row(2024, "KZ-75", "P", null, 3, 1.0),
        row(2024, "KZ-75", null, null, 1, 1.0));
    Dataset<Row> byActivity = df("nace_code STRING, innovation_sector STRING", row("62", "ict_ai"), row("07", "critical_minerals_mining"));
    // ict_ai: 3 + 1 vacancies, 5 positions, supply 5 -> ratio 1, gap 0; index by positions (4 x 0.5 + 1 x -0.5) / 5
    // = 0.3 -> shortage; by activity only the 2 positions in division 62.
    // non_innovation: 2330 and OTHER, no index; by activity P (3) and unknown (1) = 4.
    // Mining has no occupation rows here, only an employer in division 07: 1 position by activity.
    assertRows("sector rows", List.of(
        values("critical_minerals_mining", 0.0, 0.0, 0.0, null, 0.0, 1.0, null, 0L, "insufficient_data"),
        values("ict_ai", 4.0, 5.0, 5.0, 1.0, 0.0, 2.0, 0.3, 2L, "shortage"),
        values("non_innovation", 2.0, 2.0, 1.0, 2.0, 1.0, 4.0, null, 0L, "insufficient_data")),
        rows(SectorSummary.build(gap, vacancies, byActivity, settings), "select sector, vacancies, positions, graduate_supply,"
            + " demand_supply_ratio, gap, positions_by_activity, round(shortage_index, 6), occupations_indexed, status from t order by sector"));
  }
}
