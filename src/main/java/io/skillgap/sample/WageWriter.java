package io.skillgap.sample;

import static io.skillgap.sample.SampleGenerator.any;
import static io.skillgap.sample.SampleGenerator.count;

import io.skillgap.sample.SampleCatalog.Occupation;
import io.skillgap.sample.SampleCatalog.Region;
import io.skillgap.sample.SampleCatalog.Tilt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Official average wages as stat.gov.kz publishes them: by region (and the whole country) and ISCO-08
 * major group every year, plus some 2- and 4-digit detail for the innovation occupations.
 */
final class WageWriter {
  private final SplittableRandom random;
  private final int firstYear;
  private final int years;

  long rows;
  final Map<String, Long> bad = SampleGenerator.zeroCounts(SampleGenerator.BAD_WAGE_KINDS);

  WageWriter(SplittableRandom random, int firstYear, int years) {
    this.random = random;
    this.firstYear = firstYear;
    this.years = years;
  }

  void write(Path dir) throws IOException {
    for (int y = firstYear; y < firstYear + years; y++) {
      double growth = Math.pow(1.12, y - 2022);
      CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
          .setHeader("year", "region", "occupation_code", "avg_monthly_wage", "employees").get();
      try (CSVPrinter out = format.print(SampleGenerator.open(dir.resolve("sample_wages_" + y + ".csv"), false))) {
        row(out, y, "Republic of Kazakhstan", "2", SampleCatalog.MAJOR_GROUP_WAGE_2022[1] * growth);
        for (Region r : SampleCatalog.REGIONS) {
          String spelling = any(random, r.spellings());
          for (int g = 1; g <= 9; g++) {
            row(out, y, spelling, String.valueOf(g), SampleCatalog.MAJOR_GROUP_WAGE_2022[g - 1] * r.salaryFactor() * growth);
          }
          row(out, y, spelling, "25", 520_000 * r.salaryFactor() * growth);
          for (Occupation o : SampleCatalog.OCCUPATIONS) {
            if (o.tilt() != Tilt.NONE && (o.tilt() == r.strength() || r.iso().equals("KZ-71"))) {
              row(out, y, spelling, o.isco(), 0.85 * o.salary2022() * r.salaryFactor() * growth);
            }
          }
        }
        for (String kind : SampleGenerator.BAD_WAGE_KINDS) {
          switch (kind) {
            case "UNKNOWN_REGION" -> out.printRecord(y, "Atlantis", "2", 400000, "");
            case "UNKNOWN_OCCUPATION_CODE" -> out.printRecord(y, "KZ-75", "99", 400000, "");
            case "BAD_WAGE" -> out.printRecord(y, "KZ-75", "3", "n/a", "");
            // A second figure for a key already written (Almaty city, major group 1).
            case "DUPLICATE_KEY" -> out.printRecord(y, "KZ-75", "1", 999000, "");
            default -> throw new IllegalArgumentException(kind);
          }
          rows++;
          count(bad, kind);
        }
      }
    }
  }

  private void row(CSVPrinter out, int year, String region, String code, double wage) throws IOException {
    long employees = 500 + random.nextInt(50_000);
    out.printRecord(year, region, code, Math.round(wage * (0.95 + 0.1 * random.nextDouble())),
        random.nextDouble() < 0.8 ? employees : "");
    rows++;
  }

}
