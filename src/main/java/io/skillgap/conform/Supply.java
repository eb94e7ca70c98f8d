package io.skillgap.conform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.skillgap.reference.Reference;
import io.skillgap.config.SkillgapConfig.BoundaryChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Graduates to occupations: supply(occupation, region, year) = sum over fields of graduates x crosswalk
 * weight x the share of that level's graduates who enter the labour market. Weights of a field sum to
 * one with the OTHER bucket, so no graduate is lost or counted twice.
 */
public final class Supply {
  private Supply() {}

  /** Graduates summed per year, region, field and level (several institutions may report one cell). */
  public static Dataset<Row> graduateCells(Dataset<Row> graduates) {
    return graduates.groupBy("year", "region", "field_code", "level").agg(sum("graduates").cast("double").as("graduates"));
  }

  /** Cells of regions split since, shared out to today's regions (graduates x share, region_estimated). */
  public static Dataset<Row> harmonised(Dataset<Row> cells, List<BoundaryChange> changes) {
    return Boundaries.splitByYear(cells, "region", "year", changes)
        .withColumn("graduates", col("graduates").multiply(col("region_weight")))
        .drop("region_weight");
  }

  /**
   * One row per cell and occupation the field feeds, with the weight used and the supply it gives.
   * A field with no crosswalk row at any level sends all its graduates to OTHER.
   */
  public static Dataset<Row> allocate(Dataset<Row> cells, Dataset<Row> crosswalk, Set<String> crosswalkFields,
      Map<String, Double> entryShare) {
    Dataset<Row> xw = broadcast(crosswalk.select(col("field_code").as("_xw_field"), col("isco_code").as("_xw_isco"),
        col("weight").as("_xw_weight")));
    return cells
        .withColumn("crosswalk_field", FieldCodes.crosswalkKey(col("field_code"), crosswalkFields))
        .join(xw, col("crosswalk_field").equalTo(col("_xw_field")), "left")
        .withColumn("isco_code", coalesce(col("_xw_isco"), lit(Reference.OTHER_OCCUPATIONS)))
        .withColumn("weight", coalesce(col("_xw_weight"), lit(1.0)))
        .withColumn("entry_share", element_at(Rules.lookup(entryShare), col("level")))
        .withColumn("supply", col("graduates").multiply(col("weight")).multiply(col("entry_share")))
        .drop("_xw_field", "_xw_isco", "_xw_weight");
  }

  /**
   * Where the graduates work: the supply of a region's graduates moves to work regions by the mobility
   * shares (from_region, to_region, share); without a row for the region, they stay (share 1).
   */
  public static Dataset<Row> withWorkRegion(Dataset<Row> supply, Dataset<Row> mobility) {
    Dataset<Row> m = broadcast(mobility.select(col("from_region").as("_from"), col("to_region").as("_to"),
        col("share").as("_share")));
    return supply.join(m, col("region").equalTo(col("_from")), "left")
        .withColumn("work_region", coalesce(col("_to"), col("region")))
        .withColumn("mobility_share", coalesce(col("_share"), lit(1.0)))
        .withColumn("supply", col("supply").multiply(col("mobility_share")))
        .drop("_from", "_to", "_share");
  }
}
