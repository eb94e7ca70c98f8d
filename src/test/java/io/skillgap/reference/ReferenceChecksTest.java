package io.skillgap.reference;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class ReferenceChecksTest {

  /** A consistent minimal set of reference tables. */
  static Map<ReferenceTable, List<Row>> tables() {
    Map<ReferenceTable, List<Row>> t = new java.util.EnumMap<>(ReferenceTable.class);
    t.put(ReferenceTable.ISCO, List.of(RowFactory.create("2", "major", "Professionals", null), RowFactory.create("2512", "unit", "Software developers", "251")));
    t.put(ReferenceTable.ISCED, List.of(RowFactory.create("061", "narrow", "ICT", "06")));
    t.put(ReferenceTable.NACE, List.of(RowFactory.create("J", "section", "Information", "J"), RowFactory.create("62", "division", "Programming", "J")));
    t.put(ReferenceTable.REGIONS, List.of(RowFactory.create("KZ-75", "75", "city", "Almaty", null, null, null)));
    t.put(ReferenceTable.REGION_ALIASES, List.of(RowFactory.create("Алматы", "KZ-75", "name")));
    t.put(ReferenceTable.CROSSWALK, List.of(RowFactory.create("061", "2512", 0.6)));
    t.put(ReferenceTable.SECTORS, List.of(RowFactory.create("ict_ai", "ICT and AI", null, null)));
    t.put(ReferenceTable.SECTOR_CODES, List.of(RowFactory.create("ict_ai", "isco08", "2512"), RowFactory.create("ict_ai", "nace2", "62")));
    t.put(ReferenceTable.CURRENCY_RATES, List.of(RowFactory.create("USD", Date.valueOf("2024-01-01"), 469.44)));
    t.put(ReferenceTable.KZ_DIRECTIONS, List.of(RowFactory.create("061", "061", "ИКТ")));
    return t;
  }

  @Test
  void consistentTablesPass() {
    ReferenceChecks.check(tables(), null);
  }

  @Test
  void aKeyThatAppearsTwiceIsRefusedAtLoadWithItsFileAndLines() {
    Map<ReferenceTable, List<Row>> t = tables();
    t.put(ReferenceTable.ISCO, List.of(RowFactory.create("2", "major", "Professionals", null), RowFactory.create("2512", "unit", "Software developers", "251"),
        RowFactory.create("2512", "unit", "Software developers again", "251")));
    t.put(ReferenceTable.REGIONS, List.of(RowFactory.create("KZ-75", "75", "city", "Almaty", null, null, null),
        RowFactory.create("kz-75 ", "75", "city", "Almaty", null, null, null)));
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ReferenceChecks.check(t, null));
    assertTrue(e.getMessage().contains("isco: key '2512' appears twice (lines 3 and 4)"), e.getMessage());
    assertTrue(e.getMessage().contains("regions: key 'kz-75' appears twice (lines 2 and 3)"), e.getMessage());
  }

  @Test
  void eachInconsistencyIsNamed() {
    Map<ReferenceTable, List<Row>> t = tables();
    t.put(ReferenceTable.CROSSWALK, List.of(RowFactory.create("061", "2512", 0.7), RowFactory.create("061", "2511", 0.4),
        RowFactory.create("999", "2512", 0.1)));
    t.put(ReferenceTable.REGION_ALIASES, List.of(RowFactory.create("Astana", "KZ-71", "name")));
    t.put(ReferenceTable.SECTOR_CODES, List.of(RowFactory.create("ict_ai", "isco08", "251"), RowFactory.create("energy", "nace2", "62")));
    t.put(ReferenceTable.CURRENCY_RATES, List.of(RowFactory.create("usd", Date.valueOf("2024-01-01"), 0.0)));
    t.put(ReferenceTable.KZ_DIRECTIONS, List.of(RowFactory.create("61", "0999", null)));
    t.put(ReferenceTable.SKILLS, List.of(
        RowFactory.create("python", "Python", "Python", "Python", "питон | Python3", "programming", null, true, false),
        RowFactory.create("Py-Thon", "Snake", "Змея", "Жылан", "ПИТОН", "reptiles", null, false, false)));
    t.put(ReferenceTable.OCCUPATION_QUALIFICATIONS, List.of(RowFactory.create("2512", 3, "higher", null),
        RowFactory.create("9999", 1, "general", null)));
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ReferenceChecks.check(t, null));
    for (String expected : List.of(
        "crosswalk occupation 2511 (field 061) is not an ISCO-08 unit group",
        "crosswalk weights of field 061 sum to 1.1",
        "crosswalk field 999 is not an ISCED-F code",
        "region alias 'Astana' points to unknown region KZ-71",
        "isco08 code 251 is unknown",
        "names unknown sector energy",
        "currency rate for usd from 2024-01-01 must be > 0",
        "currency code 'usd' is not ISO 4217",
        "training direction '61' is not three digits",
        "maps to unknown ISCED-F field 0999",
        "skill id 'Py-Thon' is not lower-case letters, digits and _",
        "skill Py-Thon: group 'reptiles' is not one of",
        // "ПИТОН" and "питон" are one alias once normalised.
        "skills: alias \"ПИТОН\" names two skills: python and Py-Thon",
        "occupation qualification for 2512: skill level 3 must go with 'tvet', not 'higher'",
        "occupation qualification for 9999: not an ISCO-08 unit group")) {
      assertTrue(e.getMessage().contains(expected), "message should contain '" + expected + "':\n" + e.getMessage());
    }
  }

  @Test
  void aBrokenReferenceFileNamesTheFileLineAndColumn() {
    InvalidConfigException header = assertThrows(InvalidConfigException.class,
        () -> ReferenceCsv.parse("field_code,isco,weight\n061,2512,0.5\n", ReferenceTable.CROSSWALK.schema(), "xw.csv"));
    assertTrue(header.getMessage().contains("xw.csv line 1: header [field_code, isco, weight] should be [field_code, isco_code, weight]"),
        header.getMessage());
    InvalidConfigException value = assertThrows(InvalidConfigException.class,
        () -> ReferenceCsv.parse("\uFEFFfield_code,isco_code,weight\n061,2512,0.5\n061,2511,half\n", ReferenceTable.CROSSWALK.schema(), "xw.csv"));
    assertTrue(value.getMessage().contains("xw.csv line 3, column weight: 'half' is not a double"), value.getMessage());
    List<Row> ok = ReferenceCsv.parse("currency,valid_from,kzt_per_unit\nUSD,2024-01-01,469.44\n", ReferenceTable.CURRENCY_RATES.schema(), "r.csv");
    assertTrue(ok.equals(List.of(RowFactory.create("USD", Date.valueOf("2024-01-01"), 469.44))), ok.toString());
  }

  @Test
  void theCrosswalkResidualGoesToOther() {
    List<Row> rows = Reference.withResidual(List.of(RowFactory.create("061", "2512", 0.6), RowFactory.create("061", "2511", 0.15),
        RowFactory.create("054", "2120", 1.0)));
    // 061 places 0.75, so OTHER gets 0.25; 054 places everything, so it gets no OTHER row.
    assertTrue(rows.contains(RowFactory.create("061", "OTHER", 0.25)), rows.toString());
    assertTrue(rows.stream().noneMatch(r -> r.getString(0).equals("054") && r.getString(1).equals("OTHER")), rows.toString());
  }
}
