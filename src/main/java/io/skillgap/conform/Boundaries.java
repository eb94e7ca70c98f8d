package io.skillgap.conform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.year;

import io.skillgap.config.SkillgapConfig.BoundaryChange;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Regions across boundary changes: a row dated before a change, in a region that was split, becomes one
 * row per region of today with the configured share as its weight and region_estimated = true, so that
 * a 2021 figure for East Kazakhstan compares with 2023 figures for East Kazakhstan and Abai.
 */
public final class Boundaries {
  private Boundaries() {}

  static final StructType SPLITS = StructType.fromDDL("_from STRING, _until DATE, _to STRING, _share DOUBLE");

  /** The configured changes as a small table: one row per (old region, new region). */
  static Dataset<Row> splits(SparkSession spark, List<BoundaryChange> changes) {
    List<Row> rows = new ArrayList<>();
    for (BoundaryChange c : changes) {
      c.shares().forEach((to, share) -> rows.add(RowFactory.create(c.region(), Date.valueOf(c.until()), to, share)));
    }
    return broadcast(spark.createDataFrame(rows, SPLITS));
  }

  /** Rows with a date: split when the date is before the change (vacancies, by first posting). */
  public static Dataset<Row> splitByDate(Dataset<Row> rows, String regionCol, String dateCol, List<BoundaryChange> changes) {
    return split(rows, regionCol, col(dateCol).lt(col("_until")), changes);
  }

  /** Annual rows: split when the whole year lies before the change year (wages, graduates). */
  public static Dataset<Row> splitByYear(Dataset<Row> rows, String regionCol, String yearCol, List<BoundaryChange> changes) {
    return split(rows, regionCol, col(yearCol).lt(year(col("_until"))), changes);
  }

  private static Dataset<Row> split(Dataset<Row> rows, String regionCol, Column before, List<BoundaryChange> changes) {
    Dataset<Row> s = splits(rows.sparkSession(), changes);
    return rows.join(s, col(regionCol).equalTo(col("_from")).and(before), "left")
        .withColumn("region_estimated", col("_to").isNotNull())
        .withColumn("region_weight", coalesce(col("_share"), lit(1.0)))
        .withColumn(regionCol, coalesce(col("_to"), col(regionCol)))
        .drop("_from", "_until", "_to", "_share");
  }
}
