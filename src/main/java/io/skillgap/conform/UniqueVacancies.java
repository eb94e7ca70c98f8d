package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.SkillgapConfig.BoundaryChange;
import io.skillgap.run.Timing;
import io.skillgap.store.Bronze;
import io.skillgap.store.Schemas;
import io.skillgap.store.Table;
import io.skillgap.store.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver/vacancies: every current ad collapsed into unique vacancies, rebuilt whole, or, on an ordinary
 * night, only the clusters tonight's ads touch (one MERGE, deletion vectors on).
 */
public final class UniqueVacancies {
  private static final Logger LOG = LogManager.getLogger(UniqueVacancies.class);

  /** Table property: the settings the stored unique vacancies were collapsed with. */
  static final String DEDUPE_SETTINGS = "skillgap.dedupe.settings";

  private UniqueVacancies() {}

  /** The settings the collapse depends on, as text that does not depend on a map's iteration order. */
  static String dedupeSettings(int windowDays, List<BoundaryChange> changes) {
    return "window=" + windowDays + ";boundaries=" + changes.stream()
        .map(c -> c.region() + "<" + c.until() + "=" + new TreeMap<>(c.shares())).toList();
  }

  /** Collapsed vacancies in today's regions (one row per part of a region split since) and silver's shape. */
  public static Dataset<Row> silverVacancies(Dataset<Row> collapsed, SkillgapConfig cfg) {
    return Schemas.shape(Boundaries.splitByDate(collapsed, "region", "first_posted_date", cfg.boundaryChanges())
        .withColumn("isco_level", org.apache.spark.sql.functions.length(col("isco_code"))), Table.SILVER_VACANCIES.schema());
  }

  /**
   * Rebuilds silver/vacancies from every current ad, or, when the night only added ads, no full rebuild
   * was asked for and the table was collapsed with today's settings, recomputes just the clusters
   * tonight's ads touch (the same rows, in time proportional to the night instead of the history).
   */
  static void update(Warehouse wh, SkillgapConfig cfg, String batchId, boolean onlyNewAds, long start) {
    int window = cfg.vacancies().dedupeWindowDays();
    String settings = dedupeSettings(window, cfg.boundaryChanges());
    // Ads located abroad stay in silver with their country; the gap tables are for this country's regions.
    Dataset<Row> homeAds = wh.read(Table.SILVER_VACANCY_ADS).where(col("country").equalTo(cfg.sources().homeCountry()));
    if (onlyNewAds && !cfg.run().fullRebuild() && settings.equals(wh.properties(Table.SILVER_VACANCIES).get(DEDUPE_SETTINGS))) {
      Dedupe.Touched t = Dedupe.touched(homeAds, homeAds.where(col(Bronze.BATCH).equalTo(batchId)), wh.read(Table.SILVER_VACANCIES), window);
      try {
        wh.replaceKeys(silverVacancies(t.vacancies(), cfg), Table.SILVER_VACANCIES, t.clusters(), "cluster_key");
        Map<String, String> m = wh.lastCommitMetrics(Table.SILVER_VACANCIES);
        LOG.info("conform: {} clusters touched by the night's ads recomputed: {} vacancy rows replaced by {} ({})",
            t.clusters().count(), m.getOrDefault("numTargetRowsDeleted", "?"), m.getOrDefault("numTargetRowsInserted", "?"),
            Timing.since(start));
      } finally {
        t.release();
      }
      return;
    }
    wh.overwrite(silverVacancies(Dedupe.collapse(homeAds, window), cfg), Table.SILVER_VACANCIES);
    LOG.info("conform: {} vacancy rows in silver (a vacancy of a region split since has one per part) ({})",
        wh.lastCommitRows(Table.SILVER_VACANCIES), Timing.since(start));
    // Deletion vectors let the next night's MERGE mark replaced rows instead of rewriting every file.
    wh.setProperties(Table.SILVER_VACANCIES, Map.of("delta.enableDeletionVectors", "true", DEDUPE_SETTINGS, settings));
  }
}
