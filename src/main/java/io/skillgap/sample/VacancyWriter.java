package io.skillgap.sample;

import static io.skillgap.sample.SampleGenerator.any;
import static io.skillgap.sample.SampleGenerator.count;
import static io.skillgap.sample.SampleGenerator.cumulative;
import static io.skillgap.sample.SampleGenerator.pick;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillgap.sample.SampleCatalog.Occupation;
import io.skillgap.sample.SampleCatalog.Region;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Vacancy ads: hh as comma CSV in the canonical column order, enbek as semicolon CSV with a BOM and
 * another column order, other boards as JSON Lines. Each employer posts a few vacancies with distinct
 * titles, so the only duplicates are the planted ones: exact re-posts (same board and id) and copies on
 * another board (same employer, title and region within 30 days).
 */
final class VacancyWriter implements Closeable {
  static final List<String> CANONICAL = List.of("vacancy_id", "source", "posted_date", "closed_date", "title",
      "occupation_code", "region", "employer_id", "sector_code", "salary_min", "salary_max", "currency", "salary_period",
      "education_level", "positions", "skills", "requirements");
  static final List<String> ENBEK_ORDER = List.of("region", "title", "vacancy_id", "source", "employer_id", "posted_date",
      "closed_date", "positions", "salary_min", "salary_max", "salary_period", "currency", "occupation_code",
      "sector_code", "education_level", "requirements", "skills");
  static final Map<String, String> SECTION = Map.ofEntries(Map.entry("85", "P"), Map.entry("86", "Q"), Map.entry("47", "G"),
      Map.entry("62", "J"), Map.entry("61", "J"), Map.entry("63", "J"), Map.entry("26", "C"), Map.entry("95", "S"),
      Map.entry("35", "D"), Map.entry("19", "C"), Map.entry("43", "F"), Map.entry("09", "B"), Map.entry("07", "B"),
      Map.entry("06", "B"), Map.entry("24", "C"), Map.entry("69", "M"), Map.entry("49", "H"), Map.entry("56", "I"),
      Map.entry("41", "F"), Map.entry("25", "C"), Map.entry("73", "M"), Map.entry("84", "O"), Map.entry("81", "N"),
      Map.entry("80", "N"), Map.entry("01", "A"), Map.entry("45", "G"));
  private static final double BAD_SHARE = 0.015;
  /** Regions created on 8 June 2022: earlier postings carry the region they were part of. */
  static final Map<String, String> PARENT_BEFORE_2022_SPLIT = Map.of("KZ-10", "KZ-63", "KZ-33", "KZ-19", "KZ-62", "KZ-35");
  static final LocalDate SPLIT_2022 = LocalDate.of(2022, 6, 8);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SplittableRandom random;
  private final int firstYear;
  private final int years;
  /** Set for a night's increment: every posting is dated that day and none has closed yet. */
  private final LocalDate night;
  private final Map<String, CSVPrinter> csv = new LinkedHashMap<>();
  private final Map<String, Writer> jsonl = new LinkedHashMap<>();
  private final long[] nextId = new long[SampleGenerator.SOURCES.length];
  private final Map<String, Employer> employerByRegion = new LinkedHashMap<>();
  private long employerSeq;

  long rows;
  long unique;
  long acceptedAds;
  long positions;
  long reposts;
  long copies;
  final Map<String, Long> bad = SampleGenerator.zeroCounts(SampleGenerator.BAD_VACANCY_KINDS);

  /** The employer a region's next vacancies come from, and the titles it already used. */
  private static final class Employer {
    String id;
    int remaining;
    final Set<String> titles = new HashSet<>();
  }

  VacancyWriter(SplittableRandom random, Path dir, int firstYear, int years) throws IOException {
    this(random, dir, firstYear, years, "sample_", null, 0);
  }

  /**
   * A night's increment: files named {@code sample_night_<date>_...} (a new {@code sample} run clears them),
   * postings dated {@code night}, ids from a range of their own so that they are new vacancies.
   */
  static VacancyWriter night(SplittableRandom random, Path dir, LocalDate night) throws IOException {
    return new VacancyWriter(random, dir, night.getYear(), 1, "sample_night_" + night + "_", night, 9_000_000_000L + night.toEpochDay() * 100_000L);
  }

