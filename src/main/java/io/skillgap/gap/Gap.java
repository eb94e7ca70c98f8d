package io.skillgap.gap;

import io.skillgap.config.Reference;
import io.skillgap.config.Schemas;
import io.skillgap.config.Timing;
import io.skillgap.config.Warehouse;
import io.skillgap.config.Warehouse.Table;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Silver to gold: the three gap tables. */
public final class Gap {
  private static final Logger LOG = LogManager.getLogger(Gap.class);

  private Gap() {}

  public static void run(Warehouse wh, Reference ref) {
    long start = System.nanoTime();
    Dataset<Row> vacancies = wh.read(Table.SILVER_VACANCIES);
    Dataset<Row> supply = wh.read(Table.SILVER_GRADUATE_SUPPLY);
    Dataset<Row> wages = wh.read(Table.SILVER_WAGES);

    Dataset<Row> occupation = OccupationGap.build(vacancies, supply, wages, ref.iscoUnits(), ref.sectorByOccupation());
    wh.overwrite(Schemas.shape(occupation, GoldSchemas.OCCUPATION_REGION_GAP), Table.GOLD_OCCUPATION_REGION_GAP);
    LOG.info("gap: occupation_region_gap {} rows ({})", wh.lastCommitRows(Table.GOLD_OCCUPATION_REGION_GAP), Timing.since(start));

    Dataset<Row> gold = wh.read(Table.GOLD_OCCUPATION_REGION_GAP);
    wh.overwrite(Schemas.shape(ProgramGap.build(supply, gold, ref.isced()), GoldSchemas.PROGRAM_GAP), Table.GOLD_PROGRAM_GAP);
    LOG.info("gap: program_gap {} rows ({})", wh.lastCommitRows(Table.GOLD_PROGRAM_GAP), Timing.since(start));

    wh.overwrite(Schemas.shape(SectorSummary.build(gold, vacancies, ref.sectorByActivity()), GoldSchemas.SECTOR_REGION_SUMMARY),
        Table.GOLD_SECTOR_REGION_SUMMARY);
    LOG.info("gap: sector_region_summary {} rows ({})", wh.lastCommitRows(Table.GOLD_SECTOR_REGION_SUMMARY), Timing.since(start));
  }
}
