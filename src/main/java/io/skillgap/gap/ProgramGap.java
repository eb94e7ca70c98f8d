package io.skillgap.gap;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.Reference;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The field-of-study x region x year gap. Each occupation's positions are shared among the fields that
 * feed it in proportion to their weighted graduates, so no position is counted twice; positions of
 * occupations no field feeds stay unattributed (they show in the occupation table with zero supply).
 */
public final class ProgramGap {
  private ProgramGap() {}

  /**
   * Per field, occupation, region and year: the field's weighted graduates and its share of the
   * occupation's positions. The OTHER bucket is left out: it is no occupation and has no demand.
   */
  public static Dataset<Row> attribution(Dataset<Row> graduateSupply, Dataset<Row> occupationDemand) {
    Dataset<Row> byField = graduateSupply
        .where(col("isco_code").notEqual(Reference.OTHER_OCCUPATIONS))
        .groupBy("year", "region", "field_code", "isco_code").agg(sum("supply").as("field_supply"));
    Dataset<Row> byOccupation = byField.groupBy("year", "region", "isco_code").agg(sum("field_supply").as("occupation_supply"));
    return byField
        .join(byOccupation, new String[] {"year", "region", "isco_code"})
        .join(occupationDemand.select("year", "region", "isco_code", "positions"), new String[] {"year", "region", "isco_code"}, "left")
        .withColumn("attributed_demand", when(col("occupation_supply").gt(0),
            coalesce(col("positions"), lit(0L)).multiply(col("field_supply")).divide(col("occupation_supply")))
            .otherwise(lit(0.0)));
  }

  public static Dataset<Row> build(Dataset<Row> graduateSupply, Dataset<Row> occupationDemand, Dataset<Row> isced) {
    Dataset<Row> graduates = graduateSupply
        .select("year", "region", "field_code", "level", "graduates").distinct()
        .groupBy("year", "region", "field_code").agg(sum("graduates").as("graduates"));
    Dataset<Row> attributed = attribution(graduateSupply, occupationDemand)
        .groupBy("year", "region", "field_code")
        .agg(sum("field_supply").as("graduate_supply"), sum("attributed_demand").as("attributed_demand"));
    Dataset<Row> titles = broadcast(isced).select(col("field_code").as("_f"), col("title_en").as("field_title"));
    return graduates
        .join(attributed, new String[] {"year", "region", "field_code"}, "left")
        .na().fill(0.0, new String[] {"graduate_supply", "attributed_demand"})
        .join(titles, col("field_code").equalTo(col("_f")), "left").drop("_f")
        .withColumn("ratio", when(col("graduate_supply").gt(0), col("attributed_demand").divide(col("graduate_supply"))))
        .withColumn("gap", col("attributed_demand").minus(col("graduate_supply")));
  }

}
