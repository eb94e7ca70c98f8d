package io.skillgap.report;

import static io.skillgap.report.HtmlReport.esc;

import io.skillgap.report.SkillsView.SectorSkills;
import io.skillgap.report.SkillsView.SkillRow;
import io.skillgap.report.SkillsView.Unsupplied;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's skills sections: per innovation sector (top and emerging, a chart), per region, and the shortages no programme supplies. */
final class SkillsHtml {
  private SkillsHtml() {}

  /** The national skills section; adds each sector's chart to {@code charts}. */
  static void national(StringBuilder b, ReportData d, SkillsView v, Labels l, List<Map<String, Object>> charts) {
    b.append("<h3 id=\"skills\">").append(esc(l.t("skills.title", d.latestYear()))).append("</h3><p class=\"note\">")
        .append(esc(l.t("skills.text"))).append("</p>\n");
    if (v.sectors().isEmpty()) {
      b.append("<p class=\"empty\">").append(esc(l.t("skills.none"))).append("</p>");
    }
    for (SectorSkills s : v.sectors()) {
      String name = d.sectorNames().getOrDefault(s.sector(), s.sector());
      b.append("<article class=\"skills\" id=\"skills-").append(esc(s.sector())).append("\"><h4>").append(esc(name)).append("</h4>");
      String id = "chart-skills-" + s.sector();
      b.append("<figure><figcaption>").append(esc(l.t("chart.skills"))).append("</figcaption><div class=\"chart\" id=\"").append(esc(id))
          .append("\"></div></figure>\n");
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", id);
      c.put("labels", s.top().stream().map(SkillRow::label).toList());
      c.put("values", s.top().stream().map(r -> r.share() == null ? null : Math.round(r.share() * 1000) / 10.0).toList());
      charts.add(c);
      b.append("<h5>").append(esc(l.t("skills.top"))).append("</h5>");
      table(b, s.top(), l);
      if (!s.emerging().isEmpty()) {
        b.append("<h5>").append(esc(l.t("skills.emerging"))).append("</h5>");
        table(b, s.emerging(), l);
      }
      b.append("</article>\n");
    }
  }

  /** Occupations in shortage that no programme supplies: their own short list, apart from the ranking. */
  static void unsupplied(StringBuilder b, ReportData d, SkillsView v, Labels l) {
    b.append("<h3 id=\"unsupplied\">").append(esc(l.t("unsupplied.title", d.latestYear()))).append("</h3><p class=\"note\">")
        .append(esc(l.t("unsupplied.text"))).append("</p>");
    if (v.unsupplied().isEmpty()) {
      b.append("<p class=\"empty\">").append(esc(l.t("empty"))).append("</p>");
      return;
    }
    b.append("<table><thead><tr><th>").append(esc(l.t("table.occupation"))).append("</th><th>").append(esc(l.t("table.qualification")))
        .append("</th><th>").append(esc(l.t("table.regions"))).append("</th></tr></thead><tbody>");
    for (Unsupplied u : v.unsupplied()) {
      b.append("<tr><td>").append(esc(u.isco() + " " + u.title())).append("</td><td>")
          .append(esc(u.qualification() == null ? "" : l.t("qualification." + u.qualification()))).append("</td><td class=\"n\">")
          .append(u.regions()).append("</td></tr>");
    }
    b.append("</tbody></table>\n");
  }

  /** A region's top skills (every occupation, every sector). */
  static void region(StringBuilder b, ReportData d, SkillsView v, String region, Labels l) {
    b.append("<h4>").append(esc(l.t("skills.region", d.latestYear()))).append("</h4>");
    List<SkillRow> rows = v.byRegion().getOrDefault(region, List.of());
    if (rows.isEmpty()) {
      b.append("<p class=\"empty\">").append(esc(l.t("skills.none"))).append("</p>");
    } else {
      table(b, rows, l);
    }
  }

  private static void table(StringBuilder b, List<SkillRow> rows, Labels l) {
    b.append("<table class=\"skills\"><thead><tr><th>").append(esc(l.t("table.skill"))).append("</th><th>").append(esc(l.t("table.share")))
        .append("</th><th>").append(esc(l.t("table.growth"))).append("</th><th>").append(esc(l.t("table.premium")))
        .append("</th></tr></thead><tbody>");
    for (SkillRow r : rows) {
      b.append("<tr><td>").append(esc(r.label())).append("</td>").append(percent(r.share(), l))
          .append(percent(r.growth(), l)).append(percent(r.premium(), l)).append("</tr>");
    }
    b.append("</tbody></table>");
  }

  /** A fraction as a percentage; a dash where it is suppressed or there is too little to say. */
  private static String percent(Double v, Labels l) {
    if (v == null) {
      return "<td class=\"n\"><span class=\"suppressed\" title=\"" + esc(l.t("legend.suppressed")) + "\">—</span></td>";
    }
    return "<td class=\"n\">" + esc(String.format(Locale.ROOT, "%.1f%%", v * 100)) + "</td>";
  }
}
