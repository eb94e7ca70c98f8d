package io.skillgap.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillgap.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DedupeTest extends SparkTestBase {
  private static final String ADS = "source STRING, vacancy_id STRING, posted_date DATE, closed_date DATE, title STRING,"
      + " title_norm STRING, isco_code STRING, region STRING, employer_id STRING, nace_section STRING,"
      + " nace_division STRING, salary_monthly_kzt DOUBLE, education_level INT, positions INT, _row_id BIGINT, _batch_id STRING";

  /** Silver ads; the file of every row is the same (ties are broken by it, then by the line). */
  private Dataset<Row> ads(Object[]... rows) {
    return df(ADS, rows).withColumn("_source_file", org.apache.spark.sql.functions.lit("vacancies/a.csv"))
        .withColumn("skills", org.apache.spark.sql.functions.lit(null).cast("array<struct<skill_id:string,found_in:string>>"))
        .withColumn("described", org.apache.spark.sql.functions.lit(false));
  }

  private static java.sql.Date d(String s) {
    return java.sql.Date.valueOf(s);
  }

  @Test
  void adsCollapseBySourceIdThenByEmployerTitleAndRegionWithinTheWindow() {
    Dataset<Row> ads = ads(
        // hh:1 and its re-post 22 days later: one vacancy on hh.
        row("hh", "1", d("2024-01-10"), null, "Java Developer", "java developer", "2512", "KZ-75", "E1", null, null, 400000.0, null, 1, 1L, "b1"),
        row("hh", "1", d("2024-02-01"), d("2024-03-01"), "Java Developer", "java developer", "2512", "KZ-75", "E1", null, null, 500000.0, null, 2, 2L, "b1"),
        // The same job on enbek 36 days after hh:1 first appeared: same employer, title and region, within 60 days.
        row("enbek", "A", d("2024-02-15"), null, "Java developer!", "java developer", null, "KZ-75", "E1", "J", "62", null, 6, 1, 3L, "b1"),
        // 76 days after enbek:A: a new vacancy.
        row("other", "X", d("2024-05-01"), null, "Java Developer", "java developer", "2512", "KZ-75", "E1", null, null, 600000.0, null, 1, 4L, "b1"),
        // No employer id: only collapsed by its own id.
        row("hh", "2", d("2024-01-12"), null, "Java Developer", "java developer", "2512", "KZ-75", null, null, null, null, null, 1, 5L, "b1"),
        // Same employer and title in another region: another vacancy.
        row("hh", "3", d("2024-01-10"), null, "Java Developer", "java developer", "2512", "KZ-71", "E1", null, null, null, null, 4, 6L, "b1"));
    Dataset<Row> v = Dedupe.collapse(ads, 60);
    // hh:1 + enbek:A: 3 ads, positions max(1, 2, 1) = 2, salary mean (400,000 + 500,000) / 2 = 450,000, occupation
    // from the earliest ad that has one (hh:1), sector from enbek:A, closed = latest closing date.
    assertRows("unique vacancies", List.of(
        values("hh:1", 2024, "KZ-75", "2512", 3L, 2, 450000.0, "enbek,hh", "J", 6, "2024-02-15", "2024-03-01", List.of("enbek:A", "hh:1")),
        values("hh:2", 2024, "KZ-75", "2512", 1L, 1, null, "hh", null, null, "2024-01-12", null, List.of("hh:2")),
        values("hh:3", 2024, "KZ-71", "2512", 1L, 4, null, "hh", null, null, "2024-01-10", null, List.of("hh:3")),
        values("other:X", 2024, "KZ-75", "2512", 1L, 1, 600000.0, "other", null, null, "2024-05-01", null, List.of("other:X"))),
        rows(v, "select vacancy_key, year, region, isco_code, ads, positions, salary_monthly_kzt, sources, nace_section,"
            + " education_level, cast(last_posted_date as string), cast(closed_date as string), ad_ids from t order by vacancy_key"));
  }

  @Test
  void aVacancyNamesTheSkillsOfAllItsAds() {
    Dataset<Row> ads = ads(
        row("hh", "1", d("2024-01-10"), null, "Java Developer", "java developer", "2512", "KZ-75", "E1", null, null, null, null, 1, 1L, "b1"),
        row("enbek", "A", d("2024-01-20"), null, "Java Developer", "java developer", "2512", "KZ-75", "E1", null, null, null, null, 1, 2L, "b1"),
        row("hh", "2", d("2024-01-12"), null, "Go Developer", "go developer", "2512", "KZ-75", null, null, null, null, null, 1, 3L, "b1"))
        .withColumn("skills", org.apache.spark.sql.functions.expr("case _row_id"
            + " when 1 then array(named_struct('skill_id', 'sql', 'found_in', 'text'), named_struct('skill_id', 'java', 'found_in', 'listed'))"
            + " when 2 then array(named_struct('skill_id', 'java', 'found_in', 'text'), named_struct('skill_id', 'docker', 'found_in', 'text'))"
            + " end"))
        .withColumn("described", org.apache.spark.sql.functions.expr("_row_id <> 3"));
    // hh:1 and enbek:A are one vacancy (same employer, title and region, 10 days apart): java, sql and docker, each
    // once, sorted; hh:2 had nothing to read: no skills, not described.
    assertRows("skills of unique vacancies", List.of(values("hh:1", List.of("docker", "java", "sql"), true), values("hh:2", List.of(), false)),
        rows(Dedupe.collapse(ads, 60), "select vacancy_key, skill_ids, described from t order by vacancy_key"));
  }

  @Test
  void theWindowIsMeasuredFromThePreviousPosting() {
    // Days 0, 50 and 100: each gap is 50 <= 60, so one vacancy although the ends are 100 days apart;
    // day 200 is 100 days after day 100: a second one.
    Dataset<Row> ads = ads(
        row("hh", "1", d("2024-01-01"), null, "T", "t", "2512", "KZ-75", "E", null, null, null, null, 1, 1L, "b1"),
        row("hh", "2", d("2024-02-20"), null, "T", "t", "2512", "KZ-75", "E", null, null, null, null, 1, 2L, "b1"),
        row("hh", "3", d("2024-04-10"), null, "T", "t", "2512", "KZ-75", "E", null, null, null, null, 1, 3L, "b1"),
        row("hh", "4", d("2024-07-19"), null, "T", "t", "2512", "KZ-75", "E", null, null, null, null, 1, 4L, "b1"));
    assertRows("sessions", List.of(values("hh:1", 3L), values("hh:4", 1L)),
        rows(Dedupe.collapse(ads, 60), "select vacancy_key, ads from t order by vacancy_key"));
  }

  @Test
  void aNightRecomputesOnlyTheClustersItsAdsTouchAndEndsAsAFullCollapse() {
    Dataset<Row> before = ads(
        row("hh", "1", d("2024-01-10"), null, "Java Developer", "java developer", "2512", "KZ-75", "E1", null, null, null, null, 1, 1L, "b1"),
        // 70 days after hh:1: a second vacancy of the same employer, title and region (window 60).
        row("enbek", "A", d("2024-03-20"), null, "Java Developer", "java developer", null, "KZ-75", "E1", null, null, null, null, 1, 2L, "b1"),
        // Posted without an employer: a cluster of its own id, until tonight.
        row("hh", "4", d("2024-02-15"), null, "Java Developer", "java developer", "2512", "KZ-75", null, null, null, null, null, 1, 3L, "b1"),
        row("hh", "3", d("2024-02-01"), null, "Analyst", "analyst", "2511", "KZ-71", "E2", null, null, null, null, 1, 4L, "b1"));
    Dataset<Row> tonight = ads(
        // hh:4 re-posted with its employer: the id moves to E1's cluster and bridges hh:1 (36 days) and enbek:A (34 days).
        row("hh", "4", d("2024-02-25"), null, "Java Developer", "java developer", "2512", "KZ-75", "E1", null, null, null, null, 1, 5L, "b2"),
        row("other", "Z", d("2024-02-26"), null, "Welder", "welder", "7212", "KZ-11", "E3", null, null, null, null, 1, 6L, "b2"));
    Dataset<Row> all = before.unionByName(tonight);
    Dataset<Row> stored = Dedupe.collapse(before, 60);
    Dedupe.Touched t = Dedupe.touched(all, tonight, stored, 60);

    // E1's cluster (now and before), hh:4's old one-id cluster and the new welder; E2's analyst is not touched.
    assertRows("touched clusters", List.of(values("emp|E1|java developer|KZ-75"), values("emp|E3|welder|KZ-11"), values("id|hh:4")),
        rows(t.clusters(), "select cluster_key from t order by cluster_key"));
    Dataset<Row> updated = stored.join(t.clusters(), stored.col("cluster_key").equalTo(t.clusters().col("cluster_key")), "left_anti")
        .unionByName(t.vacancies());
    // hh:1 + hh:4 (2 ads) + enbek:A: one vacancy of 4 ads; the analyst as stored; the welder new.
    String q = "select vacancy_key, cluster_key, ads, cast(first_posted_date as string), cast(last_posted_date as string), ad_ids"
        + " from t order by vacancy_key";
    List<List<Object>> expected = List.of(
        values("hh:1", "emp|E1|java developer|KZ-75", 4L, "2024-01-10", "2024-03-20", List.of("enbek:A", "hh:1", "hh:4")),
        values("hh:3", "emp|E2|analyst|KZ-71", 1L, "2024-02-01", "2024-02-01", List.of("hh:3")),
        values("other:Z", "emp|E3|welder|KZ-11", 1L, "2024-02-26", "2024-02-26", List.of("other:Z")));
    assertRows("stored vacancies with the touched clusters replaced", expected, rows(updated, q));
    assertRows("the full collapse of every ad (the reference)", expected, rows(Dedupe.collapse(all, 60), q));
  }

  @Test
  void theStoredDedupeSettingsDoNotDependOnMapOrder() {
    // The shares come from configuration maps whose iteration order can differ from one JVM to the next.
    java.util.Map<String, Double> ab = new java.util.LinkedHashMap<>();
    ab.put("KZ-19", 0.67);
    ab.put("KZ-33", 0.33);
    java.util.Map<String, Double> ba = new java.util.LinkedHashMap<>();
    ba.put("KZ-33", 0.33);
    ba.put("KZ-19", 0.67);
    java.time.LocalDate until = java.time.LocalDate.of(2022, 6, 8);
    String first = UniqueVacancies.dedupeSettings(60, List.of(new io.skillgap.config.SkillgapConfig.BoundaryChange("KZ-19", until, ab)));
    assertEquals("window=60;boundaries=[KZ-19<2022-06-08={KZ-19=0.67, KZ-33=0.33}]", first, "settings text");
    assertEquals(first, UniqueVacancies.dedupeSettings(60, List.of(new io.skillgap.config.SkillgapConfig.BoundaryChange("KZ-19", until, ba))),
        "the same shares in another order");
  }
}
