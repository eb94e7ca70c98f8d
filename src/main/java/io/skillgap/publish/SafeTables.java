package io.skillgap.publish;

import static io.skillgap.publish.Disclosure.blank;
import static io.skillgap.publish.Disclosure.hidden;
import static io.skillgap.publish.Disclosure.primary;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig.DisclosureSettings;
import io.skillgap.gap.GroupTotals;
import io.skillgap.gap.SectorSummary;
import io.skillgap.gap.ShortageRanking;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The published versions of the gold tables: small counts and what would reveal them are nulled, and
 * each row says whether and why (suppressed, suppression). Indexes, statuses and confidence stay: they
 * do not reveal counts.
 */
public final class SafeTables {
  private SafeTables() {}

  private static final List<String> KEY = List.of("region", "isco_code");

  private static Column small(String count, int threshold) {
    return col(count).gt(0).and(col(count).lt(threshold));
  }

  /** The suppression of a group row hidden for a small count of its own. */
  static final String GROUP_PRIMARY = "group:primary";

  /**
   * occupation_region_gap: the unit groups' cells suppressed as below ({@link #units}), then the group
   * totals above them ({@link #groups}).
   */
  public static Dataset<Row> occupations(Dataset<Row> gold, DisclosureSettings d) {
    Dataset<Row> units = units(GroupTotals.units(gold), d);
    return units.unionByName(groups(gold.where(col("isco_level").lt(4)), units, d), true);
  }

  /**
   * The totals of minor, sub-major and major groups: a group's total, less its children's, would give away
   * a hidden child or a small count of vacancies coded only at its level, so a group is hidden whenever it
   * is small, its own coded-only count is small, or anything beneath it is hidden (then so is every group
   * above it). Conservative: no hidden cell can be recovered from the hierarchy.
   */
  static Dataset<Row> groups(Dataset<Row> groups, Dataset<Row> safeUnits, DisclosureSettings d) {
    int k = d.threshold();
    Dataset<Row> hidden = safeUnits.where(col("is_residual").equalTo(false).and(col("suppressed")))
        .select(col("year"), col("region"), col("isco_code").as("_child"));
    Dataset<Row> out = null;
    for (int level = 3; level >= 1; level--) {
      Dataset<Row> rows = groups.where(col("isco_level").equalTo(level));
      Dataset<Row> hiddenBelow = hidden.groupBy(col("year"), col("region"), substring(col("_child"), 1, level).as("isco_code"))
          .agg(lit(true).as("_below_hidden"));
      Column primary = small("vacancies", k).or(small("vacancies_coded_at_level", k)).or(small("supply_graduates", k));
      Dataset<Row> safe = rows.join(hiddenBelow, new String[] {"year", "region", "isco_code"}, "left")
          .withColumn("_hide", primary.or(coalesce(col("_below_hidden"), lit(false))));
      hidden = hidden.unionByName(safe.where(col("_hide")).select(col("year"), col("region"), col("isco_code").as("_child")));
      Column why = when(primary, lit(GROUP_PRIMARY)).when(col("_hide"), lit("group:hides_a_cell_below"));
      safe = blank(safe, col("_hide"), "vacancies", "vacancy_ads", "positions", "graduate_supply", "supply_graduates", "gap",
          "demand_supply_ratio", "vacancies_coded_at_level")
          .withColumn("suppression", why).withColumn("suppressed", col("_hide")).drop("_below_hidden", "_hide");
      out = out == null ? safe : out.unionByName(safe, true);
    }
    return out;
  }

