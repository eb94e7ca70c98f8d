package io.skillgap.publish;

import static org.apache.spark.sql.functions.col;

import io.skillgap.store.Schemas;
import io.skillgap.config.SkillgapConfig.DisclosureSettings;
import io.skillgap.run.Timing;
import io.skillgap.store.Warehouse;
import io.skillgap.gap.GroupTotals;
import io.skillgap.store.Table;
import java.util.LinkedHashMap;
import java.util.Map;
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
      Table.GOLD_SECTOR_REGION_SUMMARY, Table.GOLD_SHORTAGE_RANKING, Table.GOLD_INDEX_SENSITIVITY);

  private Publish() {}

  /** The dimension tables of the star schema, written beside the facts. */
  public static final java.util.List<String> DIMENSIONS = java.util.List.of("dim_occupation", "dim_region", "dim_field", "dim_sector",
      "dim_year");

  /** Every published folder: facts, then dimensions. */
  public static java.util.List<String> names() {
    java.util.List<String> names = new java.util.ArrayList<>();
    PUBLISHED.forEach(t -> names.add(t.tableName()));
    names.addAll(DIMENSIONS);
    return names;
  }

  /** Writes each published table under {@code publishRoot} (a staging folder); returns the row count of each. */
  public static Map<String, Long> tables(Warehouse wh, String publishRoot, DisclosureSettings disclosure, io.skillgap.reference.Reference ref) {
    long start = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    Dataset<Row> occupations = SafeTables.occupations(wh.read(Table.GOLD_OCCUPATION_REGION_GAP), disclosure).cache();
    write(occupations, PublishedSchemas.OCCUPATION_REGION_GAP, Table.GOLD_OCCUPATION_REGION_GAP, publishRoot, rows, start);
    Dataset<Row> units = GroupTotals.units(occupations);
    write(SafeTables.programs(wh.read(Table.GOLD_PROGRAM_GAP), units, disclosure), PublishedSchemas.PROGRAM_GAP,
        Table.GOLD_PROGRAM_GAP, publishRoot, rows, start);
    write(SafeTables.sectors(wh.read(Table.GOLD_SECTOR_REGION_SUMMARY), units, occupations.where("isco_level < 4"), disclosure), PublishedSchemas.SECTOR_REGION_SUMMARY,
        Table.GOLD_SECTOR_REGION_SUMMARY, publishRoot, rows, start);
    write(SafeTables.ranking(wh.read(Table.GOLD_SHORTAGE_RANKING), units), PublishedSchemas.SHORTAGE_RANKING,
        Table.GOLD_SHORTAGE_RANKING, publishRoot, rows, start);
    write(wh.read(Table.GOLD_INDEX_SENSITIVITY), PublishedSchemas.INDEX_SENSITIVITY, Table.GOLD_INDEX_SENSITIVITY, publishRoot, rows, start);
    occupations.unpersist();
    dimension(Dimensions.occupation(ref), Dimensions.OCCUPATION, "dim_occupation", publishRoot, rows);
    dimension(Dimensions.region(ref), Dimensions.REGION, "dim_region", publishRoot, rows);
    dimension(Dimensions.field(ref), Dimensions.FIELD, "dim_field", publishRoot, rows);
    dimension(Dimensions.sector(ref), Dimensions.SECTOR, "dim_sector", publishRoot, rows);
    dimension(Dimensions.year(wh.read(Table.GOLD_OCCUPATION_REGION_GAP)), Dimensions.YEAR, "dim_year", publishRoot, rows);
    LOG.info("publish: dimensions ({})", Timing.since(start));
    return rows;
  }

  /** A dimension: one small file, not partitioned. */
  private static void dimension(Dataset<Row> d, StructType schema, String name, String publishRoot, Map<String, Long> rows) {
    Dataset<Row> out = Schemas.shape(d, schema);
    out.repartition(1).write().mode("overwrite").parquet(publishRoot + "/" + name);
    rows.put(name, out.count());
  }

  private static void write(Dataset<Row> safe, StructType schema, Table table, String publishRoot, Map<String, Long> rows, long start) {
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
    rows.put(table.tableName(), n);
    out.unpersist();
    LOG.info("publish: {} ({} rows) ({})", table.tableName(), rows.get(table.tableName()), Timing.since(start));
  }
}
