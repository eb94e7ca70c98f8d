package io.skillgap.publish;

import static org.apache.spark.sql.functions.col;

import io.skillgap.store.Schemas;
import io.skillgap.config.SkillgapConfig.DisclosureSettings;
import io.skillgap.run.Timing;
import io.skillgap.store.Warehouse;
import io.skillgap.gap.GroupTotals;
import io.skillgap.store.Table;
import io.skillgap.run.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Gold to the published Parquet that BI tools and officials read: disclosure control applied, one
 * folder per table, partitioned by year. The unsuppressed gold Delta tables stay internal. Tables are
 * written aside (a staging folder) and switched in only when all are complete (see {@link Publication}).
 */
public final class Publish {
  private static final Logger LOG = LogManager.getLogger(Publish.class);

  /** The published tables, in the order they are written. */
  public static final java.util.List<Table> PUBLISHED = java.util.List.of(Table.GOLD_OCCUPATION_REGION_GAP, Table.GOLD_PROGRAM_GAP,
      Table.GOLD_SECTOR_REGION_SUMMARY, Table.GOLD_SHORTAGE_RANKING, Table.GOLD_INDEX_SENSITIVITY, Table.GOLD_SKILL_DEMAND,
      Table.GOLD_PROGRAM_SKILL_PROFILE);

  private Publish() {}

  /** The dimension tables of the star schema, written beside the facts. */
  public static final java.util.List<String> DIMENSIONS = java.util.List.of("dim_occupation", "dim_region", "dim_field", "dim_sector",
      "dim_year", "dim_skill");

  /** Every published folder: facts, then dimensions. */
  public static java.util.List<String> names() {
    java.util.List<String> names = new java.util.ArrayList<>();
    PUBLISHED.forEach(t -> names.add(t.tableName()));
    names.addAll(DIMENSIONS);
    return names;
  }

  /**
   * Writes each published table under {@code publishRoot} (a staging folder); returns the row count of each.
   * The occupation table goes first (the others read its suppression); then the rest two at a time.
   */
  public static Map<String, Long> tables(Warehouse wh, String publishRoot, io.skillgap.config.SkillgapConfig cfg,
      io.skillgap.reference.Reference ref) {
    DisclosureSettings disclosure = cfg.disclosure();
    long start = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    java.util.concurrent.atomic.AtomicLong profileRows = new java.util.concurrent.atomic.AtomicLong();
    Dataset<Row> occupations = SafeTables.occupations(wh.read(Table.GOLD_OCCUPATION_REGION_GAP), disclosure).cache();
    try {
      rows.put(Table.GOLD_OCCUPATION_REGION_GAP.tableName(),
          write(occupations, PublishedSchemas.OCCUPATION_REGION_GAP, Table.GOLD_OCCUPATION_REGION_GAP, publishRoot, start));
      Dataset<Row> units = GroupTotals.units(occupations);
      // The sector summary, then skill_demand (whose sector cells follow its hidden totals) and the profiles:
      // the longest step, beside the others.
      java.util.concurrent.atomic.AtomicLong sectorRows = new java.util.concurrent.atomic.AtomicLong();
      List<Supplier<Long>> steps = List.of(
          () -> {
            Dataset<Row> sectors = SafeTables.sectors(wh.read(Table.GOLD_SECTOR_REGION_SUMMARY), units, occupations.where("isco_level < 4"),
                disclosure).cache();
            try {
              sectorRows.set(write(sectors, PublishedSchemas.SECTOR_REGION_SUMMARY, Table.GOLD_SECTOR_REGION_SUMMARY, publishRoot, start));
              return skills(wh, occupations, sectors, cfg, ref, publishRoot, start, profileRows);
            } finally {
              sectors.unpersist();
            }
          },
          () -> write(SafeTables.programs(wh.read(Table.GOLD_PROGRAM_GAP), units, disclosure), PublishedSchemas.PROGRAM_GAP,
              Table.GOLD_PROGRAM_GAP, publishRoot, start),
          () -> write(SafeTables.ranking(wh.read(Table.GOLD_SHORTAGE_RANKING), units), PublishedSchemas.SHORTAGE_RANKING,
              Table.GOLD_SHORTAGE_RANKING, publishRoot, start),
          () -> write(wh.read(Table.GOLD_INDEX_SENSITIVITY), PublishedSchemas.INDEX_SENSITIVITY, Table.GOLD_INDEX_SENSITIVITY, publishRoot, start),
          () -> dimension(Dimensions.occupation(ref), Dimensions.OCCUPATION, "dim_occupation", publishRoot),
          () -> dimension(Dimensions.region(ref), Dimensions.REGION, "dim_region", publishRoot),
          () -> dimension(Dimensions.field(ref), Dimensions.FIELD, "dim_field", publishRoot),
          () -> dimension(Dimensions.sector(ref), Dimensions.SECTOR, "dim_sector", publishRoot),
          () -> dimension(Dimensions.year(wh.read(Table.GOLD_OCCUPATION_REGION_GAP)), Dimensions.YEAR, "dim_year", publishRoot),
          () -> dimension(Dimensions.skill(ref), Dimensions.SKILL, "dim_skill", publishRoot));
      List<String> names = new ArrayList<>(List.of(Table.GOLD_SKILL_DEMAND.tableName()));
      PUBLISHED.stream().skip(1).filter(t -> t != Table.GOLD_SKILL_DEMAND && t != Table.GOLD_PROGRAM_SKILL_PROFILE
          && t != Table.GOLD_SECTOR_REGION_SUMMARY).forEach(t -> names.add(t.tableName()));
      names.addAll(DIMENSIONS);
      List<Long> counts = Parallel.run(steps, 2);
      for (int i = 0; i < names.size(); i++) {
        rows.put(names.get(i), counts.get(i));
      }
      rows.put(Table.GOLD_SECTOR_REGION_SUMMARY.tableName(), sectorRows.get());
      rows.put(Table.GOLD_PROGRAM_SKILL_PROFILE.tableName(), profileRows.get());
      // In the order of the published tables, then the dimensions (the summary and the log list them so).
      Map<String, Long> ordered = new LinkedHashMap<>();
      names().forEach(name -> ordered.put(name, rows.get(name)));
      rows.clear();
      rows.putAll(ordered);
    } finally {
      occupations.unpersist();
    }
    LOG.info("publish: dimensions ({})", Timing.since(start));
    return rows;
  }