  /** occupation_region_gap's unit groups: demand cells by vacancies, supply cells by graduates behind them, medians by observations. */
  static Dataset<Row> units(Dataset<Row> gold, DisclosureSettings d) {
    int k = d.threshold();
    Dataset<Row> t = gold.withColumn("_sector_group", coalesce(col("innovation_sector"), lit(SectorSummary.NON_INNOVATION)));
    t = Disclosure.protect(t, "vacancies", "demand", k,
        List.of(List.of("year", "region", "_sector_group"), List.of("year", "region"), List.of("year", "isco_code")), KEY, d.maxIterations());
    t = Disclosure.protect(t, "supply_graduates", "supply", k,
        List.of(List.of("year", "region", "_sector_group"), List.of("year", "region"), List.of("year", "isco_code")), KEY, d.maxIterations());
    t = t.withColumn("salary_hidden", small("salary_observations", k))
        .withColumn("days_hidden", small("closed_observations", k));
    // Growth against a hidden previous year would give the hidden figure back.
    Dataset<Row> prev = t.select(col("year").plus(1).as("year"), col("region"), col("isco_code"),
        col(hidden("demand")).as("_prev_demand_hidden"), col("salary_hidden").as("_prev_salary_hidden"));
    t = t.join(prev, new String[] {"year", "region", "isco_code"}, "left")
        .na().fill(false, new String[] {"_prev_demand_hidden", "_prev_salary_hidden"});

    Column demand = col(hidden("demand"));
    Column supply = col(hidden("supply"));
    t = blank(t, demand, "vacancies", "vacancies_coded_at_level", "vacancy_ads", "positions", "gap", "demand_supply_ratio", "vacancy_growth_yoy",
        "vacancy_growth_rel", "readvertising_rate", "salary_observations", "closed_observations",
        "score_demand_supply", "score_vacancy_growth", "score_readvertising");
    t = blank(t, supply, "graduate_supply", "supply_graduates", "gap", "demand_supply_ratio", "score_demand_supply");
    t = blank(t, col("salary_hidden"), "median_posted_salary_kzt", "salary_premium", "posted_salary_growth_rel",
        "salary_observations", "score_salary_premium", "score_posted_salary_growth");
    t = blank(t, col("days_hidden"), "median_days_to_fill", "closed_observations");
    t = blank(t, col("_prev_demand_hidden"), "vacancy_growth_yoy", "vacancy_growth_rel", "score_vacancy_growth");
    t = blank(t, col("_prev_salary_hidden"), "posted_salary_growth_rel", "score_posted_salary_growth");
    Column why = concat_ws(",",
        when(col(primary("demand")), lit("demand:primary")).when(demand, lit("demand:complementary")),
        when(col(primary("supply")), lit("supply:primary")).when(supply, lit("supply:complementary")),
        when(col("salary_hidden"), lit("salary:primary")),
        when(col("days_hidden"), lit("time_to_fill:primary")),
        when(col("_prev_demand_hidden").or(col("_prev_salary_hidden")), lit("growth:previous_year")));
    return t.withColumn("suppression", when(why.notEqual(""), why))
        .withColumn("suppressed", col("suppression").isNotNull());
  }

  /** program_gap: graduates by field; attributed demand where it draws on a hidden occupation cell. */
  public static Dataset<Row> programs(Dataset<Row> gold, Dataset<Row> safeOccupations, DisclosureSettings d) {
    Dataset<Row> t = Disclosure.protect(gold, "graduates", "graduates", d.threshold(),
        List.of(List.of("year", "region"), List.of("year", "field_code")), List.of("region", "field_code"), d.maxIterations());
    Dataset<Row> hiddenCells = safeOccupations.where(col(hidden("demand")))
        .select(col("year").as("_hy"), concat(col("region"), lit("|"), col("isco_code")).as("_hcell"), lit(true).as("_draws_hidden"));
    Dataset<Row> drawsHidden = t.select(col("year"), col("region"), col("field_code"), explode_outer(col("attributed_from")).as("_cell"))
        .join(hiddenCells, col("year").equalTo(col("_hy")).and(col("_cell").equalTo(col("_hcell"))), "left")
        .groupBy("year", "region", "field_code").agg(max(coalesce(col("_draws_hidden"), lit(false))).as("_draws_hidden"));
    t = t.join(drawsHidden, new String[] {"year", "region", "field_code"}, "left");
    Column grads = col(hidden("graduates"));
    t = blank(t, grads, "graduates", "graduate_supply", "attributed_demand", "ratio", "gap");
    t = blank(t, col("_draws_hidden"), "attributed_demand", "ratio", "gap");
    Column why = concat_ws(",",
        when(col(primary("graduates")), lit("graduates:primary")).when(grads, lit("graduates:complementary")),
        when(col("_draws_hidden"), lit("attributed_demand:hidden_occupation")));
    return t.withColumn("suppression", when(why.notEqual(""), why)).withColumn("suppressed", col("suppression").isNotNull());
  }

