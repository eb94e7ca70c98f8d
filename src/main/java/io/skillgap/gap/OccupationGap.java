package io.skillgap.gap;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.Reference;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The occupation x region x year gap: demand from unique vacancies, supply from allocated graduates,
 * with posted and official wages beside them. Rows exist wherever there is demand or supply.
 */
public final class OccupationGap {
  private OccupationGap() {}

  static final String[] KEY = {"year", "region", "isco_code"};

  /** Demand per key; vacancies without an occupation code are kept together under UNCODED. */
  public static Dataset<Row> demand(Dataset<Row> vacancies) {
    return vacancies
        .withColumn("isco_code", coalesce(col("isco_code"), lit(Reference.UNCODED)))
        .groupBy(KEY[0], KEY[1], KEY[2])
        .agg(count(lit(1)).as("vacancies"),
            sum("ads").as("vacancy_ads"),
            sum("positions").as("positions"),
            median(col("salary_monthly_kzt")).as("median_posted_salary_kzt"),
            count("salary_monthly_kzt").as("salary_observations"));
  }

  /** Weighted new-graduate supply per key (the OTHER bucket included). */
  public static Dataset<Row> supply(Dataset<Row> graduateSupply) {
    return graduateSupply.groupBy(KEY[0], KEY[1], KEY[2]).agg(sum("supply").as("graduate_supply"));
  }

  /** The region's median posted salary over all occupations: the yardstick of the salary premium. */
  public static Dataset<Row> regionMedianSalary(Dataset<Row> vacancies) {
    return vacancies.groupBy("year", "region").agg(median(col("salary_monthly_kzt")).as("region_median_salary_kzt"));
  }

  /**
   * The official average wage of each key from the most detailed ISCO level the wage table has for the
   * same year and region (4 digits, else 3, 2, 1), and which level that was.
   */
  public static Dataset<Row> officialWage(Dataset<Row> keys, Dataset<Row> wages) {
    Column prefixes = array(
        struct(lit(4).as("lvl"), col("isco_code").as("code")),
        struct(lit(3).as("lvl"), substring(col("isco_code"), 1, 3).as("code")),
        struct(lit(2).as("lvl"), substring(col("isco_code"), 1, 2).as("code")),
        struct(lit(1).as("lvl"), substring(col("isco_code"), 1, 1).as("code")));
    Dataset<Row> w = broadcast(wages.select(col("year").as("_wy"), col("region").as("_wr"), col("isco_code").as("_wc"),
        col("avg_monthly_wage_kzt").as("_wage")));
    return keys.select(KEY[0], KEY[1], KEY[2])
        .where(col("isco_code").rlike("^[0-9]{4}$"))
        .withColumn("_p", explode(prefixes))
        .join(w, col("year").equalTo(col("_wy")).and(col("region").equalTo(col("_wr"))).and(col("_p.code").equalTo(col("_wc"))))
        .groupBy(KEY[0], KEY[1], KEY[2])
        .agg(max_by(struct(col("_wage").as("wage"), col("_p.lvl").as("lvl")), col("_p.lvl")).as("_best"))
        .select(col("year"), col("region"), col("isco_code"),
            col("_best.wage").as("official_avg_wage_kzt"), col("_best.lvl").as("official_wage_isco_level"));
  }

  /** Year-on-year change of unique vacancies; null without the previous year or when it had none. */
  public static Dataset<Row> withVacancyGrowth(Dataset<Row> gap) {
    Dataset<Row> prev = gap.select(col("year").plus(1).as("_py"), col("region").as("_pr"), col("isco_code").as("_pc"),
        col("vacancies").as("_prev_vacancies"));
    return gap.join(prev, col("year").equalTo(col("_py")).and(col("region").equalTo(col("_pr")))
            .and(col("isco_code").equalTo(col("_pc"))), "left")
        .withColumn("vacancy_growth_yoy", when(col("_prev_vacancies").gt(0),
            col("vacancies").divide(col("_prev_vacancies")).minus(1)))
        .drop("_py", "_pr", "_pc", "_prev_vacancies");
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

  /** The whole table from silver vacancies, graduate supply and wages. */
  public static Dataset<Row> build(Dataset<Row> vacancies, Dataset<Row> graduateSupply, Dataset<Row> wages,
      Dataset<Row> iscoUnits, Dataset<Row> sectorByOccupation) {
    Dataset<Row> keyed = demand(vacancies).join(supply(graduateSupply), KEY, "full_outer")
        .na().fill(0L, new String[] {"vacancies", "vacancy_ads", "positions", "salary_observations"})
        .na().fill(0.0, new String[] {"graduate_supply"});
    Dataset<Row> withWages = keyed
        .join(officialWage(keyed, wages), KEY, "left")
        .join(regionMedianSalary(vacancies), new String[] {"year", "region"}, "left")
        .withColumn("demand_supply_ratio", when(col("graduate_supply").gt(0), col("positions").divide(col("graduate_supply"))))
        .withColumn("gap", col("positions").minus(col("graduate_supply")))
        .withColumn("salary_premium", try_divide(col("median_posted_salary_kzt"), col("region_median_salary_kzt")).minus(1));
    return withOccupationLabels(withVacancyGrowth(withWages), iscoUnits, sectorByOccupation);
  }
}