  /**
   * skill_demand, then each field's profile, which reads its suppression; returns skill_demand's rows
   * and puts the profile's in {@code profileRows}.
   */
  private static long skills(Warehouse wh, Dataset<Row> safeOccupations, Dataset<Row> safeSectors, io.skillgap.config.SkillgapConfig cfg,
      io.skillgap.reference.Reference ref, String publishRoot, long start, java.util.concurrent.atomic.AtomicLong profileRows) {
    Dataset<Row> demand = SafeSkills.demand(wh.read(Table.GOLD_SKILL_DEMAND), safeOccupations, safeSectors, cfg.disclosure(),
        cfg.reliability().highMinCount()).cache();
    try {
      long n = write(demand, PublishedSchemas.SKILL_DEMAND, Table.GOLD_SKILL_DEMAND, publishRoot, start);
      profileRows.set(write(SafeSkills.profiles(wh.read(Table.SILVER_GRADUATE_SUPPLY), demand, ref.isced(), cfg.index().minObservations(),
              io.skillgap.gap.Gap.PROFILE_TOP), PublishedSchemas.PROGRAM_SKILL_PROFILE, Table.GOLD_PROGRAM_SKILL_PROFILE, publishRoot, start));
      return n;
    } finally {
      demand.unpersist();
    }
  }

  /** A dimension: one small file, not partitioned; returns its rows. */
  private static long dimension(Dataset<Row> d, StructType schema, String name, String publishRoot) {
    Dataset<Row> out = Schemas.shape(d, schema);
    out.repartition(1).write().mode("overwrite").parquet(publishRoot + "/" + name);
    return out.count();
  }

  /** Writes one published table; returns its rows. */
  private static long write(Dataset<Row> safe, StructType schema, Table table, String publishRoot, long start) {
    Dataset<Row> out = Schemas.shape(safe, schema).cache();
    long n = out.count();
    if (n == 0) {
      // No year folder to write: one empty file still carries the schema, so readers get a table, not an error.
      out.repartition(1).write().mode("overwrite").parquet(publishRoot + "/" + table.tableName());
    } else {
      // One file per year: published tables are small (years x regions x occupations), BI tools like few files.
      out.repartition(col("year")).sortWithinPartitions("region").write().mode("overwrite").partitionBy("year")
          .parquet(publishRoot + "/" + table.tableName());
    }
    out.unpersist();
    LOG.info("publish: {} ({} rows) ({})", table.tableName(), n, Timing.since(start));
    return n;
  }
}
