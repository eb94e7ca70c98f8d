package io.skillgap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.report.ReportData.HeatCell;
import io.skillgap.report.ReportData.Kpi;
import io.skillgap.report.ReportData.OccRow;
import io.skillgap.report.ReportData.ProgRow;
import io.skillgap.report.ReportData.RankRow;
import io.skillgap.report.ReportData.RegionSection;
import io.skillgap.report.ReportData.SectorBar;
import io.skillgap.report.ReportData.Trend;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's words and markup on a tiny hand-made data set, without Spark or a browser. */
class HtmlReportTest {
  private static final ReportData DATA = new ReportData(2023, 2024, new Kpi(1234.0, null, 80.5, 3, 12.0),
      List.of(new OccRow("2512", "<b>Dev & Co</b>", "ict_ai", 40.0, 10.0, 30.0, 4.0, 2),
          new OccRow("2146", "Mining engineers", "critical_minerals", null, 5.0, null, null, 0)),
      List.of(new SectorBar("ict_ai", 40.0, 10.0)), List.of(new HeatCell("KZ-75", "ict_ai", 0.456)),
      List.of(new Trend("ict_ai", 2023, 20.0), new Trend("ict_ai", 2024, 25.0)),
      List.of(new ProgRow("0613", "Software", 10.0, 40.0, 30.0, false)),
      List.of(new RegionSection("KZ-75", List.of(new RankRow(1, "2512", "Dev", "ict_ai", 0.5, "shortage", "high", 4.0, false,
          "demand_supply", "time_to_fill")), List.of()), new RegionSection("KZ-11", List.of(), List.of())),
      Map.of("KZ-75", "Almaty", "KZ-11", "Akmola"), Map.of("ict_ai", "ICT and AI"));

  @Test
  void labelsFallBackFromKazakhToRussianToEnglishToTheKey() {
    Labels kk = new Labels("kk");
    assertEquals("жасырылған", kk.t("legend.suppressed"), "Kazakh where it exists");
    assertEquals("Таблица", kk.t("columns.table"), "Russian where Kazakh lacks the word");
    assertEquals("Өңір", kk.column("region"), "Kazakh column header");
    assertEquals("Код занятия (МСКЗ-08)", kk.column("isco_code"), "Russian column header under Kazakh");
    assertEquals("no.such.key", kk.t("no.such.key"), "the key, never a blank");
    assertEquals("left out", new Labels("en").column("left_out"), "underscores become spaces without a translation");
    // Years are not grouped: 2025, not 2,025.
    assertEquals("Top shortage occupations, 2025", new Labels("en").t("region.top", 2025), "year in a label");
  }

  @Test
  void theReportIsSelfContainedEscapedAndShowsSuppressedCells() {
    String html = HtmlReport.render(DATA, new Labels("en"), "2026-12-01", "b1");
    assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"), "a policy that forbids requests");
    assertTrue(html.contains("&lt;b&gt;Dev &amp; Co&lt;/b&gt;"), "titles escaped in the table");
    // In the chart data the title is a JSON string that cannot close the script element.
    assertTrue(html.contains("\"2512 <b>Dev & Co<\\/b>\""), "title in the chart data");
    assertFalse(html.contains("<b>Dev & Co</b>"), "no raw markup from the data");
    // No attribute of the markup loads anything: every src/href outside the scripts is a fragment link.
    String markup = html.replaceAll("(?s)<script>.*?</script>", "<script></script>");
    assertEquals(2, count(html, "<script>"), "the chart library and the report's own script, both inline");
    assertFalse(markup.contains("http://") || markup.contains("https://"), "no URL in the markup");
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(markup);
    int links = 0;
    for (; m.find(); links++) {
      assertTrue(m.group(1).startsWith("#"), "local link only: " + m.group(1));
    }
    assertEquals(3, links, "the three navigation links");
    assertTrue(html.contains("Apache License"), "the ECharts licence travels with it");
    // The hidden KPI and the three hidden cells of the second occupation (positions, gap, ratio), hand-counted;
    // plus the legend entry.
    assertEquals(4, count(html, "<span class=\"suppressed\" title=\"suppressed\">"), "suppressed markers");
    assertEquals(2, count(html, "<article id=\"region-"), "a section per region");
    assertTrue(html.contains(new Labels("en").t("empty")), "a region without a ranking says so");
    assertTrue(html.contains("\"cells\":[[0,0,0.46]]"), "heat map cell rounded to 2 decimals");
    assertTrue(html.contains("\"values\":[30.0,null]"), "national bars with the hidden gap as null");
    assertEquals(4 + 1, count(html, "class=\"chart "), "four national charts and one for the ranked region");
  }

  @Test
  void namesComeFromTheLanguagesMapsWithTheCodeWhereANameIsMissing() {
    ReportData ru = DATA.named(Map.of("2512", "Разработчики"), Map.of("KZ-75", "Алматы"), Map.of());
    assertEquals(List.of("Разработчики", "2146"), ru.nationalTop().stream().map(OccRow::title).toList(), "national titles");
    assertEquals("Разработчики", ru.regions().get(0).top().get(0).title(), "ranked title in a region");
    assertEquals(Map.of("KZ-75", "Алматы"), ru.regionNames(), "region names");
    assertEquals(DATA.nationalTop().get(0).gap(), ru.nationalTop().get(0).gap(), "numbers unchanged");
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  @Test
  void demandCodedOnlyCoarserIsZeroShownOrHidden() {
    // Threshold 5: no coarse code at all is 0; 3 vacancies are a small count, hidden (null, not a crash); 7 shows.
    assertEquals(0.0, ReportData.codedCoarser(null, 5), "none");
    assertEquals(null, ReportData.codedCoarser(3.0, 5), "small count");
    assertEquals(7.0, ReportData.codedCoarser(7.0, 5), "shown");
  }
}
