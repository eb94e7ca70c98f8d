package io.skillgap.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.skillgap.sample.SampleGenerator.Truth;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path tmp) throws IOException {
    new SampleGenerator(7, 2000, 2022, 3).write(tmp.resolve("a"));
    new SampleGenerator(7, 2000, 2022, 3).write(tmp.resolve("b"));
    new SampleGenerator(8, 2000, 2022, 3).write(tmp.resolve("c"));
    assertEquals(contents(tmp.resolve("a")), contents(tmp.resolve("b")), "same seed");
    assertNotEquals(contents(tmp.resolve("a")), contents(tmp.resolve("c")), "another seed");
  }

  @Test
  void theTruthFileMatchesWhatIsInTheFiles(@TempDir Path tmp) throws IOException {
    Truth t = new SampleGenerator(3, 1608, 2023, 2).write(tmp);
    assertEquals(t, SampleGenerator.readTruth(tmp), "truth file round trip");
    // Counted independently of the generator: CSV records (comma or semicolon) and JSON lines.
    long vacancyRows = 0;
    for (Path p : files(tmp.resolve("vacancies"))) {
      vacancyRows += p.toString().endsWith(".jsonl") ? Files.readAllLines(p).size() : csvRecords(p, p.toString().contains("enbek") ? ';' : ',');
    }
    assertEquals(t.vacancyRows(), vacancyRows, "vacancy rows");
    assertEquals(t.graduateRows(), files(tmp.resolve("graduates")).stream().mapToLong(p -> csvRecords(p, ',')).sum(), "graduate rows");
    assertEquals(t.wageRows(), files(tmp.resolve("wages")).stream().mapToLong(p -> csvRecords(p, ',')).sum(), "wage rows");
    assertEquals(t.hhRows(), Files.readAllLines(tmp.resolve("hh/sample_hh_2024.jsonl")).size(), "hh lines");
    // 1608 / 200 < 20, so 20 good hh vacancies, one abroad, three planted defects.
    assertEquals(24, t.hhRows(), "hh rows");
    assertEquals(t.statWageRows(), csvRecords(tmp.resolve("stat_wages/sample_stat_wages_2022.csv"), ','), "stat rows");
    // The country and the 20 regions of 2022 (all existed), one retired name, one unknown.
    assertEquals(23, t.statWageRows(), "stat rows: 1 + 20 + 2");
    try (Reader r = Files.newBufferedReader(tmp.resolve("enbek/sample_enbek_2024.csv"), java.nio.charset.Charset.forName("windows-1251"));
         CSVParser p = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      assertEquals(t.enbekRows(), p.stream().count(), "Enbek rows, read as Windows-1251");
    }
    long bad = t.vacancyBad().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(t.vacancyRows(), t.acceptedAds() + bad, "every vacancy row is either good or planted bad");
    assertEquals(t.acceptedAds(), t.uniqueVacancies() + t.exactReposts() + t.crossSourceCopies(), "ads = unique + planted duplicates");
    assertEquals(1608, t.uniqueVacancies(), "unique vacancies as asked");
    // 1.5% bad rows, one kind after another: 1608 / 67 = 24 bad rows over 12 kinds = 2 each.
    assertEquals(Map.of(), Map.copyOf(new TreeMap<>(t.vacancyBad())).entrySet().stream()
        .filter(e -> e.getValue() != 2L).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        "two of each bad kind");
  }

  @Test
  void aNightsIncrementAddsNewFilesOfVacanciesPostedThatDayAndTouchesNothingElse(@TempDir Path tmp) throws IOException {
    new SampleGenerator(3, 300, 2023, 2).write(tmp);
    Map<String, String> before = contents(tmp);
    java.time.LocalDate night = java.time.LocalDate.of(2026, 12, 1);
    SampleGenerator.Night n = new SampleGenerator(4, 670, 2026, 1).writeNight(tmp, night);

    Map<String, String> after = contents(tmp);
    List<String> added = after.keySet().stream().filter(k -> !before.containsKey(k)).sorted().toList();
    assertEquals(List.of("vacancies/sample_night_2026-12-01_enbek_2026.csv", "vacancies/sample_night_2026-12-01_hh_2026.csv",
        "vacancies/sample_night_2026-12-01_other_2026.jsonl"), added, "new files only");
    before.forEach((k, v) -> assertEquals(v, after.get(k), "unchanged: " + k));
    // 670 vacancies, a bad row after every 67th: 10 bad rows.
    assertEquals(670, n.unique(), "new vacancies");
    assertEquals(10, n.bad(), "planted bad rows");
    long rows = 0;
    long onTheNight = 0;
    for (String f : added) {
      Path p = tmp.resolve(f);
      rows += f.endsWith(".jsonl") ? Files.readAllLines(p).size() : csvRecords(p, f.contains("enbek") ? ';' : ',');
      onTheNight += Files.readAllLines(p).stream().filter(l -> l.contains("2026-12-01")).count();
    }
    assertEquals(n.rows(), rows, "rows written, counted in the files");
    // Every row but the bad ones whose defect is the date (2 kinds of 11: 2 rows of the 10) is posted on the night.
    assertEquals(n.rows() - 2, onTheNight, "rows dated the night");
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1)); // bytes: the Enbek file is Windows-1251
      }
    }
    return out;
  }

  private static long csvRecords(Path p, char delimiter) {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
         CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      return parser.stream().count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
