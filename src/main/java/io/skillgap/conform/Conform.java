package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.year;

import io.skillgap.config.Reference;
import io.skillgap.config.Schemas;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.SkillgapConfig.BoundaryChange;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.config.Timing;
import io.skillgap.config.Warehouse;
import io.skillgap.config.Warehouse.Table;
import io.skillgap.ingest.Ingest;
import io.skillgap.ingest.IngestLog;
import io.skillgap.ingest.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Bronze to silver: the batch's rows typed and validated, failures to quarantine, accepted rows to the
 * silver row tables (replacing the batch's earlier attempt), rows of file versions replaced since
 * removed; then the unique vacancies and the graduate supply rebuilt from every current row.
 */
public final class Conform {
  private static final Logger LOG = LogManager.getLogger(Conform.class);

  private Conform() {}

  /** A source's rows after validation: accepted (silver shape) and quarantined (quarantine shape). */
  public record Checked(Dataset<Row> accepted, Dataset<Row> quarantined) {}

  /** What conform did: the years whose figures changed, and the batch's accounting per source. */
  public record Result(Set<Integer> touched, Map<String, RunCounts> counts) {}

  /** One source's accounting for the batch, measured right after the writes. */
  public record RunCounts(long read, long accepted, long quarantined, Map<String, Long> quarantineByReason,
      Map<String, Long> codingByMethod) {}

  /** Vacancy rows of every source in the common shape ({@link VacancyInput}), judged by one set of rules. */
  public static Checked vacancies(Dataset<Row> input, Reference ref, Dataset<Row> aliasKeys, SkillgapConfig cfg,
      Dataset<Row> existingAds) {
    Dataset<Row> rows = VacancyConform.typed(input, cfg.vacancies());
    rows = Regions.withRegionCode(rows, "region", aliasKeys, "v_region");
    rows = VacancyConform.withOccupation(rows, ref.iscoUnits());
    rows = Occupations.withCoding(rows, ref.classifier());
    rows = VacancyConform.withActivity(rows, ref.nace());
    // Materialised after the joins: the typed columns, four joins and the rules in one generated method
    // would outgrow Java's 64 KB limit (Spark would fall back to slow interpreted code, loudly).
    rows = once(VacancyConform.withMonthlySalaryKzt(rows, ref.currencyRates(), cfg.vacancies().periodFactors()));
    Dataset<Row> ruled = Rules.check(rows, VacancyConform.rules(cfg.vacancies(), cfg.run().asOfDate()));
    Dataset<Row> checked = once(VacancyConform.flagIdConflicts(ruled, existingAds, cfg.piiSalt()));
    return new Checked(VacancyConform.acceptedAds(Rules.accepted(checked), cfg.piiSalt()),
        Rules.quarantined(checked, col(VacancyInput.ORIGIN), col(VacancyInput.RAW)));
  }

  /** Tonight's vacancy rows of the canonical, hh and Enbek folders in the common shape. */
  static Dataset<Row> vacancyInput(SparkSession spark, Warehouse wh, Reference ref, SkillgapConfig cfg, String batchId) {
    String home = cfg.sources().homeCountry();
    String salt = cfg.piiSalt();
    return VacancyInput.canonical(bronzeBatch(spark, wh, Source.VACANCIES, batchId), home, salt)
        .unionByName(HhVacancies.toInput(bronzeBatch(spark, wh, Source.HH, batchId), ref.hhAreas(), cfg.sources(), salt))
        .unionByName(EnbekVacancies.toInput(bronzeBatch(spark, wh, Source.ENBEK, batchId), ref.nkzIsco(), cfg.sources().enbekBoard(), home,
            salt));
  }

  /** stat.gov.kz wage tables: judged a row (a region) at a time, then one wage per major group. */
  public static Checked statWages(Dataset<Row> bronze, Reference ref, Dataset<Row> aliasKeys, SkillgapConfig cfg) {
    Dataset<Row> rows = StatWages.typed(bronze);
    rows = Regions.withRegionCode(rows, "region", aliasKeys, "s_region");
    rows = StatWages.withRegionHistory(rows, ref.regionFormerNames(), ref.regions());
    Dataset<Row> checked = once(StatWages.flagDuplicateRegions(Rules.check(rows, StatWages.rules(cfg.wages(), cfg.run().asOfDate()))));
    return split(checked, Source.STAT_WAGES, StatWages.accepted(Rules.accepted(checked)));
  }

  public static Checked graduates(Dataset<Row> bronze, Reference ref, Dataset<Row> aliasKeys, SkillgapConfig cfg) {
    Dataset<Row> rows = GraduateConform.typed(bronze);
    rows = Regions.withRegionCode(rows, "region", aliasKeys, "g_region");
    rows = GraduateConform.withField(rows, ref.isced(), ref.kzDirections());
    Dataset<Row> checked = once(Rules.check(rows, GraduateConform.rules(cfg.graduates(), cfg.run().asOfDate())));
    return split(checked, Source.GRADUATES, GraduateConform.accepted(Rules.accepted(checked)));
  }

  public static Checked wages(Dataset<Row> bronze, Reference ref, Dataset<Row> aliasKeys, SkillgapConfig cfg) {
    Dataset<Row> rows = WageConform.typed(bronze);
    rows = Regions.withRegionCode(rows, "region", aliasKeys, "w_region");
    rows = WageConform.withOccupation(rows, ref.isco());
    Dataset<Row> checked = once(WageConform.flagDuplicateKeys(Rules.check(rows, WageConform.rules(cfg.wages(), cfg.run().asOfDate()))));
    return split(checked, Source.WAGES, WageConform.accepted(Rules.accepted(checked)));
  }

  private static Checked split(Dataset<Row> checked, Source source, Dataset<Row> accepted) {
    return new Checked(accepted, Rules.quarantined(checked, source));
  }

  /**
   * Validates once: the checked rows feed both quarantine and silver, and without the cache Spark
   * would re-run the joins for each and inline the rule expression into both filters.
   */
  private static Dataset<Row> once(Dataset<Row> checked) {
    return checked.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The composite; returns the years whose figures the night changed (gold recomputes those) and the accounting. */
  public static Result run(SparkSession spark, SkillgapConfig cfg, Warehouse wh, Reference ref, String batchId) {
    if (!cfg.graduates().entryShare().keySet().containsAll(GraduateConform.LEVELS)) {
      throw new InvalidConfigException("graduates.entry-share must give a share for each of " + GraduateConform.LEVELS
          + ", has " + cfg.graduates().entryShare().keySet());
    }
    long start = System.nanoTime();
    // Rows of file versions replaced tonight go first: the new version must not conflict with its old self.
    Set<Integer> touched = new TreeSet<>(removeSuperseded(wh, cfg.vacancies().dedupeWindowDays()));
    // The unique vacancies can be updated for tonight's ads alone when every other ad is as it was.
    boolean onlyNewAds = touched.isEmpty() && batchRows(wh, Table.SILVER_VACANCY_ADS, batchId) == 0;
    if (touched.isEmpty() && nothingToDo(wh, batchId)) {
      LOG.info("conform: batch {} brought no rows and nothing was replaced: silver unchanged", batchId);
      return new Result(touched, count(wh, batchId));
    }
    Dataset<Row> aliasKeys = Regions.aliasKeys(ref.regionAliases());
    // Ids are checked against the nights before this one, so a rerun of an older night judges as it did.
    Dataset<Row> existingAds = wh.exists(Table.SILVER_VACANCY_ADS)
        ? wh.read(Table.SILVER_VACANCY_ADS).where(col("_batch_id").lt(batchId))
        : spark.createDataFrame(List.of(), SilverSchemas.VACANCY_ADS);
    Checked vacancies = vacancies(vacancyInput(spark, wh, ref, cfg, batchId), ref, aliasKeys, cfg, existingAds);
    Checked graduates = graduates(bronzeBatch(spark, wh, Source.GRADUATES, batchId), ref, aliasKeys, cfg);
    Checked canonicalWages = wages(bronzeBatch(spark, wh, Source.WAGES, batchId), ref, aliasKeys, cfg);
    Checked statWages = statWages(bronzeBatch(spark, wh, Source.STAT_WAGES, batchId), ref, aliasKeys, cfg);
    Checked wages = new Checked(canonicalWages.accepted().unionByName(statWages.accepted()),
        canonicalWages.quarantined().unionByName(statWages.quarantined()));

    Dataset<Row> quarantine = vacancies.quarantined().unionByName(graduates.quarantined()).unionByName(wages.quarantined());
    wh.replaceBatch(Schemas.shape(quarantine, SilverSchemas.QUARANTINE), Table.QUARANTINE, "_batch_id", batchId);
    wh.replaceBatch(Schemas.shape(vacancies.accepted(), SilverSchemas.VACANCY_ADS), Table.SILVER_VACANCY_ADS, "_batch_id", batchId);
    wh.replaceBatch(Schemas.shape(graduates.accepted(), SilverSchemas.GRADUATES), Table.SILVER_GRADUATES, "_batch_id", batchId);
    wh.replaceBatch(Schemas.shape(wages.accepted(), SilverSchemas.WAGES), Table.SILVER_WAGES, "_batch_id", batchId);
    spark.catalog().clearCache();
    LOG.info("conform: batch {} validated: {} rows quarantined ({})", batchId,
        wh.read(Table.QUARANTINE).where(col("_batch_id").equalTo(batchId)).count(), Timing.since(start));

    touched.addAll(yearsOfBatch(wh, batchId, cfg.vacancies().dedupeWindowDays()));
    Map<String, RunCounts> counts = count(wh, batchId);
    // A rerun of an older night reloads files that later nights replaced: those rows go again.
    Set<Integer> replacedSince = removeSuperseded(wh, cfg.vacancies().dedupeWindowDays());
    touched.addAll(replacedSince);
    uniqueVacancies(wh, cfg, batchId, onlyNewAds && replacedSince.isEmpty(), start);

    Dataset<Row> cells = Supply.harmonised(Supply.graduateCells(wh.read(Table.SILVER_GRADUATES)), cfg.boundaryChanges());
    Dataset<Row> supply = Supply.withWorkRegion(
        Supply.allocate(cells, ref.crosswalk(), ref.crosswalkFields(), cfg.graduates().entryShare()), ref.mobility());
    wh.overwrite(Schemas.shape(supply, SilverSchemas.GRADUATE_SUPPLY), Table.SILVER_GRADUATE_SUPPLY);
    LOG.info("conform: done, years touched {} ({})", touched, Timing.since(start));
    return new Result(touched, counts);
  }

  /** Table property: the settings the stored unique vacancies were collapsed with. */
  static final String DEDUPE_SETTINGS = "skillgap.dedupe.settings";

  /** The settings the collapse depends on, as text that does not depend on a map's iteration order. */
  static String dedupeSettings(int windowDays, List<BoundaryChange> changes) {
    return "window=" + windowDays + ";boundaries=" + changes.stream()
        .map(c -> c.region() + "<" + c.until() + "=" + new TreeMap<>(c.shares())).toList();
  }

  /** Collapsed vacancies in today's regions (one row per part of a region split since) and silver's shape. */
  public static Dataset<Row> silverVacancies(Dataset<Row> collapsed, SkillgapConfig cfg) {
    return Schemas.shape(Boundaries.splitByDate(collapsed, "region", "first_posted_date", cfg.boundaryChanges()),
        SilverSchemas.VACANCIES);
  }

  /**
   * Rebuilds silver/vacancies from every current ad, or, when the night only added ads, no full rebuild
   * was asked for and the table was collapsed with today's settings, recomputes just the clusters
   * tonight's ads touch (the same rows, in time proportional to the night instead of the history).
   */
  static void uniqueVacancies(Warehouse wh, SkillgapConfig cfg, String batchId, boolean onlyNewAds, long start) {
    int window = cfg.vacancies().dedupeWindowDays();
    String settings = dedupeSettings(window, cfg.boundaryChanges());
    // Ads located abroad stay in silver with their country; the gap tables are for this country's regions.
    Dataset<Row> homeAds = wh.read(Table.SILVER_VACANCY_ADS).where(col("country").equalTo(cfg.sources().homeCountry()));
    if (onlyNewAds && !cfg.run().fullRebuild() && settings.equals(wh.properties(Table.SILVER_VACANCIES).get(DEDUPE_SETTINGS))) {
      Dedupe.Touched t = Dedupe.touched(homeAds, homeAds.where(col("_batch_id").equalTo(batchId)),
          wh.read(Table.SILVER_VACANCIES), window);
      wh.replaceKeys(silverVacancies(t.vacancies(), cfg), Table.SILVER_VACANCIES, t.clusters(), "cluster_key");
      Map<String, String> m = wh.lastCommitMetrics(Table.SILVER_VACANCIES);
      LOG.info("conform: {} clusters touched by the night's ads recomputed: {} vacancy rows replaced by {} ({})",
          t.clusters().count(), m.getOrDefault("numTargetRowsDeleted", "?"), m.getOrDefault("numTargetRowsInserted", "?"),
          Timing.since(start));
      homeAds.sparkSession().catalog().clearCache();
      return;
    }
    wh.overwrite(silverVacancies(Dedupe.collapse(homeAds, window), cfg), Table.SILVER_VACANCIES);
    LOG.info("conform: {} vacancy rows in silver (a vacancy of a region split since has one per part) ({})",
        wh.lastCommitRows(Table.SILVER_VACANCIES), Timing.since(start));
    // Deletion vectors let the next night's MERGE mark replaced rows instead of rewriting every file.
    wh.setProperties(Table.SILVER_VACANCIES, Map.of("delta.enableDeletionVectors", "true", DEDUPE_SETTINGS, settings));
  }

  /** The batch's accounting per source: bronze rows read, silver rows accepted, quarantined by reason. */
  public static Map<String, RunCounts> count(Warehouse wh, String batchId) {
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    if (wh.exists(Table.QUARANTINE)) {
      for (Row r : wh.read(Table.QUARANTINE).where(col("_batch_id").equalTo(batchId)).groupBy("source", "reason").count().collectAsList()) {
        reasons.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
      }
    }
    Map<String, RunCounts> out = new LinkedHashMap<>();
    Map<String, Map<String, Long>> coding = new TreeMap<>();
    if (wh.exists(Table.SILVER_VACANCY_ADS)) {
      for (Row r : wh.read(Table.SILVER_VACANCY_ADS).where(col("_batch_id").equalTo(batchId))
          .groupBy("origin", "occupation_method").count().collectAsList()) {
        coding.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(String.valueOf(r.get(1)), r.getLong(2));
      }
    }
    for (Source s : Source.values()) {
      long read = batchRows(wh, Ingest.bronzeTable(s), batchId);
      long accepted = read == 0 ? 0 : acceptedRows(wh, s, batchId);
      Map<String, Long> byReason = reasons.getOrDefault(s.folder(), Map.of());
      out.put(s.folder(), new RunCounts(read, accepted, byReason.values().stream().mapToLong(Long::longValue).sum(), byReason,
          coding.getOrDefault(s.folder(), Map.of())));
    }
    return out;
  }

  /** Input rows of a source that silver accepted (a stat.gov.kz row gives several wage rows: counted once). */
  private static long acceptedRows(Warehouse wh, Source s, String batchId) {
    Table t = silverRows(s);
    if (!wh.exists(t)) {
      return 0;
    }
    Dataset<Row> rows = wh.read(t).where(col("_batch_id").equalTo(batchId));
    if (t != Table.SILVER_GRADUATES) {
      rows = rows.where(col("origin").equalTo(s.folder()));
    }
    return s == Source.STAT_WAGES ? rows.select(Source.SOURCE_FILE, "_row_id").distinct().count() : rows.count();
  }

  /** The silver table holding a source's accepted rows, one per input row. */
  public static Table silverRows(Source s) {
    return switch (s) {
      case VACANCIES, HH, ENBEK -> Table.SILVER_VACANCY_ADS;
      case WAGES, STAT_WAGES -> Table.SILVER_WAGES;
      case GRADUATES -> Table.SILVER_GRADUATES;
    };
  }

  private static long batchRows(Warehouse wh, Table t, String batchId) {
    return wh.exists(t) ? wh.read(t).where(col("_batch_id").equalTo(batchId)).count() : 0;
  }

  /**
   * True when the batch has no bronze rows and no silver rows from an earlier attempt: then there is
   * nothing to validate and nothing to rebuild.
   */
  static boolean nothingToDo(Warehouse wh, String batchId) {
    for (Table t : List.of(Table.BRONZE_VACANCIES, Table.BRONZE_WAGES, Table.BRONZE_GRADUATES, Table.BRONZE_HH,
        Table.BRONZE_STAT_WAGES, Table.BRONZE_ENBEK, Table.SILVER_VACANCY_ADS,
        Table.SILVER_GRADUATES, Table.SILVER_WAGES, Table.QUARANTINE)) {
      if (wh.exists(t) && !wh.read(t).where(col("_batch_id").equalTo(batchId)).isEmpty()) {
        return false;
      }
    }
    return wh.exists(Table.SILVER_VACANCIES) && wh.exists(Table.SILVER_GRADUATE_SUPPLY);
  }

  /** Years the batch's rows speak for; an ad can join a vacancy first posted up to the window earlier. */
  static Set<Integer> yearsOfBatch(Warehouse wh, String batchId, int windowDays) {
    Set<Integer> years = new TreeSet<>();
    Dataset<Row> ads = wh.read(Table.SILVER_VACANCY_ADS).where(col("_batch_id").equalTo(batchId));
    years.addAll(distinctYears(ads.select(year(col("posted_date")).as("y"))
        .union(ads.select(year(date_sub(col("posted_date"), windowDays)).as("y")))));
    years.addAll(distinctYears(wh.read(Table.SILVER_GRADUATES).where(col("_batch_id").equalTo(batchId)).select(col("year").as("y"))));
    years.addAll(distinctYears(wh.read(Table.SILVER_WAGES).where(col("_batch_id").equalTo(batchId)).select(col("year").as("y"))));
    return years;
  }

  /**
   * Removes the rows of file versions replaced since they were loaded; returns their years. Idempotent:
   * on a second pass there is nothing left to remove.
   */
  static Set<Integer> removeSuperseded(Warehouse wh, int windowDays) {
    Dataset<Row> keys = IngestLog.superseded(wh).cache();
    Set<Integer> years = new TreeSet<>();
    if (keys.isEmpty()) {
      return years;
    }
    if (!wh.exists(Table.SILVER_VACANCY_ADS)) {
      return years;
    }
    Dataset<Row> ads = wh.read(Table.SILVER_VACANCY_ADS).join(keys, new String[] {"_source_file", "_batch_id"});
    years.addAll(distinctYears(ads.select(year(col("posted_date")).as("y"))
        .union(ads.select(year(date_sub(col("posted_date"), windowDays)).as("y")))));
    for (Table t : List.of(Table.SILVER_GRADUATES, Table.SILVER_WAGES)) {
      if (wh.exists(t)) {
        years.addAll(distinctYears(wh.read(t).join(keys, new String[] {"_source_file", "_batch_id"}).select(col("year").as("y"))));
      }
    }
    if (!years.isEmpty()) {
      for (Table t : List.of(Table.SILVER_VACANCY_ADS, Table.SILVER_GRADUATES, Table.SILVER_WAGES)) {
        wh.deleteMatching(t, keys, "_source_file", "_batch_id");
      }
      LOG.info("conform: removed the rows of {} replaced file versions (years {})", keys.count(), years);
    }
    keys.unpersist();
    return years;
  }

  /** Distinct years of a one-column frame (a handful of values). */
  private static Set<Integer> distinctYears(Dataset<Row> years) {
    Set<Integer> out = new TreeSet<>();
    for (Row r : years.distinct().collectAsList()) {
      if (!r.isNullAt(0)) {
        out.add(r.getInt(0));
      }
    }
    return out;
  }

  /** The batch's bronze rows of a source; none (an empty frame) when the source had no files. */
  static Dataset<Row> bronzeBatch(SparkSession spark, Warehouse wh, Source source, String batchId) {
    Table t = Ingest.bronzeTable(source);
    if (!wh.exists(t)) {
      return spark.createDataFrame(List.of(), source.bronzeSchema());
    }
    return wh.read(t).where(col("_batch_id").equalTo(batchId));
  }
}