  private VacancyWriter(SplittableRandom random, Path dir, int firstYear, int years, String prefix, LocalDate night, long idOffset)
      throws IOException {
    this.random = random;
    this.firstYear = firstYear;
    this.years = years;
    this.night = night;
    for (int y = firstYear; y < firstYear + years; y++) {
      csv.put("hh" + y, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(CANONICAL.toArray(String[]::new)).get()
          .print(SampleGenerator.open(dir.resolve(prefix + "hh_" + y + ".csv"), false)));
      csv.put("enbek" + y, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
          .setHeader(ENBEK_ORDER.toArray(String[]::new)).get()
          .print(SampleGenerator.open(dir.resolve(prefix + "enbek_" + y + ".csv"), true)));
      jsonl.put("other" + y, SampleGenerator.open(dir.resolve(prefix + "other_" + y + ".jsonl"), false));
    }
    for (int s = 0; s < nextId.length; s++) {
      nextId[s] = idOffset + 1_000_000L * (s + 1);
    }
  }

  /** The posting date of a new ad; in a night's increment, the night. */
  private LocalDate postedIn(int year) {
    return night != null ? night : SampleGenerator.dayOfYear(random, year);
  }

  /** A re-post or copy {@code days} after the original; in a night's increment, the same night. */
  private LocalDate later(LocalDate posted, int days) {
    return night != null ? night : posted.plusDays(days);
  }

  void writeAll(int n) throws IOException {
    double[] yearWeights = new double[years];
    for (int k = 0; k < years; k++) {
      yearWeights[k] = Math.pow(1.08, k);
    }
    double[] yearCum = cumulative(yearWeights);
    List<Region> regions = SampleCatalog.REGIONS;
    double[] regionCum = cumulative(regions.stream().mapToDouble(Region::vacancyShare).toArray());
    double[][][] occCum = new double[years][regions.size()][];
    for (int k = 0; k < years; k++) {
      for (int r = 0; r < regions.size(); r++) {
        final int yi = k;
        final Region reg = regions.get(r);
        occCum[k][r] = cumulative(SampleCatalog.OCCUPATIONS.stream().mapToDouble(o -> SampleGenerator.tiltedWeight(o, reg, yi)).toArray());
      }
    }
    int badEvery = (int) Math.max(1, Math.round(1 / BAD_SHARE));
    int badKind = 0;
    for (int i = 0; i < n; i++) {
      int k = pick(random, yearCum);
      int r = pick(random, regionCum);
      Occupation o = SampleCatalog.OCCUPATIONS.get(pick(random, occCum[k][r]));
      writeVacancy(firstYear + k, regions.get(r), o, k);
      if (i % badEvery == badEvery - 1) {
        writeBad(SampleGenerator.BAD_VACANCY_KINDS.get(badKind++ % SampleGenerator.BAD_VACANCY_KINDS.size()), firstYear + k);
      }
    }
  }

