package io.skillgap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.gap.GoldSchemas;
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
    root = Files.createTempDirectory(Path.of("target"), "e2e");
    String landing = root.resolve("landing").toString();
    assertEquals(0, SkillGap.commandLine().execute("sample", "--landing", landing, "--vacancies", "3000", "--seed", "11"), "sample");
    truth = SampleGenerator.readTruth(root.resolve("landing"));
    exitCode = SkillGap.commandLine().execute("run", "--landing", landing,
        "--warehouse", root.resolve("warehouse").toString(), "--publish", root.resolve("publish").toString(),
        "--set", "run.as-of-date=2026-12-01", "--set", "run.batch-id=e2e", "--set", "spark.master=local[2]",
        "--set", "spark.conf.spark.sql.shuffle.partitions=2");
    summary = new ObjectMapper().readTree(root.resolve("publish/_summary.json").toFile());
    spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
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
  }

  @Test
  void publishedTablesHaveTheDeclaredColumnsUniqueKeysAndTheSummaryCounts() {
    check("occupation_region_gap", GoldSchemas.OCCUPATION_REGION_GAP, "year", "region", "isco_code");
    check("program_gap", GoldSchemas.PROGRAM_GAP, "year", "region", "field_code");
    check("sector_region_summary", GoldSchemas.SECTOR_REGION_SUMMARY, "year", "region", "sector");
  }

  private void check(String table, StructType schema, String... key) {
    Dataset<Row> t = published(table);
    assertEquals(columns(schema), columns(t.schema()), table + " columns and types");
    long rows = t.count();
    assertEquals(rows, t.select(key[0], Arrays.copyOfRange(key, 1, key.length)).distinct().count(), table + " key unique");
    assertEquals(rows, summary.get("tables").get(table).get("rows").asLong(), table + " rows in _summary.json");
    assertTrue(rows > 0, table + " not empty");
  }

  @Test
  void demandAndSupplyTotalsFollowFromTheGeneratorsInputs() {
    Row demand = published("occupation_region_gap").selectExpr("sum(vacancies)", "sum(vacancy_ads)", "sum(positions)",
        "sum(graduate_supply)", "count(distinct region)").first();
    // Every unique vacancy, every accepted ad and every position lands in exactly one row (UNCODED included).
    assertEquals(truth.uniqueVacancies(), demand.getLong(0), "unique vacancies = generated vacancies");
    assertEquals(truth.acceptedAds(), demand.getLong(1), "ads = vacancies + planted re-posts + cross-board copies");
    assertEquals(truth.positions(), demand.getLong(2), "positions");
    // Supply: each level's graduates times its entry share, all of it placed (OTHER included).
    Map<String, Double> share = SkillgapConfig.load(null, Map.of()).graduates().entryShare();
    double expectedSupply = truth.acceptedGraduatesByLevel().entrySet().stream().mapToDouble(e -> e.getValue() * share.get(e.getKey())).sum();
    assertEquals(expectedSupply, demand.getDouble(3), 1e-6, "graduate supply");
    assertEquals(20L, demand.getLong(4), "all 20 regions have rows");
    long graduates = published("program_gap").selectExpr("sum(graduates)").first().getLong(0);
    assertEquals(truth.acceptedGraduatesByLevel().values().stream().mapToLong(Long::longValue).sum(), graduates, "graduates");
    Row sectors = published("sector_region_summary").selectExpr("sum(positions)", "sum(positions_by_activity)").first();
    assertEquals(truth.positions(), sectors.getLong(0), "sector summary positions reconcile");
    assertEquals(truth.positions(), sectors.getLong(1), "positions by activity reconcile");
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
