package io.skillgap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SampleNightTestBase;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample night's HTML reports as an official opens them: in headless Chromium, offline. The charts
 * must have drawn (an SVG with marks in every chart), the page must ask the network for nothing, and a
 * screenshot is kept in target/report-screenshots for people to look at.
 */
class ReportInBrowserTest extends SampleNightTestBase {
  private static final Pattern CHART = Pattern.compile("<div class=\"chart[^\"]*\" id=\"([^\"]+)\"([^>]*)>(.*?)</svg>", Pattern.DOTALL);
  private Chromium chromium;

  @BeforeAll
  void openTheNight() throws IOException {
    chromium = Chromium.find(Files.createDirectories(Path.of("target/browser")));
  }

  private Path report(String lang) {
    return night.publish().resolve("report/skillgap_report_" + lang + ".html").toAbsolutePath();
  }

  @Test
  void theRequestCheckSeesAPageThatCallsOut() throws Exception {
    // The control for the check below: a page with a web font, a remote image and a fetch is caught.
    Path leaky = Path.of("target/browser/leaky.html").toAbsolutePath();
    Files.writeString(leaky, "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css?family=Roboto\">"
        + "</head><body><img src=\"http://example.com/x.png\"><script>fetch('https://cdn.example.org/d.json').catch(() => 0)</script>"
        + "</body></html>", StandardCharsets.UTF_8);
    List<String> requests = chromium.visit(leaky).pageRequests();
    assertEquals(List.of("http://example.com/x.png", "https://cdn.example.org/d.json", "https://fonts.googleapis.com/css?family=Roboto"),
        requests.stream().sorted().toList(), "requests of the leaky page");
  }

  @Test
  void everyChartRendersOfflineInBothLanguages() throws Exception {
    // One chart per region with a ranking in the latest year, plus the four national charts.
    long rankedRegions = spark.read().parquet(night.publish().resolve("shortage_ranking").toString())
        .where("year = (select max(year) from parquet.`" + night.publish().resolve("occupation_region_gap") + "`)")
        .select("region").distinct().count();
    assertTrue(rankedRegions > 0, "regions with a ranking: " + rankedRegions);
    // One skills chart per sector (and "all") with skills named across the country in the latest year.
    long skillSectors = latestSkills("region = 'KZ' and demand_rank <= 10", "innovation_sector");
    assertTrue(skillSectors >= 6, "sectors with skills: " + skillSectors);
    // Tables: each such sector's top, each sector with an emerging skill shown, each region with a top skill shown
    // (disclosure control hides some regions' counts, and their ranks with them).
    long skillTables = skillSectors + latestSkills("region = 'KZ' and emerging_rank <= 5", "innovation_sector")
        + latestSkills("region <> 'KZ' and innovation_sector = 'all' and demand_rank <= 5", "region");
    assertTrue(skillTables > skillSectors + 5, "skills tables expected: " + skillTables);
    long charts = 4 + rankedRegions + skillSectors;
    for (String lang : List.of("ru", "en")) {
      Chromium.Visit visit = chromium.visit(report(lang));
      String dom = visit.dom();
      assertEquals(List.of(), visit.pageRequests(), lang + ": requests that left the machine");
      assertTrue(dom.contains("<html lang=\"" + lang + "\""), lang + ": page language");
      assertTrue(dom.contains("data-charts-done=\"true\""), lang + ": the chart script ran to its end");
      assertEquals(charts, count(dom, "class=\"chart"), lang + ": chart containers");
      Matcher m = CHART.matcher(dom);
      int drawn = 0;
      while (m.find()) {
        assertTrue(m.group(2).contains("data-rendered=\"true\""), lang + " " + m.group(1) + ": rendered");
        assertTrue(m.group(3).contains("<svg"), lang + " " + m.group(1) + ": has an SVG");
        // Bars, cells and lines are SVG paths; axes alone draw a few, so ask for more than axes.
        assertTrue(count(m.group(3), "<path") >= 5, lang + " " + m.group(1) + ": marks drawn " + count(m.group(3), "<path"));
        drawn++;
      }
      assertEquals(charts, drawn, lang + ": charts with an SVG");
      assertEquals(20, count(dom, "<article id=\"region-KZ-"), lang + ": a section per region");
      assertEquals(skillSectors, count(dom, "<article class=\"skills\""), lang + ": a skills section per sector");
      assertEquals(skillTables, count(dom, "<table class=\"skills\""), lang + ": skills tables");
      assertTrue(dom.contains("id=\"unsupplied\""), lang + ": the shortages no programme supplies");
      String hidden = new Labels(lang).t("legend.suppressed");
      assertTrue(count(dom, "class=\"suppressed\" title=\"" + hidden + "\"") > 10, lang + ": suppressed cells shown as " + hidden);
    }
    // The Russian page names occupations in Russian: the ISCO title of 2512 (software developers).
    assertTrue(Files.readString(report("ru"), StandardCharsets.UTF_8).contains("Разработчики программного обеспечения"), "Russian titles");
  }

  @Test
  void aScreenshotIsSavedForPeopleToLookAt() throws Exception {
    Path png = Path.of("target/report-screenshots/skillgap_report_ru.png");
    Files.deleteIfExists(png);
    chromium.screenshot(report("ru"), png, 1300, 2600);
    assertEquals(List.of(1300, 2600), pngSize(png), "screenshot size");
    // A blank page compresses to a few kilobytes; text, tables and charts do not.
    assertTrue(Files.size(png) > 100_000, "screenshot has content: " + Files.size(png) + " bytes");
  }

  /** Distinct values of {@code key} among the published skill rows of every occupation (level 0) in the report's year. */
  private long latestSkills(String where, String key) {
    return spark.read().parquet(night.publish().resolve("skill_demand").toString())
        .where("year = (select max(year) from parquet.`" + night.publish().resolve("occupation_region_gap") + "`)"
            + " and isco_level = 0 and " + where)
        .select(key).distinct().count();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  /** Width and height from the PNG's IHDR chunk (bytes 16-23). */
  private static List<Integer> pngSize(Path png) throws IOException {
    try (InputStream in = Files.newInputStream(png); DataInputStream d = new DataInputStream(in)) {
      d.skipNBytes(16);
      return List.of(d.readInt(), d.readInt());
    }
  }
}
