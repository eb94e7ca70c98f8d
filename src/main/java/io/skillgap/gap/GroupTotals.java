package io.skillgap.gap;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The ISCO-08 hierarchy above the unit groups. A vacancy whose title supported only a minor, sub-major or
 * major group is not guessed down to a unit group: it counts in the total of that group and of every group
 * above it. Each group's row holds the sum of the unit groups under it plus the demand coded only at its
 * level or below it but above the unit groups ({@code vacancies_coded_at_level} says how much was coded
 * exactly there), so that at every level the total is the level below's total plus what was coded only at
 * this level. Supply rolls up the same way. Indicators and the index stay with the unit groups.
 */
public final class GroupTotals {
  private GroupTotals() {}

  /** The unit-group rows' level, and the demand coded at their own level (all of it). */
  public static Dataset<Row> unitLevel(Dataset<Row> unitRows) {
    return unitRows.withColumn("isco_level", lit(4)).withColumn("vacancies_coded_at_level", col("vacancies"));
  }

  /**
   * The rows of minor, sub-major and major groups: from the unit-group rows (real occupations only) and the
   * vacancies coded coarser than a unit group.
   *
   * @param unitRows gold rows of unit groups (is_residual false)
   * @param coarse unique vacancies with an isco_code of 1 to 3 digits (region_weight, ads, positions)
   * @param isco the ISCO-08 table (isco_code, level, title_en)
   */
  public static Dataset<Row> groups(Dataset<Row> unitRows, Dataset<Row> coarse, Dataset<Row> isco) {
    Dataset<Row> fromUnits = unitRows.where(col("is_residual").equalTo(false)).select(col("year"), col("region"), col("isco_code"),
        col("region_estimated"), col("vacancies"), col("vacancy_ads"), col("positions"), col("graduate_supply"), col("supply_graduates"),
        lit(0.0).as("coded_here"));
    Dataset<Row> fromCoarse = coarse.select(col("year"), col("region"), col("isco_code"), col("region_estimated"),
        col("region_weight").as("vacancies"), col("ads").multiply(col("region_weight")).as("vacancy_ads"),
        col("positions").multiply(col("region_weight")).as("positions"), lit(0.0).as("graduate_supply"), lit(0.0).as("supply_graduates"),
        col("region_weight").as("coded_here"));
    // Materialised once: each of the three levels aggregates it (else the unit rows and silver would be read three times).
    Dataset<Row> both = fromUnits.unionByName(fromCoarse).checkpoint();
    List<Dataset<Row>> levels = new ArrayList<>();
    for (int level = 3; level >= 1; level--) {
      Column prefix = substring(col("isco_code"), 1, level);
      levels.add(both.where(length(col("isco_code")).geq(level))
          .groupBy(col("year"), col("region"), prefix.as("isco_code"))
          .agg(max("region_estimated").as("region_estimated"), sum("vacancies").as("vacancies"), sum("vacancy_ads").as("vacancy_ads"),
              sum("positions").as("positions"), sum("graduate_supply").as("graduate_supply"), sum("supply_graduates").as("supply_graduates"),
              sum(when(length(col("isco_code")).equalTo(level), col("coded_here")).otherwise(0.0)).as("vacancies_coded_at_level"))
          .withColumn("isco_level", lit(level)));
    }
    Dataset<Row> titles = broadcast(isco.select(col("isco_code").as("_code"), col("title_en").as("occupation_title")));
    return levels.stream().reduce(Dataset::unionByName).orElseThrow()
        .join(titles, col("isco_code").equalTo(col("_code")), "left").drop("_code")
        .withColumn("innovation_sector", lit(null).cast("string"))
        .withColumn("is_residual", lit(false))
        .withColumn("demand_supply_ratio", when(col("graduate_supply").gt(0), col("positions").divide(col("graduate_supply"))))
        .withColumn("gap", col("positions").minus(col("graduate_supply")))
        .withColumn("salary_observations", lit(0.0))
        .withColumn("closed_observations", lit(0.0));
  }

  /** The gold occupation table: unit groups with their index, then the groups above them. */
  public static Dataset<Row> withGroups(Dataset<Row> unitRows, Dataset<Row> coarse, Dataset<Row> isco) {
    return unitLevel(unitRows).unionByName(groups(unitRows, coarse, isco), true);
  }

  /** The unit-group rows of the gold occupation table (where the index, the ranking and the sectors live). */
  public static Dataset<Row> units(Dataset<Row> gold) {
    return gold.where(col("isco_level").equalTo(4));
  }

  /**
   * Groups whose total is not their children's totals plus the vacancies coded at their own level (a
   * quality rule: the hierarchy adds up).
   */
  public static long unbalanced(Dataset<Row> gold) {
    Dataset<Row> children = gold.where(col("isco_level").gt(1).and(col("is_residual").equalTo(false)))
        .groupBy(col("year").as("_year"), col("region").as("_region"), col("isco_code").substr(lit(1), col("isco_level").minus(1)).as("_parent"))
        .agg(sum("vacancies").as("_children"));
    return gold.where(col("isco_level").lt(4)).join(children, col("year").equalTo(col("_year"))
            .and(col("region").equalTo(col("_region"))).and(col("isco_code").equalTo(col("_parent"))), "left")
        .where(org.apache.spark.sql.functions.abs(col("vacancies").minus(org.apache.spark.sql.functions.coalesce(col("_children"), lit(0.0)))
            .minus(col("vacancies_coded_at_level"))).gt(1e-6))
        .count();
  }

  /**
   * The demand of vacancies coded only to a coarser group, one row per year and region, shaped like an
   * occupation row without a sector: the sector summary counts it where it counts uncoded vacancies, so
   * that its totals stay the region's totals.
   */
  public static Dataset<Row> coarseDemand(Dataset<Row> vacancies) {
    return vacancies.where(coarse()).groupBy("year", "region")
        .agg(sum("region_weight").as("vacancies"), sum(col("ads").multiply(col("region_weight"))).as("vacancy_ads"),
            sum(col("positions").multiply(col("region_weight"))).as("positions"))
        .withColumn("graduate_supply", lit(0.0)).withColumn("supply_graduates", lit(0.0))
        .withColumn("innovation_sector", lit(null).cast("string")).withColumn("shortage_index", lit(null).cast("double"));
  }

  /** Vacancies coded coarser than a unit group (they are not unit-group demand). */
  public static Column coarse() {
    return col("isco_code").isNotNull().and(length(col("isco_code")).lt(4));
  }
}
