package io.skillgap.gap;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Innovation sectors side by side: the occupation table summed by the sector of its occupations
 * ("non_innovation" for the rest, so totals reconcile), plus the positions offered by employers whose
 * economic activity (NACE) lies in the sector, whatever the occupation.
 */
public final class SectorSummary {
  private SectorSummary() {}

  public static final String NON_INNOVATION = "non_innovation";

  /** Positions per year, region and sector by the employer's activity (division first, then section). */
  public static Dataset<Row> positionsByActivity(Dataset<Row> vacancies, Dataset<Row> sectorByActivity) {
    Dataset<Row> byDivision = broadcast(sectorByActivity).select(col("nace_code").as("_div"), col("innovation_sector").as("_s_div"));
    Dataset<Row> bySection = broadcast(sectorByActivity).select(col("nace_code").as("_sec"), col("innovation_sector").as("_s_sec"));
    return vacancies
        .join(byDivision, col("nace_division").equalTo(col("_div")), "left")
        .join(bySection, col("nace_section").equalTo(col("_sec")), "left")
        .withColumn("sector", coalesce(col("_s_div"), col("_s_sec"), lit(NON_INNOVATION)))
        .groupBy("year", "region", "sector").agg(sum("positions").as("positions_by_activity"));
  }

  public static Dataset<Row> build(Dataset<Row> occupationGap, Dataset<Row> vacancies, Dataset<Row> sectorByActivity) {
    Dataset<Row> byOccupation = occupationGap
        .withColumn("sector", coalesce(col("innovation_sector"), lit(NON_INNOVATION)))
        .groupBy("year", "region", "sector")
        .agg(sum("vacancies").as("vacancies"), sum("vacancy_ads").as("vacancy_ads"), sum("positions").as("positions"),
            sum("graduate_supply").as("graduate_supply"));
    return byOccupation
        .join(positionsByActivity(vacancies, sectorByActivity), new String[] {"year", "region", "sector"}, "full_outer")
        .na().fill(0L, new String[] {"vacancies", "vacancy_ads", "positions", "positions_by_activity"})
        .na().fill(0.0, new String[] {"graduate_supply"})
        .withColumn("demand_supply_ratio", when(col("graduate_supply").gt(0), col("positions").divide(col("graduate_supply"))))
        .withColumn("gap", col("positions").minus(col("graduate_supply")));
  }
}
