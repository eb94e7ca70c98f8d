package io.skillgap.gap;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig.IndexSettings;
import io.skillgap.config.SkillgapConfig.ReliabilitySettings;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * What employers ask for: per year, region (and the whole country), innovation sector and occupation
 * (all, ISCO major group, unit group), the vacancies naming each skill, their share of the cell's
 * vacancies that state requirements, its growth against the cell's, the posted-salary premium of naming
 * it, and the skills whose share grew fastest (emerging). Docs: METHODOLOGY.md, "Skills".
 */
public final class SkillDemand {
  private SkillDemand() {}

  /** The region code of the whole country's rows, and the sector and occupation code of "every one". */
  public static final String COUNTRY = "KZ";
  public static final String ALL = "all";

  /**
   * The pseudo-skill of described vacancies that name no skill of the vocabulary: it gives every cell with
   * described vacancies a row (so disclosure control sees every cell), and says how much the vocabulary misses.
   */
  public static final String NONE = "none";

  /** The cell's key columns, skill aside. */
  static final String[] CELL = {"year", "region", "innovation_sector", "isco_level", "isco_code"};

  /**
   * Each vacancy once in every cell it belongs to: its region and the country; its sector and all
   * sectors; every occupation, its major group and its unit group (a unit group has one sector, so
   * its "all sectors" row would repeat it and is not made; a vacancy coded coarser has no unit row).
   */
  public static Dataset<Row> inCells(Dataset<Row> vacancies, Dataset<Row> sectorByOccupation) {
    Dataset<Row> sectors = broadcast(sectorByOccupation).select(col("isco_code").as("_s_code"), col("innovation_sector").as("_sector"));
    Column sector = coalesce(col("_sector"), lit(SectorSummary.NON_INNOVATION));
    Column unit = when(col("isco_level").equalTo(4), col("isco_code"));
    Column major = substring(col("isco_code"), 1, 1);
    Column occupations = array(
        struct(lit(0).as("lvl"), lit(ALL).as("code"), sector.as("sec")),
        struct(lit(0).as("lvl"), lit(ALL).as("code"), lit(ALL).as("sec")),
        struct(lit(1).as("lvl"), major.as("code"), sector.as("sec")),
        struct(lit(1).as("lvl"), major.as("code"), lit(ALL).as("sec")),
        struct(lit(4).as("lvl"), unit.as("code"), sector.as("sec")));
    return vacancies
        .join(sectors, col("isco_code").equalTo(col("_s_code")), "left")
        .select(col("year"), col("region_weight"), col("salary_monthly_kzt"), coalesce(col("described"), lit(false)).as("described"),
            coalesce(col("skill_ids"), array().cast("array<string>")).as("skill_ids"),
            explode(array(col("region"), lit(COUNTRY))).as("region"), explode(occupations).as("_o"))
        .where(col("_o.code").isNotNull())
        .select(col("year"), col("region"), col("_o.sec").as("innovation_sector"), col("_o.lvl").as("isco_level"),
            col("_o.code").as("isco_code"), col("region_weight"), col("salary_monthly_kzt"), col("described"), col("skill_ids"));
  }

  /**
   * Per cell: its vacancies, those that state requirements, and the log-salary sums the premium subtracts
   * from; salaries count by the vacancy's region weight, like its count (a vacancy of a split region is a
   * share in each part and once in the country).
   */
  static Dataset<Row> cellTotals(Dataset<Row> inCells) {
    Column paid = col("described").and(col("salary_monthly_kzt").gt(0));
    return inCells.groupBy(CELL[0], java.util.Arrays.copyOfRange(CELL, 1, CELL.length))
        .agg(sum("region_weight").as("cell_vacancies"),
            sum(when(col("described"), col("region_weight")).otherwise(0.0)).as("described_vacancies"),
            sum(when(paid, col("region_weight")).otherwise(0.0)).as("_cell_paid"),
            sum(when(paid, col("region_weight").multiply(log(col("salary_monthly_kzt")))).otherwise(0.0)).as("_cell_log_pay"));
  }

  /** Per cell and skill (and {@link #NONE}): the vacancies naming it and their posted salaries. */
  static Dataset<Row> skillTotals(Dataset<Row> inCells) {
    Column paid = col("salary_monthly_kzt").gt(0);
    Column named = when(org.apache.spark.sql.functions.size(col("skill_ids")).equalTo(0), array(lit(NONE))).otherwise(col("skill_ids"));
    return inCells.where(col("described"))
        .withColumn("skill_id", explode(named))
        .groupBy(col("year"), col("region"), col("innovation_sector"), col("isco_level"), col("isco_code"), col("skill_id"))
        .agg(sum("region_weight").as("vacancies"),
            // Weighted like the counts: a vacancy of a split region is a share of one in each part (in thousandths).
            percentile(col("salary_monthly_kzt"), lit(0.5), round(col("region_weight").multiply(1000)).cast("long")).as("median_salary_kzt"),
            sum(when(paid, col("region_weight")).otherwise(0.0)).as("salary_observations"),
            sum(when(paid, col("region_weight").multiply(log(col("salary_monthly_kzt")))).otherwise(0.0)).as("_log_pay"));
  }

