package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.skillgap.config.Reference;
import io.skillgap.config.Schemas;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.config.Timing;
import io.skillgap.config.Warehouse;
import io.skillgap.config.Warehouse.Table;
import io.skillgap.ingest.Ingest;
import io.skillgap.ingest.Source;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** Bronze to silver: each source typed and validated, failures to quarantine, duplicates collapsed, supply allocated. */
public final class Conform {
  private static final Logger LOG = LogManager.getLogger(Conform.class);

  private Conform() {}

  /** A source's rows after validation: accepted (silver shape) and quarantined (quarantine shape). */
  public record Checked(Dataset<Row> accepted, Dataset<Row> quarantined) {}

  public static Checked vacancies(Dataset<Row> bronze, Reference ref, Dataset<Row> aliasKeys, SkillgapConfig cfg) {
    Dataset<Row> rows = VacancyConform.typed(bronze, cfg.vacancies());
    rows = Regions.withRegionCode(rows, "region", aliasKeys, "v_region");
    rows = VacancyConform.withOccupation(rows, ref.iscoUnits());
    rows = VacancyConform.withActivity(rows, ref.nace());
    rows = VacancyConform.withMonthlySalaryKzt(rows, ref.currencyRates(), cfg.vacancies().periodFactors());
    Dataset<Row> checked = once(Rules.check(rows, VacancyConform.rules(cfg.vacancies(), cfg.run().asOfDate())));
    return split(checked, Source.VACANCIES, VacancyConform.acceptedAds(Rules.accepted(checked)));
  }

  public static Checked graduates(Dataset<Row> bronze, Reference ref, Dataset<Row> aliasKeys, SkillgapConfig cfg) {
    Dataset<Row> rows = GraduateConform.typed(bronze);
    rows = Regions.withRegionCode(rows, "region", aliasKeys, "g_region");
    rows = GraduateConform.withField(rows, ref.isced(), ref.kzDirections());
    Dataset<Row> checked = once(Rules.check(rows, GraduateConform.rules(cfg.run().asOfDate())));
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

  /** The composite: reads the batch from bronze, writes quarantine and the four silver tables. */
  public static void run(SparkSession spark, SkillgapConfig cfg, Warehouse wh, Reference ref, String batchId) {
    if (!cfg.graduates().entryShare().keySet().containsAll(GraduateConform.LEVELS)) {
      throw new InvalidConfigException("graduates.entry-share must give a share for each of " + GraduateConform.LEVELS
          + ", has " + cfg.graduates().entryShare().keySet());
    }
    long start = System.nanoTime();
    Dataset<Row> aliasKeys = Regions.aliasKeys(ref.regionAliases());
    Checked vacancies = vacancies(bronzeBatch(spark, wh, Source.VACANCIES, batchId), ref, aliasKeys, cfg);
    Checked graduates = graduates(bronzeBatch(spark, wh, Source.GRADUATES, batchId), ref, aliasKeys, cfg);
    Checked wages = wages(bronzeBatch(spark, wh, Source.WAGES, batchId), ref, aliasKeys, cfg);

    Dataset<Row> quarantine = vacancies.quarantined().unionByName(graduates.quarantined()).unionByName(wages.quarantined());
    wh.append(Schemas.shape(quarantine, SilverSchemas.QUARANTINE), Table.QUARANTINE);
    LOG.info("conform: {} rows quarantined ({})", wh.lastCommitRows(Table.QUARANTINE), Timing.since(start));

    Dataset<Row> collapsed = Boundaries.splitByDate(Dedupe.collapse(vacancies.accepted(), cfg.vacancies().dedupeWindowDays()),
        "region", "first_posted_date", cfg.boundaryChanges()).withColumn("_batch_id", lit(batchId));
    wh.overwrite(Schemas.shape(collapsed, SilverSchemas.VACANCIES), Table.SILVER_VACANCIES);
    LOG.info("conform: {} vacancy rows in silver (a vacancy of a region split since has one per part) ({})", wh.lastCommitRows(Table.SILVER_VACANCIES), Timing.since(start));

    Dataset<Row> grads = graduates.accepted().withColumn("_batch_id", lit(batchId));
    wh.overwrite(Schemas.shape(grads, SilverSchemas.GRADUATES), Table.SILVER_GRADUATES);
    Dataset<Row> cells = Supply.harmonised(Supply.graduateCells(wh.read(Table.SILVER_GRADUATES)), cfg.boundaryChanges());
    Dataset<Row> supply = Supply.withWorkRegion(
        Supply.allocate(cells, ref.crosswalk(), ref.crosswalkFields(), cfg.graduates().entryShare()), ref.mobility())
        .withColumn("_batch_id", lit(batchId));
    wh.overwrite(Schemas.shape(supply, SilverSchemas.GRADUATE_SUPPLY), Table.SILVER_GRADUATE_SUPPLY);
    LOG.info("conform: graduates and supply in silver ({})", Timing.since(start));

    wh.overwrite(Schemas.shape(wages.accepted().withColumn("_batch_id", lit(batchId)), SilverSchemas.WAGES), Table.SILVER_WAGES);
    spark.catalog().clearCache();
    LOG.info("conform: done ({})", Timing.since(start));
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
