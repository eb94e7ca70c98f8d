package io.skillgap.publish;

import static org.apache.spark.sql.functions.col;

import io.skillgap.config.Timing;
import io.skillgap.config.Warehouse;
import io.skillgap.config.Warehouse.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Gold to the published Parquet that BI tools and officials read: one folder per table, partitioned by year. */
public final class Publish {
  private static final Logger LOG = LogManager.getLogger(Publish.class);

  /** The gold tables that are published, in the order they are written. */
  public static final List<Table> PUBLISHED = List.of(
      Table.GOLD_OCCUPATION_REGION_GAP, Table.GOLD_PROGRAM_GAP, Table.GOLD_SECTOR_REGION_SUMMARY);

  private Publish() {}

  /** Writes each gold table as Parquet under {@code publishRoot}; returns the row count of each. */
  public static Map<String, Long> tables(Warehouse wh, String publishRoot) {
    long start = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Table t : PUBLISHED) {
      Dataset<Row> gold = wh.read(t);
      // One file per year: gold tables are small (years x regions x occupations), BI tools like few files.
      gold.repartition(col("year")).sortWithinPartitions("region").write().mode("overwrite").partitionBy("year")
          .parquet(publishRoot + "/" + t.tableName());
      rows.put(t.tableName(), gold.count());
      LOG.info("publish: {} ({} rows) ({})", t.tableName(), rows.get(t.tableName()), Timing.since(start));
    }
    return rows;
  }
}
