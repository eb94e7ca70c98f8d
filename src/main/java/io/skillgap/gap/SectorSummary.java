package io.skillgap.gap;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig.IndexSettings;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Innovation sectors side by side: the occupation table summed by the sector of its occupations
 * ("non_innovation" for the rest, so totals reconcile), the sector's index as the mean of its
 * occupations' indexes weighted by positions, plus the positions offered by employers whose economic
 * activity (NACE) lies in the sector, whatever the occupation.
 */
public final class SectorSummary {
  private SectorSummary() {}

  public static final String NON_INNOVATION = "non_innovation";

  /** Status of an aggregate index: insufficient_data without one. */
  static Column status(Column index, IndexSettings s) {
    return when(index.isNull(), lit("insufficient_data"))
        .when(index.geq(s.shortageThreshold()), lit("shortage"))
        .when(index.leq(s.surplusThreshold()), lit("surplus"))
        .otherwise(lit("balanced"));
  }

  /** Positions per year, region and sector by the employer's activity (division first, then section). */
  public static Dataset<Row> positionsByActivity(Dataset<Row> vacancies, Dataset<Row> sectorByActivity) {
    Dataset<Row> byDivision = broadcast(sectorByActivity).select(col("nace_code").as("_div"), col("innovation_sector").as("_s_div"));
    Dataset<Row> bySection = broadcast(sectorByActivity).select(col("nace_code").as("_sec"), col("innovation_sector").as("_s_sec"));
    return vacancies
        .join(byDivision, col("nace_division").equalTo(col("_div")), "left")
        .join(bySection, col("nace_section").equalTo(col("_sec")), "left")
        .withColumn("sector", coalesce(col("_s_div"), col("_s_sec"), lit(NON_INNOVATION)))
        .groupBy("year", "region", "sector").agg(sum(col("positions").multiply(col("region_weight"))).as("positions_by_activity"));
  }

  public static Dataset<Row> build(Dataset<Row> occupationGap, Dataset<Row> vacancies, Dataset<Row> sectorByActivity, IndexSettings s) {
    Column indexed = col("shortage_index").isNotNull().and(col("positions").gt(0));
    Dataset<Row> byOccupation = occupationGap
        .withColumn("sector", coalesce(col("innovation_sector"), lit(NON_INNOVATION)))
        .groupBy("year", "region", "sector")
        .agg(sum("vacancies").as("vacancies"), sum("vacancy_ads").as("vacancy_ads"), sum("positions").as("positions"),
            sum("graduate_supply").as("graduate_supply"), sum("supply_graduates").as("supply_graduates"),
            sum(when(indexed, col("positions").multiply(col("shortage_index")))).as("_num"),
            sum(when(indexed, col("positions"))).as("_den"),
            count(when(col("shortage_index").isNotNull(), 1)).as("occupations_indexed"));
    return byOccupation
        .join(positionsByActivity(vacancies, sectorByActivity), new String[] {"year", "region", "sector"}, "full_outer")
        .na().fill(0.0, new String[] {"vacancies", "vacancy_ads", "positions", "positions_by_activity", "graduate_supply",
            "supply_graduates"})
        .na().fill(0L, new String[] {"occupations_indexed"})
        .withColumn("demand_supply_ratio", when(col("graduate_supply").gt(0), col("positions").divide(col("graduate_supply"))))
        .withColumn("gap", col("positions").minus(col("graduate_supply")))
        .withColumn("shortage_index", when(col("_den").gt(0), col("_num").divide(col("_den"))))
        .withColumn("status", status(col("shortage_index"), s))
        .drop("_num", "_den");
  }
}