  /**
   * sector_region_summary: a sector's total is hidden when it is small, or when its occupations have
   * exactly one hidden cell that no other occupation of the sector could cover (the total would give it
   * away); then each region keeps none or at least two hidden sector totals, and so does each sector
   * across regions, because the report and the summary show a sector's national total.
   */
  public static Dataset<Row> sectors(Dataset<Row> gold, Dataset<Row> safeOccupations, Dataset<Row> safeGroups, DisclosureSettings d) {
    List<List<String>> region = List.of(List.of("year", "region"), List.of("year", "sector"));
    List<String> key = List.of("region", "sector");
    int k = d.threshold();
    // Vacancies coded only to a group count in non_innovation: a group hidden for its own small count is a
    // hidden cell of that subtotal like a hidden occupation (else the subtotal less the visible cells gives it).
    Dataset<Row> coarse = safeGroups.where(col("suppression").equalTo(GROUP_PRIMARY)).groupBy("year", "region")
        .agg(count(lit(1)).cast("int").as("_coarse_hidden")).withColumn("sector", lit(SectorSummary.NON_INNOVATION));
    Dataset<Row> lone = safeOccupations.groupBy(col("year"), col("region"), col("_sector_group").as("sector"))
        .agg(sum(when(col(hidden("demand")), 1).otherwise(0)).as("_unit_hidden"),
            sum(when(col(hidden("supply")), 1).otherwise(0)).as("_supply_hidden_cells"))
        .join(coarse, new String[] {"year", "region", "sector"}, "full_outer")
        .withColumn("_demand_hidden_cells", coalesce(col("_unit_hidden"), lit(0)).plus(coalesce(col("_coarse_hidden"), lit(0))))
        .drop("_unit_hidden", "_coarse_hidden");
    Dataset<Row> t = gold.join(lone, new String[] {"year", "region", "sector"}, "left");
    t = Disclosure.protect(t, small("vacancies", k).or(col("_demand_hidden_cells").equalTo(1)), "vacancies", "demand", region, key,
        d.maxIterations());
    t = Disclosure.protect(t, small("supply_graduates", k).or(col("_supply_hidden_cells").equalTo(1)), "supply_graduates", "supply",
        region, key, d.maxIterations());
    t = Disclosure.protect(t, "positions_by_activity", "activity", k, region, key, d.maxIterations());
    t = blank(t, col(hidden("demand")), "vacancies", "vacancy_ads", "positions", "demand_supply_ratio", "gap");
    t = blank(t, col(hidden("supply")), "graduate_supply", "supply_graduates", "demand_supply_ratio", "gap");
    t = blank(t, col(hidden("activity")), "positions_by_activity");
    Column why = concat_ws(",",
        when(col(primary("demand")), lit("demand:primary")).when(col(hidden("demand")), lit("demand:complementary")),
        when(col(primary("supply")), lit("supply:primary")).when(col(hidden("supply")), lit("supply:complementary")),
        when(col(primary("activity")), lit("activity:primary")).when(col(hidden("activity")), lit("activity:complementary")));
    return t.withColumn("suppression", when(why.notEqual(""), why)).withColumn("suppressed", col("suppression").isNotNull());
  }

  /** shortage_ranking: the ratio and the figures in the reasons go where the occupation's counts are hidden. */
  public static Dataset<Row> ranking(Dataset<Row> gold, Dataset<Row> safeOccupations) {
    Dataset<Row> flags = safeOccupations.select(col("year"), col("region"), col("isco_code"), col("suppressed"),
        col("demand_supply_ratio").as("_safe_ratio"));
    Dataset<Row> t = gold.join(flags, new String[] {"year", "region", "isco_code"}, "left")
        .withColumn("demand_supply_ratio", col("_safe_ratio"));
    Column direction = when(col("shortage_index").geq(0), lit(" (high)")).otherwise(lit(" (low)"));
    for (String n : List.of("1", "2")) {
      Column plain = lit(null).cast("string");
      for (Map.Entry<String, String> e : ShortageRanking.PLAIN.entrySet()) {
        plain = when(col("reason_" + n + "_indicator").equalTo(e.getKey()), concat(lit(e.getValue()), direction)).otherwise(plain);
      }
      t = t.withColumn("reason_" + n, when(col("suppressed"), plain).otherwise(col("reason_" + n)));
    }
    return t;
  }
}
