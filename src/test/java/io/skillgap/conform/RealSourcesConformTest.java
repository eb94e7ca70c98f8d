package io.skillgap.conform;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.skillgap.BronzeRows;
import io.skillgap.ingest.FileRecords;
import io.skillgap.ingest.Ingest;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The hh API, Enbek and stat.gov.kz adapters on small fixtures written for these tests. */
class RealSourcesConformTest extends ConformTestBase {



  /** An hh JSON Lines file read as ingest reads it (one task's rows, in file order). */
  private Dataset<Row> hhFile(String file) {
    java.util.List<Row> rows = new java.util.ArrayList<>();
    FileRecords.Task task = new FileRecords.Task(java.nio.file.Path.of(file).toUri().toString(), "hh/vacancies.jsonl", Source.HH,
        FileRecords.Format.JSON, null, ',', null, false);
    try {
      FileRecords.rows(new org.apache.hadoop.conf.Configuration(), task, new FileRecords.Limits(1 << 20, 65536, 10, 65536))
          .forEachRemaining(rows::add);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return spark.createDataFrame(rows, FileRecords.schema(Source.HH));
  }

  @Test
  void hhVacanciesBecomeComparableAdsAndContactsNeverReachBronze() {
    Dataset<Row> bronze = Ingest.toBronze(hhFile("src/test/resources/hh/vacancies.jsonl"), "b1", Timestamp.valueOf("2026-12-01 01:00:00"));

    // Nothing of the contacts object (name, e-mail, phones) nor of the snippet is in any bronze column.
    for (String c : bronze.columns()) {
      assertEquals(0, bronze.where(bronze.col(c).cast("string").rlike("555|ivan|Иван")).count(), "contact data in bronze column " + c);
    }
    Conform.Checked checked = Conform.vacancies(HhVacancies.toInput(bronze, ref.hhAreas(), cfg.sources(), cfg.piiSalt()), ref, aliasKeys, cfg, noAds());

    // 1: net 450,000 KZT grossed up: 450,000 / (0.9 x 0.9) = 555,555.56; "Водитель-испытатель" is a labelled title
    //    (7543, as ESCO's "automotive test driver"): the title, not role 21's drivers, decides.
    // 2: no salary range, so a month; midpoint 2,500 USD x 510 (the 2026 rate) = 1,275,000.
    // 4: Moscow: kept with its country, no Kazakh region; 250,000 RUB (hh writes RUR) x 6.3 = 1,575,000.
    // 5: area id unknown, its name Караганда is in the area table: KZ-35.
    // 7: "Специалист" with role 40 ("Другое"): accepted without a code. 8: 20,000 a shift x 21.7 = 434,000.
    assertRows("accepted hh ads", List.of(
        values("1", "KZ", "KZ-71", "7543", "title", 555555.56, "hh.kz"),
        values("2", "KZ", "KZ-75", "2511", "title+role", 1275000.0, "hh.kz"),
        values("4", "RU", null, "2512", "title+role", 1575000.0, "hh.kz"),
        values("5", "KZ", "KZ-35", "2114", "title+role", null, "hh.kz"),
        values("7", "KZ", "KZ-71", null, "none", null, "hh.kz"),
        values("8", "KZ", "KZ-71", "5120", "title+role", 434000.0, "hh.kz")),
        rows(checked.accepted(), "select vacancy_id, country, region, isco_code, occupation_method, round(salary_monthly_kzt, 2),"
            + " source from t order by vacancy_id"));
    // Lines of the file: 3 is paid per service, 6 is in an unknown area, 9 is cut off.
    assertRows("quarantined hh rows", List.of(values(3L, "hh", "PAY_NOT_PERIODIC"), values(6L, "hh", "UNKNOWN_REGION"),
        values(9L, "hh", "MALFORMED_ROW")), rows(checked.quarantined(), "select line, source, reason from t order by line"));
    String malformed = checked.quarantined().where("reason = 'MALFORMED_ROW'").first().getString(5);
    assertFalse(malformed.contains("555"), "the unparseable line is cut at its contacts: " + malformed);
  }

  @Test
  void enbekRowsTakeIscoThroughNkzOrTheTitle() {
    BronzeRows b = new BronzeRows(Source.ENBEK, Map.of("vacancy_id", "e", "title", "Сварщик", "nkz_code", "7212",
        "region", "Карагандинская область", "posted_date", "05.03.2026", "salary_min", "350000"))
        .add()                                                           // 1 NKZ 7212 = ISCO 7212
        .add("vacancy_id", "e2", "nkz_code", "2512-1-001", "title", "Программист")   // 2 first four digits
        .add("vacancy_id", "e3", "nkz_code", "9999")                    // 3 not in the NKZ table
        .add("vacancy_id", "e4", "nkz_code", "", "title", "Электрик")  // 4 no NKZ code: the title
        .add("vacancy_id", "e5", "posted_date", "2026/03/05");          // 5 neither dd.MM.yyyy nor ISO
    Conform.Checked checked = Conform.vacancies(EnbekVacancies.toInput(b.build(spark), ref.nkzIsco(), "enbek.kz", "KZ", cfg.piiSalt()),
        ref, aliasKeys, cfg, noAds());
    assertRows("accepted Enbek ads", List.of(
        values("e", "KZ-35", "7212", "nkz", java.sql.Date.valueOf("2026-03-05"), 350000.0),
        values("e2", "KZ-35", "2512", "nkz", java.sql.Date.valueOf("2026-03-05"), 350000.0),
        values("e4", "KZ-35", "7411", "title", java.sql.Date.valueOf("2026-03-05"), 350000.0)),
        rows(checked.accepted(), "select vacancy_id, region, isco_code, occupation_method, posted_date, salary_monthly_kzt from t order by 1"));
    assertRows("quarantined Enbek rows", List.of(values(3L, "enbek", "UNKNOWN_NKZ_CODE"), values(5L, "enbek", "BAD_POSTED_DATE")),
        rows(checked.quarantined(), "select line, source, reason from t order by line"));
  }

  @Test
  void statWageTablesGiveOneWagePerMajorGroup() {
    String file = "stat_wages/kz_avg_monthly_wage_2022.csv";
    BronzeRows b = new BronzeRows(Source.STAT_WAGES, Map.ofEntries(Map.entry("region", "Astana city"), Map.entry("total", "406920"),
        Map.entry("isco_1", "607398"), Map.entry("isco_2", "462269"), Map.entry("isco_3", "327065"), Map.entry("isco_4", "366726"),
        Map.entry("isco_5", "227691"), Map.entry("isco_6", "262631"), Map.entry("isco_7", "318541"), Map.entry("isco_8", "325467"),
        Map.entry("isco_9", "182130"), Map.entry(Source.SOURCE_FILE, file)))
        .add()                                                       // 1 nine wages
        .add("region", "The Republic Of Kazakhstan")                 // 2 the country: region KZ
        .add("region", "South Kazakhstan Region")                    // 3 renamed Turkistan in 2018: not a 2022 region
        .add("region", "Atlantis")                                   // 4
        .add("region", "Almaty city", "isco_6", "x")                 // 5 a confidential cell: eight wages
        .add("region", "Shymkent city", "isco_3", "abc")             // 6
        .add("region", "Astana")                                     // 7 Astana again
        .add("region", "Abay Region", Source.SOURCE_FILE, "stat_wages/wages.csv")    // 8 no year in the file name
        .add("region", "Ulytau Region", Source.SOURCE_FILE, "stat_wages/2021/kz_wages_2021.csv");  // 9 formed in 2022
    Conform.Checked checked = Conform.statWages(b.build(spark), ref, aliasKeys, cfg);
    // 9 + 9 + 8 wage rows; the sum of rows 1 and 2 is each 3,079,918 (the nine cells), row 5 less 262,631.
    assertRows("wages per accepted row", List.of(
        values(1L, "KZ-71", 2022, 9L, 3079918.0), values(2L, "KZ", 2022, 9L, 3079918.0), values(5L, "KZ-75", 2022, 8L, 2817287.0)),
        rows(checked.accepted(), "select _row_id, region, year, count(*), sum(avg_monthly_wage_kzt) from t"
            + " where origin = 'stat_wages' and isco_level = 1 group by 1, 2, 3 order by 1"));
    assertRows("quarantined stat rows", List.of(values(3L, "REGION_NOT_IN_YEAR"), values(4L, "UNKNOWN_REGION"),
        values(6L, "BAD_WAGE"), values(7L, "DUPLICATE_KEY"), values(8L, "MISSING_YEAR"), values(9L, "REGION_NOT_IN_YEAR")),
        rows(checked.quarantined(), "select line, reason from t order by line"));
  }
}
