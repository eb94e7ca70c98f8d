package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.reference.Reference;
import io.skillgap.run.Timing;
import io.skillgap.store.Bronze;
import io.skillgap.store.StoredTable;
import io.skillgap.store.Table;
import io.skillgap.store.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Bronze to silver: the batch's rows of every registered source ({@link Source}) typed and validated by
 * its adapter, failures to quarantine, accepted rows to the silver row tables (replacing the batch's
 * earlier attempt), rows of file versions replaced since removed ({@link FileVersions}); then the unique
 * vacancies ({@link UniqueVacancies}) and the graduate supply rebuilt from every current row.
 */
public final class Conform {
  private static final Logger LOG = LogManager.getLogger(Conform.class);

  private Conform() {}

  /**
   * Rows after validation: accepted (silver shape) and quarantined (quarantine shape), and the frames held
   * in memory to compute them once (released after the writes).
   */
  public record Checked(Dataset<Row> accepted, Dataset<Row> quarantined, List<Dataset<Row>> cached) {
    /** Both sides of several sources' rows bound for one silver table. */
    static Checked union(List<Checked> parts) {
      List<Dataset<Row>> cached = new ArrayList<>();
      parts.forEach(p -> cached.addAll(p.cached()));
      return new Checked(parts.stream().map(Checked::accepted).reduce(Dataset::unionByName).orElseThrow(),
          parts.stream().map(Checked::quarantined).reduce(Dataset::unionByName).orElseThrow(), cached);
    }

    void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** What conform did: the years whose figures changed, and the batch's accounting per source. */
  public record Result(Set<Integer> touched, Map<String, Accounting.Counts> counts) {}

  /** Vacancy rows of every source in the common shape ({@link VacancyInput}), judged by one set of rules. */
  public static Checked vacancies(Dataset<Row> input, Reference ref, Dataset<Row> aliasKeys, SkillgapConfig cfg,
      Dataset<Row> existingAds) {
    Dataset<Row> rows = VacancyConform.typed(input, cfg.vacancies());
    rows = Regions.withRegionCode(rows, "region", aliasKeys, "v_region");
    rows = VacancyConform.withOccupation(rows, ref.iscoUnits());
    rows = Occupations.withCoding(rows, ref.classifier());
    rows = VacancyConform.withActivity(rows, ref.nace());
    rows = Skills.withSkills(rows, ref.skills());
    // Materialised after the joins: the typed columns, four joins and the rules in one generated method
    // would outgrow Java's 64 KB limit (Spark would fall back to slow interpreted code, loudly).
    Dataset<Row> priced = once(VacancyConform.withMonthlySalaryKzt(rows, ref.currencyRates(), cfg.vacancies().periodFactors()));
    Dataset<Row> ruled = Rules.check(priced, VacancyConform.rules(cfg.vacancies(), cfg.run().asOfDate()));
    Dataset<Row> checked = once(VacancyConform.flagIdConflicts(ruled, existingAds, cfg.piiSalt()));
    return new Checked(VacancyConform.acceptedAds(Rules.accepted(checked), cfg.piiSalt()),
        Rules.quarantined(checked, col(VacancyInput.ORIGIN), col(VacancyInput.RAW)), List.of(priced, checked));
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
    return new Checked(accepted, Rules.quarantined(checked, source), List.of(checked));
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
    int window = cfg.vacancies().dedupeWindowDays();
    // Rows of file versions replaced tonight go first: the new version must not conflict with its old self.
    Set<Integer> touched = new TreeSet<>(FileVersions.removeSuperseded(wh, window));
    // The unique vacancies can be updated for tonight's ads alone when every other ad is as it was.
    boolean onlyNewAds = touched.isEmpty() && Accounting.rows(wh, Table.SILVER_VACANCY_ADS, batchId) == 0;
    if (touched.isEmpty() && nothingToDo(wh, batchId)) {
      LOG.info("conform: batch {} brought no rows and nothing was replaced: silver unchanged", batchId);
      return new Result(touched, Accounting.count(wh, batchId));
    }
    validate(spark, cfg, wh, ref, batchId);
    touched.addAll(FileVersions.yearsOfBatch(wh, batchId, window));
    Map<String, Accounting.Counts> counts = Accounting.count(wh, batchId);
    LOG.info("conform: batch {} validated: {} rows quarantined ({})", batchId,
        counts.values().stream().mapToLong(Accounting.Counts::quarantined).sum(), Timing.since(start));
    // A rerun of an older night reloads files that later nights replaced: those rows go again.
    Set<Integer> replacedSince = FileVersions.removeSuperseded(wh, window);
    touched.addAll(replacedSince);
    UniqueVacancies.update(wh, cfg, batchId, onlyNewAds && replacedSince.isEmpty(), start);

    Dataset<Row> cells = Supply.harmonised(Supply.graduateCells(wh.read(Table.SILVER_GRADUATES)), cfg.boundaryChanges());
    wh.overwrite(Supply.withWorkRegion(Supply.allocate(cells, ref.crosswalk(), ref.crosswalkFields(), cfg.graduates().entryShare()),
        ref.mobility()), Table.SILVER_GRADUATE_SUPPLY);
    LOG.info("conform: done, years touched {} ({})", touched, Timing.since(start));
    return new Result(touched, counts);
  }

