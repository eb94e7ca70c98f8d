package io.skillgap.conform;

import io.skillgap.store.TableSchemas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.skillgap.BronzeRows;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class VacancyConformTest extends ConformTestBase {

  private static final Map<String, String> VALID = Map.ofEntries(
      Map.entry("vacancy_id", "v"), Map.entry("source", "hh"), Map.entry("posted_date", "2024-05-01"),
      Map.entry("title", "Java Developer"), Map.entry("occupation_code", "2512"), Map.entry("region", "KZ-75"),
      Map.entry("salary_min", "300000"), Map.entry("currency", "KZT"), Map.entry("salary_period", "month"));


  @Test
  void personalDataIsMaskedAndEmployerIdsArePseudonymised() throws Exception {
    BronzeRows b = new BronzeRows(Source.VACANCIES, VALID)
        .add("title", "Java Developer, звоните +7 (701) 123-45-67 или 8 777 1234567, hr.kz@firma.kz", "employer_id", "123456789012")
        .add("vacancy_id", "w", "title", "Повар", "employer_id", " ");
    Conform.Checked checked = Conform.vacancies(VacancyInput.canonical(b.build(spark), "KZ", cfg.piiSalt()), ref, aliasKeys, cfg, noAds());
    // The salted hash is recomputed here independently: SHA-256 of "<salt>:<id>", first 20 hex digits.
    byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(
        (cfg.piiSalt() + ":123456789012").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String pseudonym = java.util.HexFormat.of().formatHex(d).substring(0, 20);
    assertRows("masked", List.of(
        values("v", "Java Developer, звоните [phone] или [phone], [e-mail]", "java developer звоните phone или phone e mail", pseudonym),
        values("w", "Повар", "повар", null)),
        rows(checked.accepted(), "select vacancy_id, title, title_norm, employer_id from t order by vacancy_id"));
  }

  @Test
  void payPeriodsAreReadInTheirCommonSpellings() {
    BronzeRows b = new BronzeRows(Source.VACANCIES, VALID)
        .add("vacancy_id", "a", "salary_period", " Monthly ")
        .add("vacancy_id", "b", "salary_period", "per hour")
        .add("vacancy_id", "c", "salary_period", "ANNUAL")
        .add("vacancy_id", "d", "salary_period", "shift")
        .add("vacancy_id", "e", "salary_period", "")
        .add("vacancy_id", "f", "salary_period", "fortnight");
    // Synonyms to the period-factor keys, other words lower-cased as they are (judged later), blank = the default (month).
    assertRows("periods", List.of(values("a", "month"), values("b", "hour"), values("c", "year"), values("d", "shift"),
        values("e", "month"), values("f", "fortnight")),
        rows(VacancyConform.typed(b.build(spark), cfg.vacancies()), "select vacancy_id, v_period from t order by vacancy_id"));
  }

  @Test
  void theSameIdWithOtherContentIsAConflictNotARepost() {
    Dataset<Row> existing = df(TableSchemas.VACANCY_ADS.toDDL(),
        row("vacancies", "KZ", "hh", "old", java.sql.Date.valueOf("2024-01-01"), null, "Java Developer", "java developer", "2512", 4,
            "source", 1.0, "KZ-75", null, null, null,
            null, null, 1, null, null, 1L, "file:/landing/earlier.csv", "b0"));
    BronzeRows b = new BronzeRows(Source.VACANCIES, VALID)
        .add("vacancy_id", "dup")                                                 // 1 first of its id tonight
        .add("vacancy_id", "dup", "posted_date", "2024-05-20")                    // 2 a re-post: same content, later date
        .add("vacancy_id", "dup", "posted_date", "2024-05-21", "title", "Go Developer")   // 3 other content: conflict
        .add("vacancy_id", "old")                                                 // 4 same as the ad from an earlier night
        .add("vacancy_id", "old", "region", "KZ-71");                             // 5 disagrees with it (region)
    Conform.Checked checked = Conform.vacancies(VacancyInput.canonical(b.build(spark), "KZ", cfg.piiSalt()), ref, aliasKeys, cfg, existing);
    assertRows("conflicts", List.of(values(3L, "DUPLICATE_ID_CONFLICT"), values(5L, "DUPLICATE_ID_CONFLICT")),
        rows(checked.quarantined(), "select line, reason from t order by line"));
    assertRows("accepted", List.of(values(1L), values(2L), values(4L)), rows(checked.accepted(), "select _row_id from t order by 1"));
  }


  @Test
  void eachDefectGetsItsReasonAndEveryRowIsAccountedFor() {
    BronzeRows b = new BronzeRows(Source.VACANCIES, VALID)
        .add()                                                     // 1 valid
        .add(Source.CORRUPT, "x,y")                                // 2
        .add("vacancy_id", " ")                                    // 3
        .add("source", null)                                       // 4
        .add("title", "  ")                                        // 5
        .add("posted_date", "")                                    // 6
        .add("posted_date", "2024-02-30")                          // 7 no such day
        .add("posted_date", "2024")                                // 8 a year is not a date
        .add("posted_date", "1999-12-31")                          // 9 before 2000
        .add("posted_date", "2026-12-02")                          // 10 after the as-of date
        .add("closed_date", "soon")                                // 11
        .add("closed_date", "2024-04-01")                          // 12
        .add("region", "")                                         // 13
        .add("region", "Atlantis")                                 // 14
        .add("region", "Kazakhstan")                               // 15 the country is no region
        .add("occupation_code", "2510")                            // 16 a minor group, not a unit group
        .add("sector_code", "ZZ")                                  // 17
        .add("salary_min", "300k")                                 // 18
        .add("salary_min", "-1")                                   // 19
        .add("salary_min", "500000", "salary_max", "400000")       // 20
        .add("currency", "XYZ")                                    // 21
        .add("salary_period", "fortnight")                         // 22
        .add("salary_min", "5000")                                 // 23 5,000 KZT a month < 10,000
        .add("positions", "0")                                     // 24
        .add("positions", "two")                                   // 25
        .add("education_level", "9")                               // 26 ISCED 2011 stops at 8
        .add("salary_min", null, "currency", null, "salary_period", null, "sector_code", "J")   // 27 valid, no salary
        .add("salary_min", null, "salary_max", "1 200 000", "salary_period", " Yearly")       // 28 valid
        .add("salary_min", "2", "salary_max", "4", "currency", "usd", "salary_period", "hour") // 29 valid
        .add("posted_date", "2023-01-01", "salary_min", "100000", "currency", "RUB")           // 30 valid
        .add("sector_code", "62.01", "positions", "3", "education_level", "6");               // 31 valid
    Conform.Checked checked = Conform.vacancies(VacancyInput.canonical(b.build(spark), "KZ", cfg.piiSalt()), ref, aliasKeys, cfg, noAds());

    assertRows("quarantine reasons by row", List.of(
        values(2L, "MALFORMED_ROW"), values(3L, "MISSING_VACANCY_ID"), values(4L, "MISSING_SOURCE"),
        values(5L, "MISSING_TITLE"), values(6L, "MISSING_POSTED_DATE"), values(7L, "BAD_POSTED_DATE"),
        values(8L, "BAD_POSTED_DATE"), values(9L, "POSTED_DATE_OUT_OF_RANGE"), values(10L, "POSTED_DATE_OUT_OF_RANGE"),
        values(11L, "BAD_CLOSED_DATE"), values(12L, "CLOSED_BEFORE_POSTED"), values(13L, "MISSING_REGION"),
        values(14L, "UNKNOWN_REGION"), values(15L, "REGION_NOT_SUBNATIONAL"), values(16L, "UNKNOWN_OCCUPATION_CODE"),
        values(17L, "UNKNOWN_SECTOR_CODE"), values(18L, "BAD_SALARY"), values(19L, "NEGATIVE_SALARY"),
        values(20L, "SALARY_MIN_GT_MAX"), values(21L, "UNKNOWN_CURRENCY"), values(22L, "UNKNOWN_SALARY_PERIOD"),
        values(23L, "ABSURD_SALARY"), values(24L, "BAD_POSITIONS"), values(25L, "BAD_POSITIONS"),
        values(26L, "BAD_EDUCATION_LEVEL")),
        rows(checked.quarantined(), "select line, reason from t order by line"));

    // Monthly KZT: row 1 300,000 x 1 x 1; row 28 1,200,000 a year / 12 = 100,000; row 29 midpoint 3 USD an hour
    // x 168 hours x 469.44 (the 2024 rate in conf/reference) = 236,597.76; row 30 100,000 RUB x 5.37 (2023 rate,
    // valid from 2023-01-01, the posting day) = 537,000. Row 31: NACE 62.01 is division 62 of section J.
    assertRows("accepted ads", List.of(
        values(1L, "KZ-75", "2512", 300000.0, 1, null, null),
        values(27L, "KZ-75", "2512", null, 1, "J", null),
        values(28L, "KZ-75", "2512", 100000.0, 1, null, null),
        values(29L, "KZ-75", "2512", 236597.76, 1, null, null),
        values(30L, "KZ-75", "2512", 537000.0, 1, null, null),
        values(31L, "KZ-75", "2512", 300000.0, 3, "J", "62")),
        rows(checked.accepted(), "select _row_id, region, isco_code, round(salary_monthly_kzt, 2), positions,"
            + " nace_section, nace_division from t order by _row_id"));

    // The quarantine keeps the original text: the raw line for a malformed row, the values as JSON otherwise.
    assertRows("raw records", List.of(values("x,y"), values("{\"vacancy_id\":\"v\",\"source\":\"hh\",\"posted_date\":\"2024-05-01\","
        + "\"title\":\"Java Developer\",\"occupation_code\":\"2512\",\"region\":\"Atlantis\",\"salary_min\":\"300000\","
        + "\"currency\":\"KZT\",\"salary_period\":\"month\"}")),
        rows(checked.quarantined(), "select raw_record from t where line in (2, 14) order by line"));
    assertEquals(31, checked.accepted().count() + checked.quarantined().count(), "read = accepted + quarantined");
  }

  @Test
  void skillsAreFoundInListsAndTextsAndOnlyTheirIdsReachSilver() {
    BronzeRows b = new BronzeRows(Source.VACANCIES, VALID)
        .add("vacancy_id", "a", "skills", "Python; Docker; Teamwork-ish",
            "requirements", "Знание Python и SQL, английский язык. Звоните +7 701 555 12 34")   // 1
        .add("vacancy_id", "b")                                                               // 2 nothing to read
        .add("vacancy_id", "c", "skills", "Python; " + "x".repeat(121))                       // 3 not a list of names
        .add("vacancy_id", "d", "requirements", "JavaScript, PostgreSQL");                    // 4 no Java, no SQL inside them
    Conform.Checked checked = Conform.vacancies(VacancyInput.canonical(b.build(spark), "KZ", cfg.piiSalt()), ref, aliasKeys, cfg, noAds());
    // a: the list's Python and Docker first (Python also in the text), then the text's SQL and English; "Teamwork-ish"
    //    is no alias. b: no list, no text: no skill and not described. d: whole words only.
    assertRows("skill ids in silver", List.of(
            values("a", List.of("python:listed+text", "docker:listed", "sql:text", "english:text"), true),
            values("b", List.of(), false),
            values("d", List.of("javascript:text", "postgresql:text"), true)),
        rows(checked.accepted(), "select vacancy_id, transform(skills, s -> concat(s.skill_id, ':', s.found_in)), described from t order by 1"));
    assertRows("the long item", List.of(values(3L, "BAD_SKILLS")), rows(checked.quarantined(), "select line, reason from t"));
    String raw = checked.quarantined().first().getString(5);
    assertFalse(raw.contains("requirements") || raw.contains("Знание"), "quarantine keeps no requirements text: " + raw);
    for (String c : checked.accepted().columns()) {
      assertEquals(0, checked.accepted().where(checked.accepted().col(c).cast("string").rlike("Знание|701")).count(), "text in silver column " + c);
    }
  }
}
