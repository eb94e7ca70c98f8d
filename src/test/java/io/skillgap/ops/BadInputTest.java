package io.skillgap.ops;

import io.skillgap.run.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillgap.Pipeline;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A night of bad input, one file per kind of fault, generated here. Row faults reach quarantine with
 * their reason and original text, file faults stop only their file with the line and column named, the
 * rest loads; so many rows are bad that the night ends with exit code 6, after writing everything.
 * The same night checks personal data, the manifest and the quality results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  static final String HEADER = "vacancy_id,source,posted_date,closed_date,title,occupation_code,region,employer_id,sector_code,"
      + "salary_min,salary_max,currency,salary_period,education_level,positions";
  static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";
  static final String PHONE = "(\\+7|\\b8)[\\s\\-().]*\\d{3}[\\s\\-().]*\\d{3}[\\s\\-.]*\\d{2}[\\s\\-.]*\\d{2}";

  Path root;
  int exitCode;
  JsonNode summary;
  SparkSession spark;

  static String ad(String id, String title, String region, String occupation, String salaryMin, String salaryMax, String posted) {
    return String.join(",", id, "hh", posted, "", title, occupation, region, "", "62", salaryMin, salaryMax, "KZT", "month", "", "1");
  }

  static String good(String id, String title) {
    return ad(id, title, "KZ-75", "2512", "400000", "500000", "2025-03-01");
  }

  @BeforeAll
  void runTheNight() throws IOException {
    root = Files.createTempDirectory(Path.of("target"), "bad");
    Path v = Files.createDirectories(root.resolve("landing/vacancies"));
    StringBuilder goodRows = new StringBuilder(HEADER + "\n");
    goodRows.append(good("g1", "\"Бағдарламашы (Java), тел. +7 701 555 12 34\"")).append('\n');
    goodRows.append(good("g2", "\"Инженер-программист, резюме на jobs@firma.kz\"")).append('\n');
    for (int i = 3; i <= 10; i++) {
      goodRows.append(good("g" + i, "Разработчик " + i)).append('\n');
    }
    write(v.resolve("good.csv"), goodRows.toString(), StandardCharsets.UTF_8);
    write(v.resolve("bom_semicolon.csv"), "\uFEFF" + HEADER.replace(',', ';') + "\n"
        + String.join("\n", List.of(good("s1", "Мұғалім").replace(',', ';'), good("s2", "Учитель").replace(',', ';'),
            good("s3", "Teacher").replace(',', ';'))) + "\n", StandardCharsets.UTF_8);
    write(v.resolve("cp1251.csv"), HEADER + "\n" + good("w1", "Геолог") + "\n" + good("w2", "Горный инженер") + "\n",
        Charset.forName("windows-1251"));
    write(v.resolve("malformed.csv"), HEADER + "\n" + good("m1", "ok") + "\nm2,hh,2025-03-01\n" + good("m3", "x") + ",extra,fields\n",
        StandardCharsets.UTF_8);
    write(v.resolve("types.csv"), HEADER + "\n" + ad("t1", "a", "KZ-75", "2512", "abc", "", "2025-03-01") + "\n"
        + ad("t2", "b", "KZ-75", "2512", "1", "", "2025-02-30") + "\n"
        + good("t3", "c").replace(",1", ",x").replace("month,,x", "month,,x") + "\n", StandardCharsets.UTF_8);
    write(v.resolve("empty.csv"), "", StandardCharsets.UTF_8);
    write(v.resolve("header_only.csv"), HEADER + "\n", StandardCharsets.UTF_8);
    write(v.resolve("missing_column.csv"), HEADER.replace(",region", "") + "\nx,hh,2025-03-01,,t,2512,,62,1,1,KZT,month,,1\n",
        StandardCharsets.UTF_8);
    write(v.resolve("extra_column.csv"), HEADER + ",contact_phone\n" + good("e1", "Сварщик") + ",+7 701 000 00 00\n", StandardCharsets.UTF_8);
    write(v.resolve("values.csv"), HEADER + "\n" + String.join("\n", List.of(
        ad("v1", "a", "Atlantis", "2512", "400000", "", "2025-03-01"),
        ad("v2", "b", "KZ-75", "9999", "400000", "", "2025-03-01"),
        ad("v3", "c", "KZ-75", "2512", "-5", "", "2025-03-01"),
        ad("v4", "d", "KZ-75", "2512", "3", "", "2025-03-01"),
        ad("v5", "e", "KZ-75", "2512", "500000", "300000", "2025-03-01"),
        ad("v6", "f", "KZ-75", "2512", "400000", "", "2031-01-01"),
        ad("v7", "g", "KZ-75", "2512", "400000", "", "1999-01-01"))) + "\n", StandardCharsets.UTF_8);
    write(v.resolve("dup_ids.csv"), HEADER + "\n" + good("d1", "Аналитик") + "\n"
        + good("d1", "Аналитик").replace("2025-03-01", "2025-03-20") + "\n" + good("d1", "Совсем другое") + "\n", StandardCharsets.UTF_8);
    write(v.resolve("notes.txt"), "not data\n", StandardCharsets.UTF_8);
    write(v.resolve("broken.jsonl"), "{\"vacancy_id\": \"j1\", \"source\": \"other\", \"posted_date\": \"2025-03-01\", \"title\": \"QA\","
        + " \"region\": \"KZ-75\"}\n{\"vacancy_id\": \"j2\", \n", StandardCharsets.UTF_8);
    write(Files.createDirectories(root.resolve("landing/wages")).resolve("wages.csv"),
        "year,region,occupation_code,avg_monthly_wage,employees\n2025,KZ-75,2,500000,\n2025,KZ-75,2512,700000,\n", StandardCharsets.UTF_8);
    write(Files.createDirectories(root.resolve("landing/graduates")).resolve("graduates.csv"),
        "year,region,field_code,level,graduates\n2025,KZ-75,6B06101,bachelor,30\n", StandardCharsets.UTF_8);

    exitCode = Ops.cli("run", "--date", "2026-12-01", "--landing", root.resolve("landing").toString(),
        "--warehouse", root.resolve("warehouse").toString(), "--publish", root.resolve("publish").toString());
    summary = new ObjectMapper().readTree(root.resolve("publish/_summary.json").toFile());
    spark = Ops.session();
  }

  @AfterAll
  void stop() {
    spark.stop();
  }

  private static void write(Path p, String text, Charset charset) throws IOException {
    Files.write(p, text.getBytes(charset));
  }

  @Test
  void rowFaultsReachQuarantineWithTheirReasonAndFileFaultsNameTheLine() {
    // Too many bad rows for run.max-quarantine-share (25%): exit code 6, after everything was written.
    assertEquals(ExitCode.QUARANTINE_THRESHOLD.code(), exitCode, "exit code");
    JsonNode vac = summary.get("sources").get("vacancies");
    Map<String, Long> reasons = new TreeMap<>();
    vac.get("quarantine_by_reason").fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
    // malformed.csv: 3 fields for 15 and 18 for 15; broken.jsonl: the cut line; types.csv: 3; values.csv: 7;
    // dup_ids.csv: the third d1 differs from the first (the second is a re-post: same content).
    assertEquals(new TreeMap<>(Map.of("MALFORMED_ROW", 3L, "BAD_SALARY", 1L, "BAD_POSTED_DATE", 1L, "BAD_POSITIONS", 1L,
        "UNKNOWN_REGION", 1L, "UNKNOWN_OCCUPATION_CODE", 1L, "NEGATIVE_SALARY", 1L, "ABSURD_SALARY", 1L, "SALARY_MIN_GT_MAX", 1L,
        "POSTED_DATE_OUT_OF_RANGE", 2L)), withoutConflicts(reasons), "quarantine reasons");
    assertEquals(1L, reasons.get("DUPLICATE_ID_CONFLICT"), "conflicting duplicate id");
    // good 10 + bom 3 + cp1251 2 + malformed 1 + extra column 1 + dup 2 + json 1 = 20 accepted; 14 quarantined.
    assertEquals(20, vac.get("accepted").asLong(), "accepted");
    assertEquals(34, vac.get("read").asLong(), "read");
    Map<String, String> rejected = new TreeMap<>();
    vac.get("rejected_files").forEach(f -> rejected.put(Path.of(f.get("file").asText()).getFileName() + " " + f.get("reason").asText(),
        f.get("detail").asText()));
    assertEquals(List.of("empty.csv EMPTY_FILE", "missing_column.csv MISSING_COLUMN", "notes.txt UNSUPPORTED_FORMAT"),
        List.copyOf(rejected.keySet()), "rejected files");
    assertTrue(rejected.get("missing_column.csv MISSING_COLUMN").contains("line 1: required column(s) missing: [region]"),
        rejected.toString());
    String warnings = vac.get("warnings").toString();
    assertTrue(warnings.contains("cp1251.csv: 2 line(s) not valid UTF-8: the file is read as windows-1251"), warnings);
    assertTrue(warnings.contains("extra_column.csv: column 'contact_phone' is not part of vacancies and is ignored"), warnings);
    // Everything was written although the night failed the threshold.
    assertTrue(Files.exists(root.resolve("publish/occupation_region_gap")), "published");
    Dataset<Row> titles = Ops.delta(spark, root.resolve("warehouse"), "silver/vacancies").select("title");
    assertTrue(titles.where("title in ('Мұғалім', 'Геолог', 'Горный инженер')").count() == 3, "Kazakh, and Windows-1251 Russian, read right");
    Row raw = Ops.delta(spark, root.resolve("warehouse"), "quarantine").where("reason = 'UNKNOWN_REGION'").select("raw_record", "source_file").first();
    assertTrue(raw.getString(0).contains("\"region\":\"Atlantis\"") && raw.getString(1).equals("vacancies/values.csv"), raw.toString());
  }

  private static Map<String, Long> withoutConflicts(Map<String, Long> reasons) {
    Map<String, Long> m = new TreeMap<>(reasons);
    m.remove("DUPLICATE_ID_CONFLICT");
    return m;
  }

  @Test
  void noPhoneOrEmailBeyondBronze() throws IOException {
    long checked = 0;
    for (String t : List.of("quarantine", "silver/vacancy_ads", "silver/vacancies", "silver/wages", "silver/graduates",
        "silver/graduate_supply", "gold/occupation_region_gap", "gold/program_gap", "gold/shortage_ranking",
        "gold/skill_demand", "gold/program_skill_profile")) {
      checked += assertNoContacts(t, Ops.delta(spark, root.resolve("warehouse"), t));
    }
    for (String t : Ops.PUBLISHED) {
      checked += assertNoContacts("published " + t, spark.read().parquet(root.resolve("publish").resolve(t).toString()));
    }
    assertTrue(checked > 50, "string values scanned: " + checked);
    // Bronze keeps the raw text (restricted), which is how we know the masking had something to mask.
    assertTrue(Ops.delta(spark, root.resolve("warehouse"), "bronze/vacancies").where(org.apache.spark.sql.functions.col("title").rlike(PHONE))
        .count() > 0, "raw phone in bronze");
  }

  /** One job per table: per string column, the values that look like a contact, and the values scanned. */
  private long assertNoContacts(String table, Dataset<Row> d) {
    List<String> names = new java.util.ArrayList<>();
    List<org.apache.spark.sql.Column> aggs = new java.util.ArrayList<>();
    for (StructField f : d.schema().fields()) {
      if (f.dataType().equals(DataTypes.StringType)) {
        org.apache.spark.sql.Column c = org.apache.spark.sql.functions.col(f.name());
        names.add(f.name());
        aggs.add(org.apache.spark.sql.functions.count_if(c.rlike(EMAIL).or(c.rlike(PHONE))));
        aggs.add(org.apache.spark.sql.functions.count(c));
      }
    }
    if (aggs.isEmpty()) {
      return 0;
    }
    Row r = d.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(org.apache.spark.sql.Column[]::new)).first();
    long n = 0;
    for (int i = 0; i < names.size(); i++) {
      assertEquals(0L, r.getLong(2 * i), table + "." + names.get(i));
      n += r.getLong(2 * i + 1);
    }
    return n;
  }

  @Test
  void theManifestAndTheQualityResultsRecordTheNight() throws IOException {
    Row m = Ops.delta(spark, root.resolve("warehouse"), "run_manifest").first();
    assertEquals("quarantine_threshold", m.getAs("status"), "status");
    assertEquals(6, (int) m.getAs("exit_code"), "exit code");
    assertEquals(12, m.getList(m.fieldIndex("input_files")).size(), "input files: 10 loaded vacancy files (header_only.csv too), wages, graduates");
    assertTrue(m.getJavaMap(m.fieldIndex("quarantined_by_reason")).get("MALFORMED_ROW").equals(3L), m.toString());
    assertTrue(((String) m.getAs("config_hash")).matches("[0-9a-f]{64}"), "configuration hash");
    try (Stream<Path> runs = Files.list(root.resolve("warehouse/_runs"))) {
      // Hadoop's local file system may leave ".name.crc" checksum files beside the manifest.
      Path manifest = runs.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
          .findFirst().orElseThrow();
      JsonNode json = new ObjectMapper().readTree(manifest.toFile());
      assertEquals("quarantine_threshold", json.get("status").asText(), "JSON manifest");
      assertTrue(json.get("seconds_per_stage").has("gap"), json.toString());
    }
    List<Row> quality = Ops.delta(spark, root.resolve("warehouse"), "quality_results").collectAsList();
    assertEquals(14, quality.size(), "one result per rule (QualityRules.all: 14)");
    assertTrue(quality.stream().filter(r -> r.getAs("severity").equals("ERROR")).allMatch(r -> (boolean) r.getAs("passed")), quality.toString());
  }
}