  /**
   * Each source's batch through its adapter: the vacancy boards' rows together through one set of rules,
   * the others each on its own; quarantine and each silver table replaced for the batch in one commit.
   */
  static void validate(SparkSession spark, SkillgapConfig cfg, Warehouse wh, Reference ref, String batchId) {
    SourceAdapter.Context context = new SourceAdapter.Context(ref, Regions.aliasKeys(ref.regionAliases()), cfg);
    Map<Table, List<Checked>> bySilver = new LinkedHashMap<>();
    Set<Table> fed = new java.util.HashSet<>();
    List<Dataset<Row>> vacancyInput = new ArrayList<>();
    for (Source s : Source.values()) {
      boolean present = wh.mayHaveBatch(s.bronze(), batchId);
      if (present) {
        fed.add(s.silver());
      }
      // A source without the batch's partition has no rows tonight: no Delta scan to plan for it.
      Dataset<Row> bronze = present ? wh.read(s.bronze()).where(col(Bronze.BATCH).equalTo(batchId))
          : spark.createDataFrame(List.of(), s.bronze().schema());
      if (s.adapter() instanceof SourceAdapter.Vacancies v) {
        vacancyInput.add(v.input(bronze, context));
      } else if (s.adapter() instanceof SourceAdapter.Rows r) {
        bySilver.computeIfAbsent(s.silver(), k -> new ArrayList<>()).add(r.check(bronze, context));
      }
    }
    // Ids are checked against the nights before this one, so a rerun of an older night judges as it did.
    Dataset<Row> existingAds = wh.exists(Table.SILVER_VACANCY_ADS)
        ? wh.read(Table.SILVER_VACANCY_ADS).where(col(Bronze.BATCH).lt(batchId))
        : spark.createDataFrame(List.of(), Table.SILVER_VACANCY_ADS.schema());
    bySilver.computeIfAbsent(Table.SILVER_VACANCY_ADS, k -> new ArrayList<>())
        .add(vacancies(vacancyInput.stream().reduce(Dataset::unionByName).orElseThrow(), ref, context.aliasKeys(), cfg, existingAds));
    List<Checked> all = bySilver.values().stream().map(Checked::union).toList();
    try {
      if (!fed.isEmpty() || needsWrite(wh, Table.QUARANTINE, batchId)) {
        wh.replaceBatch(all.stream().map(Checked::quarantined).reduce(Dataset::unionByName).orElseThrow(), Table.QUARANTINE,
            Bronze.BATCH, batchId);
      }
      int i = 0;
      for (Table silver : bySilver.keySet()) {
        Checked checked = all.get(i++);
        if (fed.contains(silver) || needsWrite(wh, silver, batchId)) {
          wh.replaceBatch(checked.accepted(), silver, Bronze.BATCH, batchId);
        }
      }
    } finally {
      all.forEach(Checked::release);
    }
  }

  /**
   * A table no source fed tonight is written (empty) only when it does not exist yet (later steps read it)
   * or an earlier attempt left rows of the batch to replace: otherwise the commit would change nothing.
   */
  private static boolean needsWrite(Warehouse wh, StoredTable t, String batchId) {
    return !wh.exists(t) || wh.mayHaveBatch(t, batchId);
  }

  /**
   * True when the batch has no bronze rows and no silver rows from an earlier attempt: then there is
   * nothing to validate and nothing to rebuild.
   */
  static boolean nothingToDo(Warehouse wh, String batchId) {
    List<StoredTable> tables = new ArrayList<>(List.of(Table.QUARANTINE));
    for (Source s : Source.values()) {
      tables.add(s.bronze());
      if (!tables.contains(s.silver())) {
        tables.add(s.silver());
      }
    }
    for (StoredTable t : tables) {
      if (wh.mayHaveBatch(t, batchId) && !wh.read(t).where(col(Bronze.BATCH).equalTo(batchId)).isEmpty()) {
        return false;
      }
    }
    return wh.exists(Table.SILVER_VACANCIES) && wh.exists(Table.SILVER_GRADUATE_SUPPLY);
  }
}
