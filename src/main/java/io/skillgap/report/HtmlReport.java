package io.skillgap.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillgap.report.ReportData.OccRow;
import io.skillgap.report.ReportData.ProgRow;
import io.skillgap.report.ReportData.RankRow;
import io.skillgap.report.ReportData.RegionSection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gap report: one self-contained HTML file (ECharts inlined with its licence, no request leaves the
 * page: a Content-Security-Policy forbids any), for an official: the country, each region, the top
 * shortages with their confidence and reasons, the innovation sectors side by side, trends, and charts.
 */
public final class HtmlReport {
  static final String ECHARTS_VERSION = "5.3.1";
  private static final String ECHARTS = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HtmlReport() {}

  public static String render(ReportData d, Labels l, String night, String batch) {
    return render(d, null, l, night, batch);
  }

  /** The report with its skills sections when {@code skills} is given. */
  public static String render(ReportData d, SkillsView skills, Labels l, String night, String batch) {
    List<Map<String, Object>> skillCharts = new ArrayList<>();
    StringBuilder b = new StringBuilder(1 << 20);
    b.append("<!DOCTYPE html>\n<html lang=\"").append(l.language()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; ")
        .append("style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(esc(l.t("title")))
        .append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    b.append("<header><h1>").append(esc(l.t("title"))).append("</h1><p class=\"sub\">").append(esc(l.t("subtitle")))
        .append("</p><p class=\"run\">").append(esc(l.t("run", night, batch, String.valueOf(d.firstYear()), String.valueOf(d.latestYear()))))
        .append("</p><nav><a href=\"#national\">").append(esc(l.t("nav.national"))).append("</a> · <a href=\"#regions\">")
        .append(esc(l.t("nav.regions"))).append(skills == null ? "" : "</a> · <a href=\"#skills\">" + esc(l.t("nav.skills")))
        .append("</a> · <a href=\"#method\">").append(esc(l.t("nav.method"))).append("</a></nav></header>\n");
    b.append("<section id=\"how\"><h2>").append(esc(l.t("how.title"))).append("</h2><p>").append(esc(l.t("how.text")))
        .append("</p><p class=\"legend\"><span class=\"st shortage\">").append(esc(l.t("status.shortage")))
        .append("</span> <span class=\"st balanced\">").append(esc(l.t("status.balanced"))).append("</span> <span class=\"st surplus\">")
        .append(esc(l.t("status.surplus"))).append("</span> <span class=\"suppressed\">").append(esc(l.t("legend.suppressed")))
        .append("</span></p></section>\n");

    b.append("<section id=\"national\"><h2>").append(esc(l.t("national.title", String.valueOf(d.latestYear())))).append("</h2>\n<div class=\"kpis\">");
    kpi(b, l.t("kpi.vacancies"), d.kpi().vacancies(), l);
    kpi(b, l.t("kpi.positions"), d.kpi().positions(), l);
    kpi(b, l.t("kpi.supply"), d.kpi().supply(), l);
    kpi(b, l.t("kpi.shortages"), (double) d.kpi().shortagePairs(), l);
    b.append("</div>\n");
    if (d.kpi().codedCoarser() == null || d.kpi().codedCoarser() > 0) {
      // The occupations below are unit groups; demand coded only coarser counts in the group totals of the tables.
      b.append("<p class=\"note\">").append(esc(l.t("kpi.coded_coarser", d.kpi().codedCoarser() == null ? l.t("legend.suppressed")
          : String.format(java.util.Locale.ROOT, "%,.0f", d.kpi().codedCoarser())))).append("</p>\n");
    }
    chart(b, "chart-national", l.t("chart.national_top", d.latestYear()), "tall");
    b.append("<table><thead><tr><th>").append(esc(l.t("table.occupation"))).append("</th><th>").append(esc(l.t("table.sector")))
        .append("</th><th>").append(esc(l.t("series.positions"))).append("</th><th>").append(esc(l.t("series.supply")))
        .append("</th><th>").append(esc(l.t("table.gap"))).append("</th><th>").append(esc(l.t("table.ratio"))).append("</th><th>")
        .append(esc(l.t("table.regions_in_shortage"))).append("</th></tr></thead><tbody>");
    for (OccRow r : d.nationalTop()) {
      b.append("<tr><td>").append(esc(r.isco() + " " + r.title())).append("</td><td>").append(esc(sector(d, r.sector(), l)))
          .append("</td>").append(num(r.positions(), l)).append(num(r.supply(), l)).append(num(r.gap(), l)).append(ratio(r.ratio(), l))
          .append("<td class=\"n\">").append(r.regionsInShortage()).append("</td></tr>");
    }
    b.append("</tbody></table>\n");
    chart(b, "chart-sectors", l.t("chart.sectors", d.latestYear()), "");
    chart(b, "chart-heatmap", l.t("chart.heatmap", d.latestYear()), "tall");
    chart(b, "chart-trends", l.t("chart.trends"), "");
    b.append("<h3>").append(esc(l.t("programmes.title", d.latestYear()))).append("</h3>");
    programmes(b, d.programmes(), l);
    if (skills != null) {
      SkillsHtml.unsupplied(b, d, skills, l);
      SkillsHtml.national(b, d, skills, l, skillCharts);
    }
    b.append("</section>\n<section id=\"regions\"><h2>").append(esc(l.t("nav.regions"))).append("</h2>\n");
    List<Map<String, Object>> regionCharts = new ArrayList<>();
    for (RegionSection r : d.regions()) {
      String name = d.regionNames().getOrDefault(r.code(), r.code());
      b.append("<article id=\"region-").append(esc(r.code())).append("\"><h3>").append(esc(name)).append(" <small>").append(esc(r.code()))
          .append("</small></h3><h4>").append(esc(l.t("region.top", d.latestYear()))).append("</h4>");
      if (r.top().isEmpty()) {
        b.append("<p class=\"empty\">").append(esc(l.t("empty"))).append("</p>");
      } else {
        ranking(b, d, r.top(), l);
        String id = "chart-region-" + r.code();
        chart(b, id, l.t("chart.region_ratio"), "");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("labels", r.top().stream().map(x -> x.isco() + " " + x.title()).toList());
        c.put("values", r.top().stream().map(RankRow::ratio).toList());
        regionCharts.add(c);
      }
      b.append("<h4>").append(esc(l.t("region.programmes", d.latestYear()))).append("</h4>");
      programmes(b, r.programmes(), l);
      if (skills != null) {
        SkillsHtml.region(b, d, skills, r.code(), l);
      }
      b.append("</article>\n");
    }
    b.append("</section>\n<section id=\"method\"><h2>").append(esc(l.t("method.title"))).append("</h2><p>").append(esc(l.t("method.text")))
        .append("</p><p class=\"licence\">").append(esc(l.t("licence", ECHARTS_VERSION))).append("</p></section>\n");

    b.append("<script>\n/*\n").append(resource(ECHARTS + "LICENSE").replace("*/", "* /")).append("\n")
        .append(resource(ECHARTS + "NOTICE").replace("*/", "* /")).append("\n*/\n").append(resource(ECHARTS + "dist/echarts.min.js"))
        .append("\n</script>\n<script>\nconst DATA = ").append(json(chartData(d, l, regionCharts, skillCharts)).replace("</", "<\\/"))
        .append(";\n").append(CHARTS_JS).append("</script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static Map<String, Object> chartData(ReportData d, Labels l, List<Map<String, Object>> regionCharts,
      List<Map<String, Object>> skillCharts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("suppressed", l.t("legend.suppressed"));
    m.put("positions", l.t("series.positions"));
    m.put("supply", l.t("series.supply"));
    m.put("gap", l.t("series.gap"));
    m.put("national", Map.of("labels", d.nationalTop().stream().map(r -> r.isco() + " " + r.title()).toList(),
        "values", d.nationalTop().stream().map(OccRow::gap).toList()));
    m.put("sectors", Map.of("labels", d.sectors().stream().map(s -> d.sectorNames().getOrDefault(s.sector(), s.sector())).toList(),
        "positions", d.sectors().stream().map(ReportData.SectorBar::positions).toList(),
        "supply", d.sectors().stream().map(ReportData.SectorBar::supply).toList()));
    List<String> regions = d.heatmap().stream().map(ReportData.HeatCell::region).distinct().toList();
    List<String> sectors = d.heatmap().stream().map(ReportData.HeatCell::sector).distinct().sorted().toList();
    List<List<Object>> cells = new ArrayList<>();
    for (ReportData.HeatCell c : d.heatmap()) {
      cells.add(java.util.Arrays.asList(sectors.indexOf(c.sector()), regions.indexOf(c.region()),
          c.index() == null ? null : Math.round(c.index() * 100) / 100.0));
    }
    m.put("heatmap", Map.of("regions", regions.stream().map(r -> d.regionNames().getOrDefault(r, r)).toList(),
        "sectors", sectors.stream().map(s -> d.sectorNames().getOrDefault(s, s)).toList(), "cells", cells));
    Map<String, List<Object>> series = new LinkedHashMap<>();
    List<Integer> years = d.trends().stream().map(ReportData.Trend::year).distinct().sorted().toList();
    for (ReportData.Trend t : d.trends()) {
      series.computeIfAbsent(d.sectorNames().getOrDefault(t.sector(), t.sector()), k -> new ArrayList<>(java.util.Collections.nCopies(years.size(), null)))
          .set(years.indexOf(t.year()), t.vacancies());
    }
    m.put("trends", Map.of("years", years, "series", series));
    m.put("regions", regionCharts);
    m.put("skills", skillCharts);
    return m;
  }

  private static void chart(StringBuilder b, String id, String title, String size) {
    b.append("<figure><figcaption>").append(esc(title)).append("</figcaption><div class=\"chart ").append(size).append("\" id=\"")
        .append(esc(id)).append("\"></div></figure>\n");
  }

  private static void kpi(StringBuilder b, String label, Double value, Labels l) {
    b.append("<div class=\"kpi\"><div class=\"v\">").append(value == null ? suppressed(l) : esc(fmt(value, "%,.0f")))
        .append("</div><div class=\"l\">").append(esc(label)).append("</div></div>");
  }

  private static void ranking(StringBuilder b, ReportData d, List<RankRow> rows, Labels l) {
    b.append("<table><thead><tr><th>").append(esc(l.t("table.rank"))).append("</th><th>").append(esc(l.t("table.occupation")))
        .append("</th><th>").append(esc(l.t("table.sector"))).append("</th><th>").append(esc(l.t("table.index"))).append("</th><th>")
        .append(esc(l.t("table.status"))).append("</th><th>").append(esc(l.t("table.confidence"))).append("</th><th>")
        .append(esc(l.t("table.ratio"))).append("</th><th>").append(esc(l.t("table.reasons"))).append("</th></tr></thead><tbody>");
    for (RankRow r : rows) {
      b.append("<tr><td class=\"n\">").append(r.rank()).append("</td><td>").append(esc(r.isco() + " " + r.title())).append("</td><td>")
          .append(esc(sector(d, r.sector(), l))).append("</td><td class=\"n\">").append(esc(fmt(r.index(), "%+.2f")))
          .append("</td><td><span class=\"st ").append(esc(r.status())).append("\">").append(esc(l.t("status." + r.status())))
          .append("</span></td><td>").append(esc(l.t("confidence." + r.confidence()))).append("</td>").append(ratio(r.ratio(), l))
          .append("<td>").append(esc(String.join("; ", java.util.stream.Stream.of(r.reason1(), r.reason2())
              .filter(java.util.Objects::nonNull).toList()))).append("</td></tr>");
    }
    b.append("</tbody></table>");
  }

  private static void programmes(StringBuilder b, List<ProgRow> rows, Labels l) {
    b.append("<table><thead><tr><th>").append(esc(l.t("table.field"))).append("</th><th>").append(esc(l.t("table.graduates")))
        .append("</th><th>").append(esc(l.t("table.attributed"))).append("</th><th>").append(esc(l.t("table.gap"))).append("</th></tr></thead><tbody>");
    for (ProgRow r : rows) {
      b.append("<tr><td>").append(esc(r.field() + " " + r.title())).append("</td>").append(num(r.graduates(), l))
          .append(num(r.attributed(), l)).append(num(r.gap(), l)).append("</tr>");
    }
    b.append("</tbody></table>");
  }

  private static String sector(ReportData d, String code, Labels l) {
    return code == null ? l.t("sector.none") : d.sectorNames().getOrDefault(code, code);
  }

  private static String num(Double v, Labels l) {
    return "<td class=\"n\">" + (v == null ? suppressed(l) : esc(fmt(v, "%,.1f"))) + "</td>";
  }

  private static String ratio(Double v, Labels l) {
    return "<td class=\"n\">" + (v == null ? suppressed(l) : esc(fmt(v, "%.2f"))) + "</td>";
  }

  private static String suppressed(Labels l) {
    return "<span class=\"suppressed\" title=\"" + esc(l.t("legend.suppressed")) + "\">—</span>";
  }

  private static String fmt(double v, String pattern) {
    return String.format(Locale.ROOT, pattern, v).replace(',', '\u202f');
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath (the ECharts WebJar is a dependency of the build)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String CSS = """
      body{font-family:"DejaVu Sans","Segoe UI",Arial,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px;color:#1d2733}
      header{border-bottom:3px solid #00799e;margin-bottom:12px}h1{margin:16px 0 4px}.sub{margin:0;color:#44525f}.run{color:#6b7785;font-size:90%}
      nav a{color:#00799e}h2{border-bottom:1px solid #d5dbe1;padding-bottom:4px;margin-top:32px}h3 small{color:#6b7785;font-weight:normal}
      .kpis{display:flex;gap:12px;flex-wrap:wrap}.kpi{background:#f2f6f8;border-radius:6px;padding:10px 16px;min-width:200px}
      .kpi .v{font-size:26px;font-weight:bold}.kpi .l{color:#44525f;font-size:90%}
      figure{margin:16px 0}figcaption{font-weight:bold;margin-bottom:4px}.chart{width:100%;height:360px}.chart.tall{height:560px}
      table{border-collapse:collapse;width:100%;margin:8px 0;font-size:90%}th,td{border-bottom:1px solid #e3e7eb;padding:4px 6px;text-align:left;vertical-align:top}
      th{background:#f2f6f8}td.n{text-align:right;white-space:nowrap}.suppressed{color:#8a96a3;font-style:italic}
      .st{padding:1px 6px;border-radius:8px;font-size:85%;white-space:nowrap}.st.shortage{background:#f6d2cd;color:#8a1c0c}
      .st.balanced{background:#e6e9ec;color:#38434e}.st.surplus{background:#d3e6f5;color:#0d4a7a}.st.insufficient_data{background:#f4f4f4;color:#777}
      article{border-top:1px dashed #d5dbe1;padding-top:4px}.empty{color:#6b7785}.licence{color:#6b7785;font-size:85%}
      """;

  static final String CHARTS_JS = """
      const SVG = {renderer: 'svg'};
      function draw(id, option) {
        const el = document.getElementById(id);
        if (!el) return;
        const chart = echarts.init(el, null, SVG);
        chart.setOption(Object.assign({animation: false}, option));
        el.setAttribute('data-rendered', 'true');
      }
      function bars(id, labels, values, name) {
        draw(id, {grid: {left: 260, right: 40, top: 10, bottom: 30}, tooltip: {},
          xAxis: {type: 'value'}, yAxis: {type: 'category', data: labels.slice().reverse(), axisLabel: {width: 240, overflow: 'truncate'}},
          series: [{type: 'bar', name: name, data: values.slice().reverse().map(v => v === null ? {value: 0, label: {show: true, position: 'right', color: '#8a96a3', formatter: DATA.suppressed}} : v),
            itemStyle: {color: '#00799e'}}]});
      }
      bars('chart-national', DATA.national.labels, DATA.national.values, DATA.gap);
      draw('chart-sectors', {tooltip: {}, legend: {}, grid: {left: 40, right: 40, bottom: 20, containLabel: true},
        xAxis: {type: 'category', data: DATA.sectors.labels, axisLabel: {interval: 0, rotate: 12}}, yAxis: {type: 'value'},
        series: [{type: 'bar', name: DATA.positions, data: DATA.sectors.positions, itemStyle: {color: '#00799e'}},
                 {type: 'bar', name: DATA.supply, data: DATA.sectors.supply, itemStyle: {color: '#e0a526'}}]});
      draw('chart-heatmap', {tooltip: {}, grid: {left: 20, right: 80, bottom: 20, containLabel: true},
        xAxis: {type: 'category', data: DATA.heatmap.sectors, axisLabel: {interval: 0, rotate: 20}},
        yAxis: {type: 'category', data: DATA.heatmap.regions},
        visualMap: {min: -1, max: 1, calculable: false, orient: 'vertical', right: 0, top: 'center',
          inRange: {color: ['#2c7bb6', '#f7f7f7', '#d7191c']}},
        series: [{type: 'heatmap', data: DATA.heatmap.cells.filter(c => c[2] !== null), label: {show: true}}]});
      draw('chart-trends', {tooltip: {trigger: 'axis'}, legend: {}, xAxis: {type: 'category', data: DATA.trends.years}, yAxis: {type: 'value'},
        series: Object.entries(DATA.trends.series).map(([name, data]) => ({type: 'line', name: name, data: data}))});
      for (const r of DATA.regions) bars(r.id, r.labels, r.values, '');
      for (const r of DATA.skills) bars(r.id, r.labels, r.values, '');
      document.body.setAttribute('data-charts-done', 'true');
      """;
}
