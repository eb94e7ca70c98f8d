package io.skillgap.ops;

import io.skillgap.Publications;
import io.skillgap.sample.SampleGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The operations tests' shared night, made once per {@code mvn test} like the sample night
 * ({@link Publications#shared}): two nights' drop folders and the first of them run. NightsTest goes on
 * from a copy of it; CrashAndLockTest kills a run of the same night and compares its restart with it,
 * where it used to run a reference night of its own.
 *
 * <p>The drop folders come from 300 generated vacancies (seed 5, 2023 to 2025): the first night brings
 * the vacancies of every year and the wages and graduates of 2023 and 2024; the second the same vacancy
 * files, the 2025 wages and graduates, and a 2025 vacancy file whose first title is corrected.
 */
final class FirstNight {
  private FirstNight() {}

  static final String DATE = "2026-11-01";
  static final String SECOND_DATE = "2026-11-02";

  /** The fixture's root: {@code landing/<date>/} per night, and {@code out/} (warehouse, publish) of the first. */
  static synchronized Path root() {
    return Publications.shared("ops-first-night", r -> {
      prepareLanding(r);
      return Ops.cli("run", "--date", DATE, "--landing", landing(r, DATE).toString(), "--warehouse", out(r).resolve("warehouse").toString(),
          "--publish", out(r).resolve("publish").toString());
    });
  }

  static Path landing(Path root, String date) {
    return root.resolve("landing").resolve(date);
  }

  /** The outputs of the first night: a root with warehouse and publish folders, as {@link Ops#assertSameOutputs} takes. */
  static Path out(Path root) {
    return root.resolve("out");
  }

  private static void prepareLanding(Path root) {
    try {
      Path gen = root.resolve("generated");
      new SampleGenerator(5, 300, 2023, 3).write(gen);
      Path n1 = landing(root, DATE);
      Path n2 = landing(root, SECOND_DATE);
      for (Path night : List.of(n1, n2)) {
        for (String y : List.of("2023", "2024", "2025")) {
          Ops.copy(gen.resolve("vacancies/sample_hh_" + y + ".csv"), night.resolve("vacancies/hh_" + y + ".csv"));
        }
        for (String y : night == n1 ? List.of("2023", "2024") : List.of("2023", "2024", "2025")) {
          Ops.copy(gen.resolve("wages/sample_wages_" + y + ".csv"), night.resolve("wages/wages_" + y + ".csv"));
          Ops.copy(gen.resolve("graduates/sample_graduates_" + y + ".csv"), night.resolve("graduates/graduates_" + y + ".csv"));
        }
      }
      correctFirstTitle(n2.resolve("vacancies/hh_2025.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites a generated CSV with its first data row's title changed (the other rows keep their values). */
  private static void correctFirstTitle(Path file) throws IOException {
    org.apache.commons.csv.CSVFormat format = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(false)
        .setRecordSeparator("\n").get();
    List<org.apache.commons.csv.CSVRecord> records;
    List<String> header;
    try (var parser = format.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      header = parser.getHeaderNames();
      records = parser.getRecords();
    }
    try (var out = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get()
        .print(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      for (int i = 0; i < records.size(); i++) {
        List<String> values = new java.util.ArrayList<>(records.get(i).toList());
        if (i == 0) {
          values.set(header.indexOf("title"), values.get(header.indexOf("title")) + " (corrected)");
        }
        out.printRecord(values);
      }
    }
  }
}
