package io.skillgap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillgap.conform.PersonalDataTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Column;
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
 * Two nights of files made by a hostile (or merely careless) source: runaway quotes, a gzip file, a file
 * mixing encodings, a corrupt Parquet file, a line and a header far over the limits, a symbolic link out
 * of the landing folder, a name with '+' whose file changes on the second night, personal data written
 * forty ways, and implausible values. Every row is accounted for, each fault costs its own row or file,
 * and no personal data passes bronze.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  static final String HEADER = BadInputTest.HEADER;
  static final Charset CP1251 = Charset.forName("windows-1251");
  /** A valid BIN (check digit 9: see PersonalDataTest) used as an employer id. */
  static final String BIN = "040340004119";

  Path root;
  int night1;
  int night2;
  JsonNode summary1;
  SparkSession spark;

  static String good(String id, String title) {
    return BadInputTest.good(id, title);
  }

  @BeforeAll
  void runTwoNights() throws IOException {
    root = Files.createTempDirectory(Path.of("target"), "hostile");
    Path v = Files.createDirectories(root.resolve("landing/vacancies"));
    StringBuilder runaway = new StringBuilder(HEADER + "\n");
    for (int i = 1; i <= 50; i++) {
      runaway.append(good("r" + i, i == 10 ? "\"Инженер, смена 2/2" : "Инженер " + i)).append('\n');
    }
    Files.writeString(v.resolve("runaway.csv"), runaway);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write((HEADER + "\n" + good("z1", "Бағдарламашы") + "\n" + good("z2", "Геолог") + "\n" + good("z3", "Маркшейдер") + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    Files.write(v.resolve("packed.csv.gz"), gz.toByteArray());
    ByteArrayOutputStream mixed = new ByteArrayOutputStream();
    mixed.write((HEADER + "\n" + good("x1", "Сварщик") + "\n" + good("x2", "Электрик") + "\n").getBytes(StandardCharsets.UTF_8));
    mixed.write((good("x3", "Горный инженер") + "\n").getBytes(CP1251));
    mixed.write((good("x4", "Бурильщик") + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(v.resolve("mixed.csv"), mixed.toByteArray());
    Files.write(v.resolve("corrupt.parquet"), "PAR1 not really parquet PAR1".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(v.resolve("huge.csv"), HEADER + "\n" + good("h1", "x".repeat(1 << 20)) + "\n" + good("h2", "Технолог") + "\n");
    Files.writeString(v.resolve("bigheader.csv"), HEADER + ",".repeat(300_000) + "\n" + good("b1", "x") + "\n");
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("secret.csv"), HEADER + "\n" + good("s1", "Секрет") + "\n");
    Files.createSymbolicLink(v.resolve("link.csv"), outside.resolve("secret.csv"));
    Files.writeString(v.resolve("a+b.csv"), HEADER + "\n" + good("p1", "Геолог") + "\n" + good("p2", "Маркшейдер") + "\n");
    StringBuilder pii = new StringBuilder(HEADER + "\n");
    int n = 0;
    for (String[] c : PersonalDataTest.CORPUS) {
      // Every second row carries a valid BIN as its employer id; the last two have a bad date: quarantined.
      String title = "\"Оператор " + c[0].replace("\"", "\"\"") + "\"";
      String row = good("pii" + (++n), title);
      if (n % 2 == 0) {
        row = row.replace(",KZ-75,,62,", ",KZ-75," + BIN + ",62,");
      }
      if (n > PersonalDataTest.CORPUS.size() - 2) {
        row = row.replace("2025-03-01", "2025-02-31");
      }
      pii.append(row).append('\n');
    }
    Files.writeString(v.resolve("pii.csv"), pii);
    Files.writeString(v.resolve("implausible.csv"), HEADER + "\n"
        + good("c1", "Геофизик").replace("2025-03-01,,", "2025-03-01,9999-12-31,") + "\n");
    Path e = Files.createDirectories(root.resolve("landing/enbek"));
    Files.writeString(e.resolve("export.csv"), "номер_вакансии;должность;регион;дата_размещения\n"
        + "e1;Сварщик;Астана;01.03.2025\ne2;\"Электрик 5 разряда;Астана;01.03.2025\ne3;Повар;Астана;01.03.2025\n");
    Files.writeString(Files.createDirectories(root.resolve("landing/graduates")).resolve("graduates.csv"),
        "year,region,field_code,level,graduates\n2025,KZ-75,6B06101,bachelor,30\n2025,KZ-71,6B06101,bachelor,1000000000\n");
    Files.writeString(Files.createDirectories(root.resolve("landing/wages")).resolve("wages.csv"),
        "year,region,occupation_code,avg_monthly_wage,employees\n2025,KZ-75,2512,700000,1200\n2025,KZ-71,2512,650000,100000000\n");

    night1 = run("2026-12-01");
    summary1 = new ObjectMapper().readTree(root.resolve("publish/_summary.json").toFile());
    // Night 2: the file named with '+' changes (p2 goes, p3 comes): its old rows must go, not linger twice.
    Files.writeString(v.resolve("a+b.csv"), HEADER + "\n" + good("p1", "Геолог") + "\n" + good("p3", "Бурильщик") + "\n");
    night2 = run("2026-12-02");
    spark = Ops.session();
  }

  int run(String date) {
    return Ops.cli("run", "--date", date, "--landing", root.resolve("landing").toString(), "--warehouse", root.resolve("warehouse").toString(),
        "--publish", root.resolve("publish").toString(), "--set", "ingest.max-record-bytes=256k");
  }

  @AfterAll
  void stop() {
    spark.stop();
  }

  Dataset<Row> delta(String table) {
    return Ops.delta(spark, root.resolve("warehouse"), table);
  }

  static Map<String, Long> reasons(JsonNode source) {
    Map<String, Long> m = new TreeMap<>();
    source.get("quarantine_by_reason").fields().forEachRemaining(x -> m.put(x.getKey(), x.getValue().asLong()));
    return m;
  }

  @Test
  void everyRecordIsCountedAndEachFaultCostsOnlyItsRowOrFile() {
    assertEquals(0, night1, "night 1 exit code");
    assertEquals(0, night2, "night 2 exit code");
    JsonNode vac = summary1.get("sources").get("vacancies");
    // Records read: runaway 50, packed 3, mixed 4, huge 2, a+b 2, pii 42, implausible 1 = 104.
    assertEquals(104, vac.get("read").asLong(), "vacancy records read");
    assertEquals(vac.get("read").asLong(), vac.get("accepted").asLong() + vac.get("quarantined").asLong(), "read = accepted + quarantined");
    assertEquals(new TreeMap<>(Map.of("UNBALANCED_QUOTE", 1L, "BAD_ENCODING", 1L, "OVERSIZE_ROW", 1L, "BAD_POSTED_DATE", 2L,
        "CLOSED_DATE_OUT_OF_RANGE", 1L)), reasons(vac), "vacancy faults");
    JsonNode enbek = summary1.get("sources").get("enbek");
    assertEquals(3, enbek.get("read").asLong(), "enbek records: the open quote did not swallow the next line");
    assertEquals(Map.of("UNBALANCED_QUOTE", 1L), reasons(enbek), "enbek faults");
    assertEquals(Map.of("IMPLAUSIBLE_COUNT", 1L), reasons(summary1.get("sources").get("graduates")), "a billion graduates");
    assertEquals(Map.of("IMPLAUSIBLE_COUNT", 1L), reasons(summary1.get("sources").get("wages")), "a hundred million employees");

    Map<String, String> rejected = new TreeMap<>();
    vac.get("rejected_files").forEach(f -> rejected.put(f.get("file").asText() + " " + f.get("reason").asText(), f.get("detail").asText()));
    assertEquals(List.of("vacancies/bigheader.csv BAD_HEADER", "vacancies/corrupt.parquet CORRUPT_FILE", "vacancies/link.csv SYMLINK"),
        List.copyOf(rejected.keySet()), "files rejected by name, the night going on");
    rejected.values().forEach(d -> assertTrue(d.length() < 400, "a bounded detail: " + d.length()));

    // Where each bad row is: the line of its file.
    assertEquals(List.of("runaway.csv 11 UNBALANCED_QUOTE", "huge.csv 2 OVERSIZE_ROW", "mixed.csv 4 BAD_ENCODING"),
        delta("quarantine").where(col("reason").isin("UNBALANCED_QUOTE", "BAD_ENCODING", "OVERSIZE_ROW").and(col("source").equalTo("vacancies")))
            .orderBy(col("reason").desc()).collectAsList().stream()
            .map(r -> r.getString(r.fieldIndex("source_file")).replace("vacancies/", "") + " " + r.getLong(r.fieldIndex("line")) + " "
                + r.getString(r.fieldIndex("reason"))).toList(), "quarantine lines");
    assertTrue(delta("quarantine").where(col("reason").equalTo("OVERSIZE_ROW")).first().<String>getAs("raw_record").length() < 5000,
        "the oversize row is kept cut");
  }

  @Test
  void goodRowsAreReadRightWhateverTheirNeighbours() {
    List<String> titles = delta("silver/vacancy_ads").where(col("vacancy_id").isin("z1", "z2", "z3", "x1", "x2", "x4", "r11", "e3"))
        .orderBy("vacancy_id").select("title").collectAsList().stream().map(r -> r.getString(0)).toList();
    assertEquals(List.of("Повар", "Инженер 11", "Сварщик", "Электрик", "Бурильщик", "Бағдарламашы", "Геолог", "Маркшейдер"), titles,
        "titles of gzip, mixed-encoding, runaway and enbek neighbours");
  }

  @Test
  void aChangedFileWithAPlusInItsNameReplacesItsRows() {
    List<String> ids = delta("silver/vacancy_ads").where(col("_source_file").equalTo("vacancies/a+b.csv"))
        .orderBy("vacancy_id").select("vacancy_id").collectAsList().stream().map(r -> r.getString(0)).toList();
    assertEquals(List.of("p1", "p3"), ids, "the second version's rows only: nothing stale, nothing doubled");
  }

  @Test
  void noPersonalDataPassesBronze() throws IOException {
    // The contact strings of the corpus, as they were written, and the BIN.
    List<String> needles = new ArrayList<>(List.of(BIN, "5551234", "555 12 34", "555-12-34", "55-66-77", "7946 0958", "firma.kz",
        "почта.рф", "компания.қаз", "mail.co.uk", "hr_astana", "hr_manager_kz", "900101300017", "4400 4301"));
    StringBuilder regex = new StringBuilder();
    for (String s : needles) {
      regex.append(regex.length() == 0 ? "" : "|").append(java.util.regex.Pattern.quote(s));
    }
    long scanned = 0;
    for (String t : List.of("quarantine", "silver/vacancy_ads", "silver/vacancies", "silver/wages", "silver/graduates",
        "gold/occupation_region_gap", "gold/program_gap", "gold/sector_region_summary", "gold/shortage_ranking",
        "gold/skill_demand", "gold/program_skill_profile")) {
      scanned += assertNone(t, delta(t), regex.toString());
    }
    for (String t : Ops.PUBLISHED) {
      scanned += assertNone("published " + t, spark.read().parquet(root.resolve("publish").resolve(t).toString()), regex.toString());
    }
    assertTrue(scanned > 500, "values scanned: " + scanned);
    assertTrue(!Files.readString(root.resolve("publish/_summary.json")).matches("(?s).*(" + regex + ").*"), "summary");
    // Bronze keeps the raw text (restricted): the masking had something to mask.
    assertTrue(delta("bronze/vacancies").where(col("title").rlike(regex.toString())).count() >= 20, "raw contacts in bronze");
    // Quarantined rows keep their text masked, and the employer only as its pseudonym.
    Row q = delta("quarantine").where(col("reason").equalTo("BAD_POSTED_DATE")).orderBy(col("line").desc()).first(); // pii42: with the BIN
    assertTrue(q.<String>getAs("raw_record").contains("[") && q.<String>getAs("raw_record").contains("employer_id"), q.toString());
  }

  private long assertNone(String table, Dataset<Row> d, String regex) {
    List<Column> aggs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (StructField f : d.schema().fields()) {
      if (f.dataType().equals(DataTypes.StringType)) {
        names.add(f.name());
        aggs.add(org.apache.spark.sql.functions.count_if(col(f.name()).rlike(regex)));
        aggs.add(org.apache.spark.sql.functions.count(col(f.name())));
      }
    }
    if (aggs.isEmpty()) {
      return 0;
    }
    Row r = d.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    long scanned = 0;
    for (int i = 0; i < names.size(); i++) {
      assertEquals(0L, r.getLong(2 * i), table + "." + names.get(i) + " holds personal data");
      scanned += r.getLong(2 * i + 1);
    }
    return scanned;
  }

  @Test
  void oversizeTextStaysOutOfSummariesAndLogs() throws IOException {
    assertTrue(Files.size(root.resolve("publish/_summary.json")) < 200_000, "summary size " + Files.size(root.resolve("publish/_summary.json")));
    try (var batches = Files.list(root.resolve("warehouse/_batches"))) {
      for (Path b : batches.filter(p -> p.toString().endsWith(".json")).toList()) {
        assertTrue(Files.size(b) < 200_000, b + " size " + Files.size(b));
      }
    }
  }
}
