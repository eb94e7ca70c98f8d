package io.skillgap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.conform.Source;
import io.skillgap.SparkTestBase;
import io.skillgap.ingest.LandingReader.LandingRead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingReaderTest extends SparkTestBase {

  @Test
  void filesOfEveryFormatAndDialectLoadByHeaderNameAndBadFilesAreReported(@TempDir Path landing) throws IOException {
    Path dir = Files.createDirectories(landing.resolve("vacancies"));
    // Columns in another order, an unknown column, a comma inside quotes, a malformed line (3 fields for 6),
    // and a quoted field with a line break and doubled quotes.
    write(dir.resolve("a.csv"), "region,title,vacancy_id,source,posted_date,recruiter\n"
        + "KZ-75,\"Engineer, senior\",1,hh,2024-01-01,x\n"
        + "KZ-75,T,2\n"
        + "KZ-71,\"Line1\nsaid \"\"hi\"\"\",3,hh,2024-01-02,y\n");
    // A BOM and semicolons, as Excel exports them.
    write(dir.resolve("b.csv"), "\uFEFFvacancy_id;source;posted_date;title;region;salary_min\n4;enbek;2024-02-01;Повар;Алматы;250 000\n");
    write(dir.resolve("c.csv"), "vacancy_id,source,posted_date,title\n9,hh,2024-01-01,X\n");
    write(dir.resolve("d.csv"), "");
    write(dir.resolve("e.txt"), "hello\n");
    write(dir.resolve("_SUCCESS"), "");
    write(dir.resolve("f.jsonl"), "{\"vacancy_id\": 5, \"source\": \"other\", \"posted_date\": \"2024-03-01\", \"title\": \"X\","
        + " \"region\": \"KZ-75\", \"salary_min\": 1000, \"contacts\": {\"name\": \"A\"}}\n{broken\n");
    spark.sql("select 6 as vacancy_id, 'hh' as source, date'2024-04-01' as posted_date, 'P' as title, 'KZ-75' as region")
        .coalesce(1).write().parquet(dir.resolve("p").toString());

    LandingRead read = read(landing, Source.VACANCIES);

    assertRows("rows by file", List.of(
        values("a.csv", "1", "Engineer, senior", "KZ-75", "2024-01-01", null, null),
        values("a.csv", "3", "Line1\nsaid \"hi\"", "KZ-71", "2024-01-02", null, null),
        values("a.csv", null, null, null, null, null, "KZ-75,T,2"),
        values("b.csv", "4", "Повар", "Алматы", "2024-02-01", "250 000", null),
        values("f.jsonl", "5", "X", "KZ-75", "2024-03-01", "1000", null),
        values("f.jsonl", null, null, null, null, null, "{broken"),
        values("p", "6", "P", "KZ-75", "2024-04-01", null, null)),
        rows(read.rows(), "select case when _source_file like 'vacancies/p/%' then 'p' else regexp_extract(_source_file, '[^/]+$', 0) end,"
            + " vacancy_id, title, region, posted_date, salary_min, _corrupt_record from t order by 1, 2 nulls last"));
    assertEquals(List.of("c.csv MISSING_COLUMN", "d.csv EMPTY_FILE", "e.txt UNSUPPORTED_FORMAT"),
        read.rejected().stream().map(p -> Path.of(p.file()).getFileName() + " " + p.reason()).sorted().collect(Collectors.toList()),
        "rejected files");
    assertTrue(read.rejected().get(0).detail().contains("region"), "the missing column is named: " + read.rejected());
    assertTrue(read.warnings().stream().anyMatch(w -> w.contains("'recruiter'")), "ignored column reported: " + read.warnings());
    assertEquals(4, read.files().size(), "loaded files");
  }

  @Test
  void aMissingSourceFolderIsAWarningNotAFailure(@TempDir Path landing) {
    List<String> warnings = new java.util.ArrayList<>();
    assertEquals(List.of(), LandingFiles.list(spark.sparkContext().hadoopConfiguration(), landing.toString(), Source.WAGES, false, warnings)
        .files(), "no files");
    assertTrue(warnings.get(0).contains("no landing folder"), warnings.toString());
  }

  @Test
  void theDelimiterIsTheMostFrequentSeparatorInTheHeader() {
    assertEquals(';', FileScan.delimiterOf("a;b;c,d"), "semicolons");
    assertEquals('\t', FileScan.delimiterOf("a\tb\tc"), "tabs");
    assertEquals(',', FileScan.delimiterOf("single"), "default");
  }

  @Test
  void aWindows1251FileIsReadAsSuchAndReported(@TempDir Path landing) throws IOException {
    Path dir = Files.createDirectories(landing.resolve("graduates"));
    // Exports from government systems: Russian text in Windows-1251, semicolons.
    Files.write(dir.resolve("grads.csv"), "year;region;field_code;level;graduates\n2024;Алматинская область;0613;bachelor;12\n"
        .getBytes(java.nio.charset.Charset.forName("windows-1251")));
    LandingRead read = read(landing, Source.GRADUATES);
    assertRows("decoded", List.of(values("Алматинская область", "12")), rows(read.rows(), "select region, graduates from t"));
    assertTrue(read.warnings().stream().anyMatch(w -> w.contains("grads.csv: 1 line(s) not valid UTF-8: the file is read as windows-1251")),
        read.warnings().toString());
  }

  /** Lists and plans the landing folder as a first night would (no ingest log yet), then reads it. */
  private LandingRead read(Path landing, Source source) {
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    io.skillgap.config.SkillgapConfig.IngestSettings settings = config(java.util.Map.of()).ingest();
    List<LandingFiles.LandingFile> files = LandingFiles.list(conf, landing.toString(), source, false, new java.util.ArrayList<>()).files();
    List<IngestLog.Planned> planned = IngestLog.plan(files, java.util.Map.of(), false, fs -> LandingReader.scan(spark, source, fs, settings));
    return LandingReader.read(spark, source, planned, settings);
  }

  private static void write(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
