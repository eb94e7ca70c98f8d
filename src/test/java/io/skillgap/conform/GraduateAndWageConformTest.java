package io.skillgap.conform;

import io.skillgap.BronzeRows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraduateAndWageConformTest extends ConformTestBase {


  @Test
  void graduateRowsAreDecodedOrQuarantined() {
    BronzeRows b = new BronzeRows(Source.GRADUATES, Map.of("year", "2024", "region", "Алматы", "field_code", "6B06101",
        "level", "bachelor", "graduates", "25"))
        .add()                                            // 1 valid: 6B06101 is ICT (061), bachelor
        .add("field_code", "06130100", "level", "TVET")   // 2 valid: TVET specialty, level case-insensitive
        .add("field_code", "0541", "graduates", "0")      // 3 valid: zero graduates is a count
        .add("year", "20x4")                              // 4
        .add("year", "2027")                              // 5 after the as-of year
        .add("region", "Atlantis")                        // 6
        .add("region", "Kazakhstan")                      // 7 graduates belong to an institution's region
        .add("field_code", "1304000")                     // 8 an old Soviet-style specialty code: 1304 is no ISCED-F field
        .add("level", "college")                          // 9
        .add("field_code", "7M06101")                     // 10 a master's programme reported as bachelor
        .add("graduates", "-5")                           // 11
        .add("graduates", "2.5");                         // 12
    Conform.Checked checked = Conform.graduates(b.build(spark), ref, aliasKeys, cfg);
    assertRows("accepted graduates", List.of(
        values(1L, 2024, "KZ-75", "061", "6B06101", "bachelor", 25L),
        values(2L, 2024, "KZ-75", "0613", "06130100", "tvet", 25L),
        values(3L, 2024, "KZ-75", "0541", "0541", "bachelor", 0L)),
        rows(checked.accepted(), "select _row_id, year, region, field_code, field_code_raw, level, graduates from t order by 1"));
    assertRows("quarantined graduates", List.of(
        values(4L, "BAD_YEAR"), values(5L, "BAD_YEAR"), values(6L, "UNKNOWN_REGION"), values(7L, "REGION_NOT_SUBNATIONAL"),
        values(8L, "BAD_FIELD_CODE"), values(9L, "UNKNOWN_LEVEL"), values(10L, "LEVEL_MISMATCH"), values(11L, "BAD_COUNT"),
        values(12L, "BAD_COUNT")),
        rows(checked.quarantined(), "select line, reason from t order by 1"));
  }

  @Test
  void wageRowsKeepOneFigurePerKey() {
    BronzeRows b = new BronzeRows(Source.WAGES, Map.of("year", "2024", "region", "KZ-75", "occupation_code", "25",
        "avg_monthly_wage", "520000"))
        .add()                                                  // 1 valid, 2-digit code
        .add("avg_monthly_wage", "530000")                      // 2 same key again: DUPLICATE_KEY
        .add("region", "Republic of Kazakhstan", "occupation_code", "2")   // 3 valid: the country, 1 digit
        .add("occupation_code", "2512", "employees", "1 250")   // 4 valid, 4 digits
        .add("occupation_code", "99")                           // 5 no ISCO-08 group 99
        .add("avg_monthly_wage", "n/a")                         // 6
        .add("avg_monthly_wage", "500")                         // 7 below 10,000 KZT
        .add("employees", "-3", "occupation_code", "251")       // 8
        .add("year", "1999");                                   // 9
    Conform.Checked checked = Conform.wages(b.build(spark), ref, aliasKeys, cfg);
    assertRows("accepted wages", List.of(
        values(1L, "KZ-75", "25", 2, 520000.0, null),
        values(3L, "KZ", "2", 1, 520000.0, null),
        values(4L, "KZ-75", "2512", 4, 520000.0, 1250L)),
        rows(checked.accepted(), "select _row_id, region, isco_code, isco_level, avg_monthly_wage_kzt, employees from t order by 1"));
    assertRows("quarantined wages", List.of(
        values(2L, "DUPLICATE_KEY"), values(5L, "UNKNOWN_OCCUPATION_CODE"), values(6L, "BAD_WAGE"), values(7L, "ABSURD_WAGE"),
        values(8L, "BAD_EMPLOYEES"), values(9L, "BAD_YEAR")),
        rows(checked.quarantined(), "select line, reason from t order by 1"));
  }
}
