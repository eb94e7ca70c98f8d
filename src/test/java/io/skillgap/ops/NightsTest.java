package io.skillgap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.conform.UniqueVacancies;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.conform.Conform;
import io.skillgap.conform.Dedupe;
import io.skillgap.sample.SampleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Nights, reruns and backfills. Two nights of a drop folder (FirstNight): the first brings vacancies of 2023
 * to 2025 and wages and graduates of 2023 and 2024, the second the 2025 wages and graduates and a corrected
 * 2025 vacancy file. A warehouse runs them one by one (the first is the shared fixture's, copied) and is
 * copied aside; a backfill over both dates then reruns the first night and the second on it, and the
 * tables stay those of the two clean nights.
 */
class NightsTest {

  @Test
  void incrementalNightsRerunsAndBackfillsEndWithTheSameTables() throws IOException {
    // Night 1 is the shared fixture's (FirstNight): its outputs are copied and the nights go on from there.
    Path fixture = FirstNight.root();
    assertEquals(0, io.skillgap.Publications.exitCode(fixture), "night 1");
    Path root = Files.createTempDirectory(Path.of("target"), "nights");
    Path steps = root.resolve("steps");
    Ops.copyTree(FirstNight.out(fixture), steps);
    Path n2 = FirstNight.landing(fixture, FirstNight.SECOND_DATE);
    String[] where = {"--warehouse", steps.resolve("warehouse").toString(), "--publish", steps.resolve("publish").toString()};
    assertEquals(0, Ops.cli(args("run", "--date", FirstNight.SECOND_DATE, "--landing", n2.toString(), where)), "night 2");
    // The outputs of the two clean nights, kept aside (Delta logs hold paths relative to the table).
    Path clean = root.resolve("clean");
    Ops.copyTree(steps, clean);

    SparkSession spark = Ops.session();
    try {
      // Night 2 loaded only the new files and the corrected one (as version 2); 2023 gold was not recomputed
      // (2025 ads can join vacancies first posted up to 60 days earlier, so 2024 was; and 2026 looks back at 2025).
      List<Row> log = Ops.delta(spark, steps.resolve("warehouse"), "ingest_log").where("batch_id = '2026-11-02'")
          .orderBy("path").select("path", "version", "status").collectAsList();
      assertEquals(List.of("graduates_2025.csv 1 loaded", "hh_2025.csv 2 loaded", "wages_2025.csv 1 loaded"),
          log.stream().map(r -> Path.of(r.getString(0)).getFileName() + " " + r.getInt(1) + " " + r.getString(2)).toList(), "night 2 ingest log");
      String predicate = io.delta.tables.DeltaTable.forPath(spark, steps.resolve("warehouse/gold/occupation_region_gap").toAbsolutePath().toString())
          .history().where("operation = 'WRITE'").orderBy(org.apache.spark.sql.functions.col("version").desc())
          .select("operationParameters").first().getJavaMap(0).toString();
      assertTrue(predicate.contains("year IN (2024, 2025, 2026)"),
          "night 2 replaced gold years 2024 onwards only: " + predicate);
    } finally {
      spark.stop();
    }

    // A backfill over both nights reruns an older night, then the latest: it changes nothing.
    assertEquals(0, Ops.cli("backfill", "--from", "2026-11-01", "--to", "2026-11-02", "--landing-root", fixture.resolve("landing").toString(),
        where[0], where[1], where[2], where[3]), "backfill over nights that ran");
    spark = Ops.session();
    try {
      Ops.assertSameOutputs(spark, clean, steps);
      String corrected2024 = Ops.delta(spark, steps.resolve("warehouse"), "silver/vacancies").where("title like '%(corrected)%'")
          .select("title").first().getString(0);
      assertTrue(corrected2024.endsWith("(corrected)"), "the corrected version is the one in silver: " + corrected2024);
    } finally {
      spark.stop();
    }

    // A third night brings only new ads (posted 2025-12-20, so some join vacancies of late 2025): the unique
    // vacancies are updated in place for the clusters they touch, and equal a full collapse of every ad.
    Path n3 = root.resolve("landing/2026-11-03");
    new SampleGenerator(7, 300, 2023, 3).writeNight(n3, java.time.LocalDate.of(2025, 12, 20));
    assertEquals(0, Ops.cli(args("run", "--date", "2026-11-03", "--landing", n3.toString(), where)), "night 3");
    spark = Ops.session();
    try {
      Path wh = steps.resolve("warehouse");
      String op = io.delta.tables.DeltaTable.forPath(spark, wh.resolve("silver/vacancies").toAbsolutePath().toString())
          .history(1).select("operation").first().getString(0);
      assertEquals("MERGE", op, "night 3 updated silver/vacancies in place");
      SkillgapConfig cfg = SkillgapConfig.load(null, java.util.Map.of());
      Dataset<Row> ads = Ops.delta(spark, wh, "silver/vacancy_ads").where(org.apache.spark.sql.functions.col("country")
          .equalTo(cfg.sources().homeCountry()));
      Dataset<Row> full = UniqueVacancies.silverVacancies(Dedupe.collapse(ads, cfg.vacancies().dedupeWindowDays()), cfg);
      Ops.assertSameRows("night 3: silver/vacancies against a full collapse", Ops.delta(spark, wh, "silver/vacancies"), full);
    } finally {
      spark.stop();
    }
  }

  private static String[] args(String command, String dateFlag, String date, String landingFlag, String landing, String[] where) {
    String[] out = new String[5 + where.length];
    out[0] = command;
    out[1] = dateFlag;
    out[2] = date;
    out[3] = landingFlag;
    out[4] = landing;
    System.arraycopy(where, 0, out, 5, where.length);
    return out;
  }
}
