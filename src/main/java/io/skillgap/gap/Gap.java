package io.skillgap.gap;

import io.skillgap.config.Reference;
import io.skillgap.config.Schemas;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.Timing;
import io.skillgap.config.Warehouse;
import io.skillgap.config.Warehouse.Table;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Silver to gold: the gap tables, the shortage index with its reliability, the ranking and its sensitivity. */
public final class Gap {
  private static final Logger LOG = LogManager.getLogger(Gap.class);

  private Gap() {}

  /** The occupation table with indicators, scores, index, status and confidence. */
  public static Dataset<Row> occupations(Dataset<Row> vacancies, Dataset<Row> supply, Dataset<Row> wages, Reference ref,
      SkillgapConfig cfg) {
    // Gold-sized (years x regions x occupations): materialised once here because every later step reads it
    // several times (year medians, region references, previous years), which would re-run the joins each time.
    Dataset<Row> keyed = OccupationGap.keyed(vacancies, supply, cfg.index().longVacancyDays()).localCheckpoint();
    Dataset<Row> measured = OccupationGap.measure(keyed, vacancies, OccupationGap.harmonisedWages(wages, cfg.boundaryChanges()),
        ref.iscoUnits(), ref.sectorByOccupation()).localCheckpoint();
    Dataset<Row> scored = ShortageIndex.scores(Indicators.raw(measured, cfg.index().minObservations()).localCheckpoint(), cfg.index().clipZ());
    return Reliability.withConfidence(ShortageIndex.composite(scored, cfg.index()), cfg.reliability(), cfg.index());
  }

  public static void run(Warehouse wh, Reference ref, SkillgapConfig cfg) {
    long start = System.nanoTime();
    Dataset<Row> vacancies = wh.read(Table.SILVER_VACANCIES);
    Dataset<Row> supply = wh.read(Table.SILVER_GRADUATE_SUPPLY);

    Dataset<Row> occupations = occupations(vacancies, supply, wh.read(Table.SILVER_WAGES), ref, cfg);
    write(wh, occupations, GoldSchemas.OCCUPATION_REGION_GAP, Table.GOLD_OCCUPATION_REGION_GAP, start);

    Dataset<Row> gold = wh.read(Table.GOLD_OCCUPATION_REGION_GAP);
    write(wh, ProgramGap.build(supply, gold, ref.isced(), cfg.index()), GoldSchemas.PROGRAM_GAP, Table.GOLD_PROGRAM_GAP, start);
    write(wh, SectorSummary.build(gold, vacancies, ref.sectorByActivity(), cfg.index()), GoldSchemas.SECTOR_REGION_SUMMARY,
        Table.GOLD_SECTOR_REGION_SUMMARY, start);
    write(wh, ShortageRanking.build(gold, cfg.index()), GoldSchemas.SHORTAGE_RANKING, Table.GOLD_SHORTAGE_RANKING, start);
    write(wh, Sensitivity.build(gold, cfg.index()), GoldSchemas.INDEX_SENSITIVITY, Table.GOLD_INDEX_SENSITIVITY, start);
  }

  private static void write(Warehouse wh, Dataset<Row> rows, org.apache.spark.sql.types.StructType schema, Table table, long start) {
    wh.overwrite(Schemas.shape(rows, schema), table);
    LOG.info("gap: {} {} rows ({})", table.tableName(), wh.lastCommitRows(table), Timing.since(start));
  }
}
