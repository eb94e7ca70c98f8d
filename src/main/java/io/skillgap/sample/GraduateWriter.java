package io.skillgap.sample;

import static io.skillgap.sample.SampleGenerator.any;
import static io.skillgap.sample.SampleGenerator.count;

import io.skillgap.sample.SampleCatalog.Field;
import io.skillgap.sample.SampleCatalog.Region;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Graduate counts per year, region, field and level, scaled to the sample's size. Field codes come in
 * the forms real files use: Kazakhstan programme codes (6B06101), TVET specialty codes (06130100) and
 * plain ISCED-F codes.
 */
final class GraduateWriter {
  private final SplittableRandom random;
  private final int firstYear;
  private final int years;
  private final double scale;

  long rows;
  final Map<String, Long> acceptedByLevel = SampleGenerator.levelMap();
  final Map<String, Long> bad = SampleGenerator.zeroCounts(SampleGenerator.BAD_GRADUATE_KINDS);

  GraduateWriter(SplittableRandom random, int firstYear, int years, int vacancies) {
    this.random = random;
    this.firstYear = firstYear;
    this.years = years;
    this.scale = vacancies / (double) years / SampleCatalog.NATIONAL_VACANCIES_PER_YEAR;
  }

  void write(Path dir) throws IOException {
    double higherTotal = SampleCatalog.REGIONS.stream().mapToDouble(Region::higherEdShare).sum();
    double tvetTotal = SampleCatalog.REGIONS.stream().mapToDouble(Region::tvetShare).sum();
    String[] levels = {"tvet", "bachelor", "master", "doctorate"};
    for (int y = firstYear; y < firstYear + years; y++) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
          .setHeader("year", "region", "field_code", "level", "graduates").get();
      try (CSVPrinter out = format.print(SampleGenerator.open(dir.resolve("sample_graduates_" + y + ".csv"), false))) {
        for (Region r : SampleCatalog.REGIONS) {
          for (Field f : SampleCatalog.FIELDS) {
            int[] national = {f.tvet(), f.bachelor(), f.master(), f.doctorate()};
            for (int l = 0; l < levels.length; l++) {
              if (national[l] == 0) {
                continue;
              }
              double share = l == 0 ? r.tvetShare() / tvetTotal : r.higherEdShare() / higherTotal;
              long n = Math.round(national[l] * share * scale * (0.8 + 0.4 * random.nextDouble()));
              if (n == 0) {
                continue;
              }
              out.printRecord(y, any(random, r.spellings()), code(f, levels[l]), levels[l], n);
              rows++;
              acceptedByLevel.merge(levels[l], n, Long::sum);
            }
          }
        }
        for (String kind : SampleGenerator.BAD_GRADUATE_KINDS) {
          out.printRecord(bad(kind, y));
          rows++;
          count(bad, kind);
        }
      }
    }
  }

  /** The code as a real file would carry it: programme or TVET code most of the time, ISCED-F otherwise. */
  private String code(Field f, String level) {
    boolean plain = random.nextDouble() < 0.25;
    if (level.equals("tvet")) {
      return f.tvetCode() != null && !plain ? f.tvetCode() : f.isced();
    }
    if (f.kzDirection() == null || plain) {
      return f.isced();
    }
    String prefix = switch (level) {
      case "bachelor" -> "6B";
      case "master" -> "7M";
      default -> "8D";
    };
    return String.format("%s%s%02d", prefix, f.kzDirection(), 1 + random.nextInt(5));
  }

  private List<Object> bad(String kind, int year) {
    return switch (kind) {
      case "BAD_YEAR" -> List.of("20x" + (year % 10), "KZ-75", "0613", "bachelor", 10);
      case "UNKNOWN_REGION" -> List.of(year, "Atlantis", "0613", "bachelor", 10);
      case "BAD_FIELD_CODE" -> List.of(year, "KZ-75", "99X", "bachelor", 10);
      case "UNKNOWN_LEVEL" -> List.of(year, "KZ-75", "0613", "college", 10);
      case "LEVEL_MISMATCH" -> List.of(year, "KZ-75", "7M06101", "bachelor", 10);
      case "BAD_COUNT" -> List.of(year, "KZ-75", "0613", "bachelor", -5);
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