  private void writeVacancy(int year, Region region, Occupation o, int yearIndex) throws IOException {
    Map<String, String> v = new LinkedHashMap<>();
    int source = pickSource();
    String title = any(random, o.titles());
    LocalDate posted = postedIn(year);
    v.put("vacancy_id", newId(source));
    v.put("source", SampleGenerator.SOURCES[source]);
    v.put("posted_date", posted.toString());
    v.put("closed_date", night == null && random.nextDouble() < 0.7 ? posted.plusDays(5 + random.nextInt(86)).toString() : "");
    v.put("title", title);
    v.put("occupation_code", random.nextDouble() < 0.92 ? o.isco() : "");
    v.put("region", any(random, spellingsAt(region, posted)));
    v.put("employer_id", random.nextDouble() < 0.95 ? employer(region.iso(), title) : "");
    double sectorDraw = random.nextDouble();
    v.put("sector_code", sectorDraw < 0.7 ? o.nace() : sectorDraw < 0.8 ? SECTION.get(o.nace()) : "");
    salary(v, o, region, yearIndex);
    v.put("education_level", random.nextDouble() < 0.5 ? String.valueOf(o.education()) : "");
    int pos = random.nextDouble() < 0.9 ? 1 : 2 + random.nextInt(4);
    v.put("positions", pos == 1 && random.nextBoolean() ? "" : String.valueOf(pos));
    SampleSkills.Asks asks = SampleSkills.of(v.get("vacancy_id"), o.isco(), year);
    v.put("skills", asks.listed());
    v.put("requirements", asks.requirements());
    emit(v, year);
    unique++;
    acceptedAds++;
    positions += pos;

    if (random.nextDouble() < 0.03) {
      Map<String, String> again = new LinkedHashMap<>(v);
      again.put("posted_date", later(posted, 7 + random.nextInt(34)).toString());
      again.put("closed_date", "");
      emit(again, year);
      acceptedAds++;
      reposts++;
    }
    if (!v.get("employer_id").isEmpty() && random.nextDouble() < 0.06) {
      int other = (source + 1 + random.nextInt(SampleGenerator.SOURCES.length - 1)) % SampleGenerator.SOURCES.length;
      Map<String, String> copy = new LinkedHashMap<>(v);
      copy.put("vacancy_id", newId(other));
      copy.put("source", SampleGenerator.SOURCES[other]);
      copy.put("posted_date", later(posted, random.nextInt(31)).toString());
      copy.put("closed_date", "");
      copy.put("region", any(random, spellingsAt(region, posted)));
      emit(copy, year);
      acceptedAds++;
      copies++;
    }
  }

  /** How a posting names its region on a date: before the 2022 split, new regions are still their parents. */
  static List<String> spellingsAt(Region region, LocalDate posted) {
    String parent = PARENT_BEFORE_2022_SPLIT.get(region.iso());
    if (parent == null || !posted.isBefore(SPLIT_2022)) {
      return region.spellings();
    }
    return SampleCatalog.REGIONS.stream().filter(r -> r.iso().equals(parent)).findFirst().orElseThrow().spellings();
  }

  private void salary(Map<String, String> v, Occupation o, Region region, int yearIndex) {
    v.put("salary_min", "");
    v.put("salary_max", "");
    v.put("currency", "");
    v.put("salary_period", "");
    if (random.nextDouble() >= 0.65) {
      return;
    }
    double monthly = o.salary2022() * region.salaryFactor() * Math.pow(1.10, yearIndex) * Math.exp(0.25 * gaussian());
    String currency = "KZT";
    double perUnit = 1;
    boolean foreign = o.nace().equals("62") && random.nextDouble() < 0.15;
    if (foreign) {
      currency = random.nextBoolean() ? "USD" : "RUB";
      perUnit = currency.equals("USD") ? 450 : 5.5;
    }
    double periodDraw = random.nextDouble();
    String period = "month";
    double factor = 1;
    if (periodDraw < 0.03) {
      period = "hour";
      factor = 168;
    } else if (periodDraw < 0.05) {
      period = "shift";
      factor = 21.7;
    } else if (periodDraw < 0.06) {
      period = "year";
      factor = 1 / 12.0;
    }
    double stated = monthly / perUnit / factor;
    double round = stated > 10_000 ? 1000 : stated > 100 ? 10 : 1;
    long min = Math.round(stated * 0.9 / round) * (long) round;
    long max = Math.round(stated * 1.15 / round) * (long) round;
    double shape = random.nextDouble();
    v.put("salary_min", shape < 0.75 ? String.valueOf(min) : "");
    v.put("salary_max", shape >= 0.5 ? String.valueOf(max) : "");
    v.put("currency", currency.equals("KZT") && random.nextBoolean() ? "" : currency);
    v.put("salary_period", period.equals("month") && random.nextBoolean() ? "" : period);
  }

