package io.skillgap.gap;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import io.skillgap.reference.Reference;
import io.skillgap.config.SkillgapConfig.BoundaryChange;
import io.skillgap.conform.Boundaries;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The occupation x region x year table before the index: demand from unique vacancies (weighted where a
 * region was split), supply from allocated graduates, posted and official wages, and the figures the
 * indicators need (previous year, region totals, time to fill). Rows exist wherever there is demand or
 * supply.
 */
public final class OccupationGap {
  private OccupationGap() {}

  static final String[] KEY = {"year", "region", "isco_code"};
  static final String[] REGION_YEAR = {"year", "region"};

  private static Column weighted(String c) {
    return col(c).multiply(col("region_weight"));
  }

  private static Column daysToFill() {
    return datediff(col("closed_date"), col("first_posted_date"));
  }

  /** Demand per key; vacancies without an occupation code are kept together under UNCODED. */
  public static Dataset<Row> demand(Dataset<Row> vacancies, int longVacancyDays) {
    return vacancies
        .withColumn("isco_code", coalesce(col("isco_code"), lit(Reference.UNCODED)))
        .groupBy(KEY[0], KEY[1], KEY[2])
        .agg(sum("region_weight").as("vacancies"),
            sum(weighted("ads")).as("vacancy_ads"),
            sum(weighted("positions")).as("positions"),
            median(col("salary_monthly_kzt")).as("median_posted_salary_kzt"),
            sum(when(col("salary_monthly_kzt").isNotNull(), col("region_weight")).otherwise(0.0)).as("salary_observations"),
            median(daysToFill()).as("median_days_to_fill"),
            sum(when(col("closed_date").isNotNull(), col("region_weight")).otherwise(0.0)).as("closed_observations"),
            sum(when(daysToFill().gt(longVacancyDays), col("region_weight")).otherwise(0.0)).as("long_open"),
            max("region_estimated").as("demand_estimated"));
  }

  /** The region's all-occupation figures each indicator is measured against. */
  public static Dataset<Row> regionDemand(Dataset<Row> vacancies) {
    return vacancies.groupBy(REGION_YEAR[0], REGION_YEAR[1])
        .agg(sum("region_weight").as("region_vacancies"),
            median(col("salary_monthly_kzt")).as("region_median_salary_kzt"),
            median(daysToFill()).as("region_median_days_to_fill"));
  }

  /** Weighted new-graduate supply per key (the OTHER bucket included), where the graduates work. */
  public static Dataset<Row> supply(Dataset<Row> graduateSupply) {
    return graduateSupply.groupBy(col("year"), col("work_region").as("region"), col("isco_code"))
        .agg(sum("supply").as("graduate_supply"),
            sum(col("graduates").multiply(col("mobility_share"))).as("supply_graduates"),
            max("region_estimated").as("supply_estimated"));
  }

  /**
   * Official wages with the rows of split regions copied to today's regions (an average applies to both
   * parts); where a region has its own figure for the year, that one wins.
   */
  public static Dataset<Row> harmonisedWages(Dataset<Row> wages, List<BoundaryChange> changes) {
    Dataset<Row> split = Boundaries.splitByYear(wages, "region", "year", changes).drop("region_weight");
    // A region's own figure before a copy; of two nights' figures (a revision), the later batch.
    List<Column> order = new java.util.ArrayList<>(List.of(col("region_estimated")));
    if (List.of(wages.columns()).contains("_batch_id")) {
      order.add(col("_batch_id").desc());
      order.add(col("_source_file"));
      order.add(col("_row_id"));
    }
    return split.withColumn("_rank", row_number().over(Window.partitionBy("year", "region", "isco_code")
            .orderBy(order.toArray(Column[]::new))))
        .where(col("_rank").equalTo(1)).drop("_rank");
  }

  /**
   * The official average wage of each key from the most detailed ISCO level the wage table has for the
   * same year and region (4 digits, else 3, 2, 1), which level and code that was, and the figure for the
   * same code a year earlier (for wage growth like with like).
   */
  public static Dataset<Row> officialWage(Dataset<Row> keys, Dataset<Row> wages) {
    Column prefixes = array(
        struct(lit(4).as("lvl"), col("isco_code").as("code")),
        struct(lit(3).as("lvl"), substring(col("isco_code"), 1, 3).as("code")),
        struct(lit(2).as("lvl"), substring(col("isco_code"), 1, 2).as("code")),
        struct(lit(1).as("lvl"), substring(col("isco_code"), 1, 1).as("code")));
    Dataset<Row> w = broadcast(wages.select(col("year").as("_wy"), col("region").as("_wr"), col("isco_code").as("_wc"),
        col("avg_monthly_wage_kzt").as("_wage"), col("region_estimated").as("_west")));
    Dataset<Row> best = keys.select(KEY[0], KEY[1], KEY[2])
        .where(col("isco_code").rlike("^[0-9]{4}$"))
        .withColumn("_p", explode(prefixes))
        .join(w, col("year").equalTo(col("_wy")).and(col("region").equalTo(col("_wr"))).and(col("_p.code").equalTo(col("_wc"))))
        .groupBy(KEY[0], KEY[1], KEY[2])
        .agg(max_by(struct(col("_wage").as("wage"), col("_p.lvl").as("lvl"), col("_p.code").as("code"), col("_west").as("est")),
            col("_p.lvl")).as("_best"))
        .select(col("year"), col("region"), col("isco_code"), col("_best.wage").as("official_avg_wage_kzt"),
            col("_best.lvl").as("official_wage_isco_level"), col("_best.code").as("_wage_code"), col("_best.est").as("wage_estimated"));
    Dataset<Row> previous = broadcast(wages.select(col("year").plus(1).as("_py"), col("region").as("_pr"), col("isco_code").as("_pc"),
        col("avg_monthly_wage_kzt").as("official_wage_prev_kzt")));
    return best.join(previous, col("year").equalTo(col("_py")).and(col("region").equalTo(col("_pr")))
            .and(col("_wage_code").equalTo(col("_pc"))), "left")
        .drop("_py", "_pr", "_pc", "_wage_code");
  }

