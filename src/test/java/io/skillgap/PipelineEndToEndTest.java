package io.skillgap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.publish.PublishedSchemas;
import io.skillgap.sample.SampleGenerator;
import io.skillgap.sample.SampleGenerator.Truth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's pipeline command on generated data, as a user runs it, checked against what the
 * generator planted. The CLI owns (and stops) its SparkSession, so this class opens its own afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {
  private Path root;
  private Truth truth;
  private JsonNode summary;
  private SparkSession spark;
  private int exitCode;

  @BeforeAll
  void runThePipeline() throws IOException {
    Publications.Night night = Publications.sample();
    root = night.root();
    truth = night.truth();
    exitCode = night.exitCode();
    summary = new ObjectMapper().readTree(root.resolve("publish/_summary.json").toFile());
    spark = TestSessions.session();
  }

  @AfterAll
  void stop() {
    spark.stop();
  }

  private Dataset<Row> published(String table) {
    return spark.read().parquet(root.resolve("publish").resolve(table).toString());
  }

  @Test
  void theRunSucceedsAndEveryRowIsAccountedForAsThePlantedDefectsSay() {
    assertEquals(0, exitCode, "exit code of run");
    JsonNode s = summary.get("sources");
    long badVacancies = truth.vacancyBad().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(truth.vacancyRows(), s.get("vacancies").get("read").asLong(), "vacancies read");
    assertEquals(truth.acceptedAds(), s.get("vacancies").get("accepted").asLong(), "vacancies accepted");
    assertEquals(badVacancies, s.get("vacancies").get("quarantined").asLong(), "vacancies quarantined");
    assertEquals(new TreeMap<>(truth.vacancyBad()), reasons(s.get("vacancies")), "vacancy reasons");
    assertEquals(new TreeMap<>(truth.graduateBad()), reasons(s.get("graduates")), "graduate reasons");
    assertEquals(new TreeMap<>(truth.wageBad()), reasons(s.get("wages")), "wage reasons");
    for (String source : new String[] {"vacancies", "wages", "graduates"}) {
      JsonNode n = s.get(source);
      assertEquals(n.get("read").asLong(), n.get("accepted").asLong() + n.get("quarantined").asLong(), source + ": read = accepted + quarantined");
    }
    assertEquals(truth.graduateRows(), s.get("graduates").get("read").asLong(), "graduate rows read");
    assertEquals(truth.wageRows(), s.get("wages").get("read").asLong(), "wage rows read");
    // The real formats: hh API JSON Lines, an Enbek export in Windows-1251, a stat.gov.kz table.
    assertEquals(truth.hhRows(), s.get("hh").get("read").asLong(), "hh rows read");
    assertEquals(truth.hhAccepted(), s.get("hh").get("accepted").asLong(), "hh rows accepted (the one abroad included)");
    assertEquals(new TreeMap<>(truth.hhBad()), reasons(s.get("hh")), "hh reasons");
    assertEquals(truth.enbekRows(), s.get("enbek").get("read").asLong(), "Enbek rows read");
    assertEquals(truth.enbekAccepted(), s.get("enbek").get("accepted").asLong(), "Enbek rows accepted");
    assertEquals(new TreeMap<>(truth.enbekBad()), reasons(s.get("enbek")), "Enbek reasons");
    assertEquals(truth.statWageRows(), s.get("stat_wages").get("read").asLong(), "stat.gov.kz rows read");
    assertEquals(new TreeMap<>(truth.statWageBad()), reasons(s.get("stat_wages")), "stat.gov.kz reasons");
    for (String source : new String[] {"hh", "enbek", "stat_wages"}) {
      JsonNode n = s.get(source);
      assertEquals(n.get("read").asLong(), n.get("accepted").asLong() + n.get("quarantined").asLong(), source + ": read = accepted + quarantined");
    }
    long coded = 0;
    for (var e : s.get("hh").get("occupation_coding_by_method").properties()) {
      coded += e.getValue().asLong();
    }
    assertEquals(truth.hhAccepted(), coded, "every accepted hh ad has a coding method (none included)");
  }

  @Test
  void publishedTablesHaveTheDeclaredColumnsUniqueKeysAndTheSummaryCounts() {
    check("occupation_region_gap", PublishedSchemas.OCCUPATION_REGION_GAP, "year", "region", "isco_code");
    check("program_gap", PublishedSchemas.PROGRAM_GAP, "year", "region", "field_code");
    check("sector_region_summary", PublishedSchemas.SECTOR_REGION_SUMMARY, "year", "region", "sector");
    check("shortage_ranking", PublishedSchemas.SHORTAGE_RANKING, "year", "region", "rank");
    check("index_sensitivity", PublishedSchemas.INDEX_SENSITIVITY, "year", "region", "isco_code", "left_out");
  }

  private void check(String table, StructType schema, String... key) {
    Dataset<Row> t = published(table);
    assertEquals(columns(schema), columns(t.schema()), table + " columns and types");
    long rows = t.count();
    assertEquals(rows, t.select(key[0], Arrays.copyOfRange(key, 1, key.length)).distinct().count(), table + " key unique");
    assertEquals(rows, summary.get("tables").get(table).get("rows").asLong(), table + " rows in _summary.json");
    assertTrue(rows > 0, table + " not empty");
  }

  /** The unsuppressed gold table (internal), where totals must reconcile exactly. */
  private Dataset<Row> gold(String table) {
    return spark.read().format("delta").load(root.resolve("warehouse/gold").resolve(table).toString());
  }

  @Test
  void demandAndSupplyTotalsFollowFromTheGeneratorsInputs() {
    // The major-group rows (isco_level 1) hold every coded vacancy, to a unit group or only to a coarser group;
    // the residual rows (UNCODED, OTHER) the rest. The rows in between are subtotals and would count twice.
    Dataset<Row> occ = gold("occupation_region_gap");
    Row demand = occ.where("isco_level = 1 or is_residual").selectExpr("sum(vacancies)", "sum(vacancy_ads)", "sum(positions)",
        "sum(graduate_supply)", "count(distinct region)").first();
    // Every unique vacancy, every accepted ad and every position lands in exactly one row (UNCODED included);
    // vacancies of regions split in 2022 are shared between the parts, so the sums are sums of shares.
    // hh and Enbek ads each have their own employer, so each is a vacancy of its own; the hh ad abroad is not here.
    long realAds = truth.hhAccepted() - truth.hhAbroad() + truth.enbekAccepted();
    long positions = truth.positions() + truth.hhAccepted() - truth.hhAbroad() + truth.enbekPositions();
    assertEquals(truth.uniqueVacancies() + realAds, demand.getDouble(0), 1e-6, "unique vacancies = generated vacancies");
    // The same vacancies seen level by level: the unit-group rows plus what each coarser row coded at its own level.
    assertEquals(demand.getDouble(0), occ.selectExpr("sum(case when isco_level = 4 then vacancies else vacancies_coded_at_level end)")
        .first().getDouble(0), 1e-6, "unit groups + vacancies coded only to a coarser group");
    assertEquals(truth.acceptedAds() + realAds, demand.getDouble(1), 1e-6, "ads = vacancies + planted re-posts + cross-board copies");
    assertEquals(positions, demand.getDouble(2), 1e-6, "positions");
    // Supply: each level's graduates times its entry share, all of it placed (OTHER included).
    Map<String, Double> share = SkillgapConfig.load(null, Map.of()).graduates().entryShare();
    double expectedSupply = truth.acceptedGraduatesByLevel().entrySet().stream().mapToDouble(e -> e.getValue() * share.get(e.getKey())).sum();
    assertEquals(expectedSupply, demand.getDouble(3), 1e-6, "graduate supply");
    assertEquals(20L, demand.getLong(4), "all 20 regions have rows");
    double graduates = gold("program_gap").selectExpr("sum(graduates)").first().getDouble(0);
    assertEquals(truth.acceptedGraduatesByLevel().values().stream().mapToLong(Long::longValue).sum(), graduates, 1e-6, "graduates");
    Row sectors = gold("sector_region_summary").selectExpr("sum(positions)", "sum(positions_by_activity)").first();
    assertEquals(positions, sectors.getDouble(0), 1e-6, "sector summary positions reconcile");
    assertEquals(positions, sectors.getDouble(1), 1e-6, "positions by activity reconcile");
  }

  @Test
  void thePublishedTablesAreSafeToShare() {
    Dataset<Row> occ = published("occupation_region_gap");
    occ.createOrReplaceTempView("occ");
    // No small count is visible, and where a count is hidden no published or derivable total isolates it:
    // each region, region x sector, and occupation x year has none or at least two hidden demand cells.
    assertEquals(0L, spark.sql("select * from occ where vacancies > 0 and vacancies < 5").count(), "small vacancy counts");
    assertEquals(0L, spark.sql("select * from occ where median_posted_salary_kzt is not null and salary_observations is null"
        + " and suppression like '%salary%'").count(), "medians of few salaries");
    // (A group of one row has no other cell to hide: its total is the cell, small and hidden wherever shown.)
    for (String group : new String[] {"year, region", "year, isco_code"}) {
      assertEquals(0L, spark.sql("select " + group + " from occ group by " + group
          + " having sum(case when suppression like '%demand%' then 1 else 0 end) = 1 and count(*) > 1").count(),
          "single hidden cell by " + group);
    }
    // A sector subtotal is published in sector_region_summary: where its occupations have a single hidden
    // cell (a sector with one occupation in the region), the subtotal itself is hidden.
    published("sector_region_summary").createOrReplaceTempView("sec");
    // Vacancies coded only to a group count in non_innovation: a group hidden for its own small count is such a cell too.
    assertEquals(0L, spark.sql("select o.year, o.region, o.sector from (select year, region, coalesce(innovation_sector,"
        + " 'non_innovation') sector, sum(case when suppression like '%demand%' or suppression = 'group:primary' then 1 else 0 end)"
        + " hidden from occ group by 1, 2, 3) o"
        + " join sec s on s.year = o.year and s.region = o.region and s.sector = o.sector"
        + " where o.hidden = 1 and s.vacancies is not null").count(), "sector subtotals that would reveal a hidden cell");
    // (A region with one sector row, e.g. a new small region with only non_innovation vacancies in a year, has no other cell.)
    assertEquals(0L, spark.sql("select year, region from sec group by 1, 2"
        + " having sum(case when suppression like '%demand%' then 1 else 0 end) = 1 and count(*) > 1").count(), "a single hidden sector in a region");
    assertTrue(occ.where("suppressed").count() > 0, "the sample has small cells to hide");
    // Rows of regions created in 2022 (Abai, Zhetysu, Ulytau) carry estimates for the months before.
    assertTrue(occ.where("year = 2022 and region in ('KZ-10', 'KZ-33', 'KZ-62') and region_estimated").count() > 0, "estimated rows");
    assertEquals(0L, occ.where("year > 2022 and region_estimated").count(), "no estimates after the split");
    // Officials get an index, a status and a confidence for the occupations with enough data.
    assertTrue(published("shortage_ranking").where("status = 'shortage' and confidence in ('medium', 'high')").count() > 0,
        "shortages with some confidence");
  }

  private static Map<String, Long> reasons(JsonNode source) {
    Map<String, Long> out = new TreeMap<>();
    source.get("quarantine_by_reason").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  private static Set<String> columns(StructType s) {
    return Arrays.stream(s.fields()).map(f -> f.name() + ":" + f.dataType().simpleString()).collect(Collectors.toCollection(TreeSet::new));
  }
}
