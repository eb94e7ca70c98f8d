package io.skillgap.report;

import io.skillgap.store.Files;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.run.Timing;
import io.skillgap.store.Warehouse;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * What the night produces for people beside the Parquet: an HTML report per language in
 * {@code report/}, the workbook and CSV files (in the first language) in {@code exports/}. Written into
 * the staged publication, so they switch in with the tables.
 */
public final class Reports {
  private static final Logger LOG = LogManager.getLogger(Reports.class);

  /** The folders this adds to the publication. */
  public static final List<String> FOLDERS = List.of("report", "exports");

  private Reports() {}

  public static void write(SparkSession spark, Warehouse wh, String staging, SkillgapConfig cfg, String batch) {
    long start = System.nanoTime();
    Map<String, ReportData> byLanguage = ReportData.gather(spark, wh, staging, cfg.report().languages(), cfg.disclosure().threshold(),
        cfg.report().topPerRegion());
    SkillsView skills = SkillsView.gather(spark, staging, byLanguage.values().iterator().next().latestYear());
    for (String lang : cfg.report().languages()) {
      Labels labels = new Labels(lang);
      ReportData data = byLanguage.get(lang);
      SkillsView named = skills.named(SkillsView.labels(spark, staging, lang), ReportData.occupationTitles(
          spark.read().parquet(staging + "/dim_occupation"), lang));
      Files.writeText(spark.sparkContext().hadoopConfiguration(), staging + "/report/skillgap_report_" + lang + ".html",
          HtmlReport.render(data, named, labels, cfg.run().asOfDate().toString(), batch));
    }
    LOG.info("report: {} HTML report(s) ({})", cfg.report().languages().size(), Timing.since(start));
    Labels first = new Labels(cfg.report().languages().get(0));
    Exports.write(spark, staging, staging + "/exports/skillgap_" + first.language() + ".xlsx", staging + "/exports/csv", first);
    LOG.info("report: workbook and CSV files ({})", Timing.since(start));
  }
}
