package io.skillgap.gap;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.skillgap.reference.Reference;
import io.skillgap.config.SkillgapConfig.IndexSettings;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The field-of-study x region x year gap, by the region of the institutions. Each occupation's positions
 * (in the region where the graduates work) are shared among the fields that feed it in proportion to
 * their weighted graduates, so no position is counted twice; positions of occupations no field feeds
 * stay unattributed. The field's index is the mean index of the occupations it feeds, weighted by its
 * supply into each.
 */
public final class ProgramGap {
  private ProgramGap() {}

  /** Per institution region, field, work region and occupation: the field's supply and its share of the positions. */
  public static Dataset<Row> attribution(Dataset<Row> graduateSupply, Dataset<Row> occupations) {
    Dataset<Row> byField = graduateSupply
        .where(col("isco_code").notEqual(Reference.OTHER_OCCUPATIONS))
        .groupBy("year", "region", "work_region", "field_code", "isco_code").agg(sum("supply").as("field_supply"));
    Dataset<Row> byOccupation = byField.groupBy("year", "work_region", "isco_code").agg(sum("field_supply").as("occupation_supply"));
    Dataset<Row> occ = occupations.select(col("year").as("_oy"), col("region").as("_or"), col("isco_code").as("_oc"),
        col("positions"), col("shortage_index").as("occupation_index"));
    return byField
        .join(byOccupation, new String[] {"year", "work_region", "isco_code"})
        .join(occ, col("year").equalTo(col("_oy")).and(col("work_region").equalTo(col("_or"))).and(col("isco_code").equalTo(col("_oc"))), "left")
        .drop("_oy", "_or", "_oc")
        .withColumn("attributed_demand", when(col("occupation_supply").gt(0),
            coalesce(col("positions"), lit(0.0)).multiply(col("field_supply")).divide(col("occupation_supply")))
            .otherwise(lit(0.0)));
  }

  public static Dataset<Row> build(Dataset<Row> graduateSupply, Dataset<Row> occupations, Dataset<Row> isced, IndexSettings s) {
    Dataset<Row> graduates = graduateSupply
        .select("year", "region", "field_code", "level", "graduates").distinct()
        .groupBy("year", "region", "field_code").agg(sum("graduates").as("graduates"));
    Column indexed = col("occupation_index").isNotNull();
    Dataset<Row> attributed = attribution(graduateSupply, occupations)
        .groupBy("year", "region", "field_code")
        .agg(sum("field_supply").as("graduate_supply"), sum("attributed_demand").as("attributed_demand"),
            sum(when(indexed, col("field_supply").multiply(col("occupation_index")))).as("_index_num"),
            sum(when(indexed, col("field_supply"))).as("_index_den"),
            array_sort(collect_set(when(col("positions").gt(0), concat(col("work_region"), lit("|"), col("isco_code"))))).as("attributed_from"));
    Dataset<Row> titles = broadcast(isced).select(col("field_code").as("_f"), col("title_en").as("field_title"));
    return graduates
        .join(attributed, new String[] {"year", "region", "field_code"}, "left")
        .na().fill(0.0, new String[] {"graduate_supply", "attributed_demand"})
        .withColumn("attributed_from", coalesce(col("attributed_from"), array().cast("array<string>")))
        .join(titles, col("field_code").equalTo(col("_f")), "left").drop("_f")
        .withColumn("ratio", when(col("graduate_supply").gt(0), col("attributed_demand").divide(col("graduate_supply"))))
        .withColumn("gap", col("attributed_demand").minus(col("graduate_supply")))
        .withColumn("shortage_index", when(col("_index_den").gt(0), col("_index_num").divide(col("_index_den"))))
        .withColumn("status", SectorSummary.status(col("shortage_index"), s))
        .drop("_index_num", "_index_den");
  }
}