  /** The same key a year earlier: vacancies and posted salary (for growth like with like). */
  public static Dataset<Row> withPreviousYear(Dataset<Row> gap) {
    Dataset<Row> prev = gap.select(col("year").plus(1).as("_py"), col("region").as("_pr"), col("isco_code").as("_pc"),
        col("vacancies").as("vacancies_prev"), col("median_posted_salary_kzt").as("median_posted_salary_prev_kzt"),
        col("salary_observations").as("salary_observations_prev"));
    return gap.join(prev, col("year").equalTo(col("_py")).and(col("region").equalTo(col("_pr")))
            .and(col("isco_code").equalTo(col("_pc"))), "left")
        .drop("_py", "_pr", "_pc");
  }

  /** The region's figures for the year and the year before. */
  public static Dataset<Row> withRegionFigures(Dataset<Row> gap, Dataset<Row> regionDemand) {
    Dataset<Row> prev = regionDemand.select(col("year").plus(1).as("year"), col("region"),
        col("region_vacancies").as("region_vacancies_prev"), col("region_median_salary_kzt").as("region_median_salary_prev_kzt"));
    return gap.join(regionDemand, REGION_YEAR, "left").join(prev, REGION_YEAR, "left");
  }

  /** Titles, innovation sector and the residual flag for each occupation code. */
  public static Dataset<Row> withOccupationLabels(Dataset<Row> gap, Dataset<Row> iscoUnits, Dataset<Row> sectorByOccupation) {
    Dataset<Row> titles = broadcast(iscoUnits).select(col("isco_code").as("_t_code"), col("title_en").as("_title"));
    Dataset<Row> sectors = broadcast(sectorByOccupation).select(col("isco_code").as("_s_code"), col("innovation_sector"));
    return gap.join(titles, col("isco_code").equalTo(col("_t_code")), "left")
        .join(sectors, col("isco_code").equalTo(col("_s_code")), "left")
        .withColumn("occupation_title",
            when(col("isco_code").equalTo(Reference.OTHER_OCCUPATIONS), lit("Other occupations (graduates the crosswalk does not place)"))
                .when(col("isco_code").equalTo(Reference.UNCODED), lit("Occupation not coded (vacancies without an ISCO-08 code)"))
                .otherwise(col("_title")))
        .withColumn("is_residual", col("isco_code").isin(Reference.OTHER_OCCUPATIONS, Reference.UNCODED))
        .drop("_t_code", "_title", "_s_code");
  }

  /** Demand meets supply: one row per key with either. */
  public static Dataset<Row> keyed(Dataset<Row> vacancies, Dataset<Row> graduateSupply, int longVacancyDays) {
    return demand(vacancies, longVacancyDays).join(supply(graduateSupply), KEY, "full_outer")
        .na().fill(0.0, new String[] {"vacancies", "vacancy_ads", "positions", "salary_observations", "closed_observations",
            "long_open", "graduate_supply", "supply_graduates"})
        .na().fill(false, new String[] {"demand_estimated", "supply_estimated"});
  }

  /** Demand meets supply and wages; the measures that need no standardisation. */
  public static Dataset<Row> build(Dataset<Row> vacancies, Dataset<Row> graduateSupply, Dataset<Row> wages,
      Dataset<Row> iscoUnits, Dataset<Row> sectorByOccupation, int longVacancyDays) {
    return measure(keyed(vacancies, graduateSupply, longVacancyDays), vacancies, wages, iscoUnits, sectorByOccupation);
  }

  /** The keyed table with the previous year, the region's figures, official wages, ratio, gap and premium. */
  public static Dataset<Row> measure(Dataset<Row> keyed, Dataset<Row> vacancies, Dataset<Row> wages,
      Dataset<Row> iscoUnits, Dataset<Row> sectorByOccupation) {
    Dataset<Row> measured = withRegionFigures(withPreviousYear(keyed), regionDemand(vacancies))
        .join(officialWage(keyed, wages), KEY, "left")
        .withColumn("region_estimated", col("demand_estimated").or(col("supply_estimated")).or(coalesce(col("wage_estimated"), lit(false))))
        .withColumn("demand_supply_ratio", when(col("graduate_supply").gt(0), col("positions").divide(col("graduate_supply"))))
        .withColumn("gap", col("positions").minus(col("graduate_supply")))
        .withColumn("salary_premium", try_divide(col("median_posted_salary_kzt"), col("region_median_salary_kzt")).minus(1))
        .withColumn("vacancy_growth_yoy", when(col("vacancies_prev").gt(0), col("vacancies").divide(col("vacancies_prev")).minus(1)));
    return withOccupationLabels(measured, iscoUnits, sectorByOccupation);
  }
}
