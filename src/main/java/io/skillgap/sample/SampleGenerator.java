package io.skillgap.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skillgap.sample.SampleCatalog.Occupation;
import io.skillgap.sample.SampleCatalog.Region;
import io.skillgap.sample.SampleCatalog.Tilt;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Realistic landing data for trying and testing the pipeline, deterministic for a seed: vacancies from
 * three boards over several years (CSV with different column orders and delimiters, and JSON Lines),
 * official wages and graduate counts, with known duplicates and one known defect in each bad row.
 * What it planted is written to {@code _generator.json} so that tests can check the pipeline's counts
 * against it. Rows are streamed to the files; memory does not grow with the number of vacancies.
 */
public final class SampleGenerator {
  /** Every bad-vacancy kind planted, named by the reason code the pipeline should give it. */
  static final List<String> BAD_VACANCY_KINDS = List.of("MALFORMED_ROW", "MISSING_VACANCY_ID", "BAD_POSTED_DATE",
      "POSTED_DATE_OUT_OF_RANGE", "UNKNOWN_REGION", "UNKNOWN_OCCUPATION_CODE", "NEGATIVE_SALARY", "SALARY_MIN_GT_MAX",
      "ABSURD_SALARY", "UNKNOWN_CURRENCY", "BAD_POSITIONS", "BAD_SKILLS");
  static final List<String> BAD_GRADUATE_KINDS = List.of("BAD_YEAR", "UNKNOWN_REGION", "BAD_FIELD_CODE", "UNKNOWN_LEVEL",
      "LEVEL_MISMATCH", "BAD_COUNT");
  static final List<String> BAD_WAGE_KINDS = List.of("UNKNOWN_REGION", "UNKNOWN_OCCUPATION_CODE", "BAD_WAGE", "DUPLICATE_KEY");
  static final String[] SOURCES = {"hh", "enbek", "other"};

  /** What was written: the numbers the pipeline must reproduce. */
  public record Truth(long seed, int firstYear, int years, long vacancyRows, long uniqueVacancies, long acceptedAds,
      long positions, long exactReposts, long crossSourceCopies, Map<String, Long> vacancyBad, long graduateRows,
      Map<String, Long> acceptedGraduatesByLevel, Map<String, Long> graduateBad, long wageRows, Map<String, Long> wageBad,
      long hhRows, long hhAccepted, long hhAbroad, Map<String, Long> hhBad, long enbekRows, long enbekAccepted, long enbekPositions,
      Map<String, Long> enbekBad, long statWageRows, Map<String, Long> statWageBad) {}

  private final long seed;
  private final int vacancies;
  private final int firstYear;
  private final int years;
  private final SplittableRandom random;

  public SampleGenerator(long seed, int vacancies, int firstYear, int years) {
    this.seed = seed;
    this.vacancies = vacancies;
    this.firstYear = firstYear;
    this.years = years;
    this.random = new SplittableRandom(seed);
  }

  /** Writes the landing folders under {@code landing} (replacing earlier sample files) and the truth file. */
  public Truth write(Path landing) throws IOException {
    for (String folder : List.of("vacancies", "wages", "graduates", "hh", "enbek", "stat_wages")) {
      Path dir = landing.resolve(folder);
      Files.createDirectories(dir);
      try (var old = Files.list(dir)) {
        for (Path p : old.filter(p -> p.getFileName().toString().startsWith("sample_")).toList()) {
          Files.delete(p);
        }
      }
    }
    VacancyWriter v = new VacancyWriter(random, landing.resolve("vacancies"), firstYear, years);
    try (v) {
      v.writeAll(vacancies);
    }
    GraduateWriter g = new GraduateWriter(random, firstYear, years, vacancies);
    g.write(landing.resolve("graduates"));
    WageWriter w = new WageWriter(random, firstYear, years);
    w.write(landing.resolve("wages"));
    // The real formats: hh and Enbek in the last year, the official table for the year before the first.
    RealFormatWriter real = new RealFormatWriter(random);
    real.writeHh(landing.resolve("hh"), firstYear + years - 1, vacancies);
    real.writeEnbek(landing.resolve("enbek"), firstYear + years - 1, vacancies);
    real.writeStatWages(landing.resolve("stat_wages"), firstYear - 1);
    Truth truth = new Truth(seed, firstYear, years, v.rows, v.unique, v.acceptedAds, v.positions, v.reposts, v.copies,
        v.bad, g.rows, g.acceptedByLevel, g.bad, w.rows, w.bad, real.hhRows, real.hhAccepted, real.hhAbroad, real.hhBad,
        real.enbekRows, real.enbekAccepted, real.enbekPositions, real.enbekBad, real.statRows, real.statBad);
    Files.writeString(landing.resolve("_generator.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(truth), StandardCharsets.UTF_8);
    return truth;
  }

  /** What a night's increment wrote: ad rows, of them unique new vacancies, and planted bad rows. */
  public record Night(LocalDate date, long rows, long unique, long bad) {}

  /**
   * One night's increment on top of an earlier sample: {@code vacancies} new vacancies posted on {@code night}
   * (with the usual share of re-posts, copies and bad rows) in new files under {@code landing/vacancies};
   * nothing else is touched, so a run on that date loads only these files.
   */
  public Night writeNight(Path landing, LocalDate night) throws IOException {
    Path dir = landing.resolve("vacancies");
    Files.createDirectories(dir);
    VacancyWriter v = VacancyWriter.night(random, dir, night);
    try (v) {
      v.writeAll(vacancies);
    }
    return new Night(night, v.rows, v.unique, v.bad.values().stream().mapToLong(Long::longValue).sum());
  }

  /** Reads a truth file back (tests). */
  public static Truth readTruth(Path landing) throws IOException {
    return new ObjectMapper().readValue(landing.resolve("_generator.json").toFile(), Truth.class);
  }

  // ---- shared drawing helpers ----

  static int pick(SplittableRandom r, double[] cumulative) {
    double x = r.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (x < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i];
      c[i] = s;
    }
    return c;
  }

  static <T> T any(SplittableRandom r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  static Writer open(Path file, boolean bom) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    if (bom) {
      w.write('\uFEFF');
    }
    return w;
  }

  static void count(Map<String, Long> counts, String key) {
    counts.merge(key, 1L, Long::sum);
  }

  static Map<String, Long> zeroCounts(List<String> kinds) {
    Map<String, Long> m = new TreeMap<>();
    kinds.forEach(k -> m.put(k, 0L));
    return m;
  }

  /** The probability weight of an occupation in a region: its national weight, tilted by the region's strength. */
  static double tiltedWeight(Occupation o, Region r, int yearIndex) {
    double w = o.weight() * Math.pow(o.growth(), yearIndex);
    if (o.tilt() == Tilt.NONE) {
      return w;
    }
    if (o.tilt() == r.strength()) {
      return w * 2.5;
    }
    return o.tilt() == Tilt.ICT ? w * 0.5 : w * 0.4;
  }

  static LocalDate dayOfYear(SplittableRandom r, int year) {
    LocalDate start = LocalDate.of(year, 1, 1);
    return start.plusDays(r.nextInt(start.lengthOfYear()));
  }

  static Map<String, Long> levelMap() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String l : List.of("tvet", "bachelor", "master", "doctorate")) {
      m.put(l, 0L);
    }
    return m;
  }
}