  /**
   * The table: share, growth against the cell's own growth, premium, confidence, the skill's rank in its
   * cell and, over all occupations of a sector, its rank among the fastest-growing (emerging) skills.
   */
  public static Dataset<Row> build(Dataset<Row> vacancies, Dataset<Row> sectorByOccupation, Dataset<Row> vocabulary, IndexSettings s,
      ReliabilitySettings r) {
    Dataset<Row> cells = inCells(vacancies, sectorByOccupation);
    Dataset<Row> joined = skillTotals(cells).join(cellTotals(cells), CELL);
    return measure(joined, vocabulary, s.minObservations(), r);
  }

  /** The measures of {@link #build} on cell-and-skill totals (kept apart so a test can give the totals by hand). */
  static Dataset<Row> measure(Dataset<Row> joined, Dataset<Row> vocabulary, int minObs, ReliabilitySettings r) {
    // The same skill and the same cell a year earlier, by windows over the year: a self-join would compute the
    // totals (the explode and both aggregations) once per side.
    WindowSpec skillYearBefore = Window.partitionBy("region", "innovation_sector", "isco_level", "isco_code", "skill_id").orderBy("year")
        .rangeBetween(-1, -1);
    WindowSpec cellYearBefore = Window.partitionBy("region", "innovation_sector", "isco_level", "isco_code").orderBy("year")
        .rangeBetween(-1, -1);
    Column without = col("_cell_paid").minus(col("salary_observations"));
    Column enough = col("vacancies").geq(minObs).and(col("vacancies_prev").geq(minObs));
    Column share = col("vacancies").divide(col("described_vacancies"));
    Column sharePrev = coalesce(col("vacancies_prev"), lit(0.0)).divide(col("described_prev"));
    Dataset<Row> t = joined
        .withColumn("vacancies_prev", first(col("vacancies")).over(skillYearBefore))
        // Every skill row of a cell carries the cell's total: any row of the year before gives it.
        .withColumn("described_prev", first(col("described_vacancies")).over(cellYearBefore))
        .withColumn("share", when(col("described_vacancies").gt(0), share))
        .withColumn("share_prev", when(col("described_prev").gt(0), sharePrev))
        .withColumn("growth_rel", when(enough, share.divide(sharePrev).minus(1)))
        .withColumn("salary_premium", when(col("salary_observations").geq(minObs).and(without.geq(minObs)),
            exp(col("_log_pay").divide(col("salary_observations"))
                .minus(col("_cell_log_pay").minus(col("_log_pay")).divide(without))).minus(1)))
        .withColumn("median_salary_kzt", when(col("salary_observations").geq(minObs), col("median_salary_kzt")))
        .withColumn("confidence", when(col("vacancies").lt(r.lowBelowCount()).or(col("described_vacancies").lt(minObs)), lit("low"))
            .when(col("vacancies").geq(r.highMinCount()).and(col("vacancies_prev").geq(minObs)), lit("high"))
            .otherwise(lit("medium")))
        .withColumn("demand_rank", demandRank())
        .withColumn("emerging_rank", emergingRank(r.highMinCount()))
        .drop("_cell_paid", "_cell_log_pay", "_log_pay");
    Dataset<Row> groups = broadcast(vocabulary).select(col("skill_id").as("_v_id"), col("skill_group"));
    return t.join(groups, col("skill_id").equalTo(col("_v_id")), "left").drop("_v_id");
  }

  /** 1 = the skill most vacancies of the cell name; none for {@link #NONE}. */
  public static Column demandRank() {
    Column skill = col("skill_id").notEqual(NONE);
    return when(skill, row_number().over(Window.partitionBy(col("year"), col("region"), col("innovation_sector"), col("isco_level"),
        col("isco_code"), skill).orderBy(col("vacancies").desc(), col("skill_id"))));
  }

  /**
   * Over all occupations of a sector (and region, year): 1 = the share that grew most, among skills named
   * by at least {@code minCount} vacancies (reliability.high-min-count) in both years: growth on a handful
   * of vacancies would put noise at the top.
   */
  public static Column emergingRank(int minCount) {
    Column eligible = col("isco_level").equalTo(0).and(col("growth_rel").isNotNull()).and(col("skill_id").notEqual(NONE))
        .and(col("vacancies").geq(minCount)).and(col("vacancies_prev").geq(minCount));
    return when(eligible, row_number().over(Window.partitionBy(col("year"), col("region"), col("innovation_sector"), eligible)
        .orderBy(col("growth_rel").desc(), col("skill_id"))));
  }
}