  /** One bad row with exactly the defect its kind names, everything else valid. */
  private void writeBad(String kind, int year) throws IOException {
    Region region = any(random, SampleCatalog.REGIONS);
    Occupation o = any(random, SampleCatalog.OCCUPATIONS);
    int source = pickSource();
    Map<String, String> v = new LinkedHashMap<>();
    v.put("vacancy_id", newId(source));
    v.put("source", SampleGenerator.SOURCES[source]);
    v.put("posted_date", postedIn(year).toString());
    v.put("closed_date", "");
    v.put("title", any(random, o.titles()));
    v.put("occupation_code", o.isco());
    v.put("region", region.iso());
    v.put("employer_id", "");
    v.put("sector_code", o.nace());
    v.put("salary_min", "300000");
    v.put("salary_max", "");
    v.put("currency", "KZT");
    v.put("salary_period", "month");
    v.put("education_level", "");
    v.put("positions", "1");
    v.put("skills", "");
    v.put("requirements", "");
    switch (kind) {
      case "MALFORMED_ROW" -> {
        // A line with too few fields, as a truncated export leaves it.
        CSVPrinter p = csv.get("hh" + year);
        p.flush();
        p.getOut().append(v.get("vacancy_id")).append(",hh,").append(v.get("posted_date")).append('\n');
        rows++;
        count(bad, kind);
        return;
      }
      case "MISSING_VACANCY_ID" -> v.put("vacancy_id", "");
      case "BAD_POSTED_DATE" -> v.put("posted_date", random.nextBoolean() ? year + "-13-45" : "15.03." + year);
      case "POSTED_DATE_OUT_OF_RANGE" -> v.put("posted_date", random.nextBoolean() ? "1999-06-15" : "2031-03-01");
      case "UNKNOWN_REGION" -> v.put("region", random.nextBoolean() ? "Atlantis" : "Неизвестный регион");
      case "UNKNOWN_OCCUPATION_CODE" -> v.put("occupation_code", random.nextBoolean() ? "9999" : "25X1");
      case "NEGATIVE_SALARY" -> v.put("salary_min", "-50000");
      case "SALARY_MIN_GT_MAX" -> {
        v.put("salary_min", "500000");
        v.put("salary_max", "300000");
      }
      case "ABSURD_SALARY" -> v.put("salary_min", "5");
      case "UNKNOWN_CURRENCY" -> v.put("currency", "XYZ");
      case "BAD_POSITIONS" -> v.put("positions", "0");
      case "BAD_SKILLS" -> v.put("skills", "Python; " + "x".repeat(200));
      default -> throw new IllegalArgumentException(kind);
    }
    emit(v, year);
    count(bad, kind);
  }

  private void emit(Map<String, String> v, int year) throws IOException {
    rows++;
    String source = v.get("source");
    if (source.equals("other")) {
      Map<String, Object> json = new LinkedHashMap<>();
      v.forEach((key, value) -> {
        if (!value.isEmpty()) {
          json.put(key, key.equals("positions") || key.startsWith("salary_m") ? numberOrText(value) : value);
        }
      });
      Writer w = jsonl.get("other" + year);
      w.write(JSON.writeValueAsString(json));
      w.write('\n');
      return;
    }
    List<String> order = source.equals("hh") ? CANONICAL : ENBEK_ORDER;
    List<String> record = new ArrayList<>(order.size());
    order.forEach(c -> record.add(v.get(c)));
    csv.get(source + year).printRecord(record);
  }

  private static Object numberOrText(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return s;
    }
  }

  private int pickSource() {
    double x = random.nextDouble();
    return x < 0.5 ? 0 : x < 0.85 ? 1 : 2;
  }

  private String newId(int source) {
    long id = nextId[source]++;
    return switch (source) {
      case 0 -> String.valueOf(id);
      case 1 -> "EN-" + id;
      default -> "OT-" + Long.toString(id, 36).toUpperCase();
    };
  }

  /** A 12-digit BIN-like employer id; a region's employer posts 1-6 vacancies, each with a distinct title. */
  private String employer(String regionIso, String title) {
    Employer e = employerByRegion.get(regionIso);
    if (e == null || e.remaining == 0 || e.titles.contains(title)) {
      e = new Employer();
      e.id = String.format("%02d%010d", Integer.parseInt(regionIso.substring(3)), ++employerSeq);
      e.remaining = 1 + random.nextInt(6);
      employerByRegion.put(regionIso, e);
    }
    e.remaining--;
    e.titles.add(title);
    return e.id;
  }

  private double gaussian() {
    // Box-Muller from the seeded generator (SplittableRandom has no nextGaussian on Java 17).
    double u = Math.max(1e-12, random.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Override
  public void close() throws IOException {
    for (CSVPrinter p : csv.values()) {
      p.close();
    }
    for (Writer w : jsonl.values()) {
      w.close();
    }
  }
}
