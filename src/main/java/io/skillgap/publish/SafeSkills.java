package io.skillgap.publish;

import static io.skillgap.publish.Disclosure.blank;
import static io.skillgap.publish.Disclosure.hidden;
import static io.skillgap.publish.Disclosure.primary;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig.DisclosureSettings;
import io.skillgap.gap.SkillDemand;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The published skills tables. A cell's described vacancies can be read back from a skill's count and
 * share, so cells are protected first (small, or the occupation's own cell hidden in
 * occupation_region_gap, then complementary cells across regions, sectors and unit groups), and then each
 * skill's count within the cells left visible, over the same groups.
 */
public final class SafeSkills {
  private SafeSkills() {}

  private static final List<String> CELL = List.of("year", "region", "innovation_sector", "isco_level", "isco_code");

  /**
   * The groups whose totals are published as rows of the table: the regions add up to the country, the
   * sectors to "all", the unit groups of a sector to their major group (less what is coded only there), the
   * major groups to every occupation. A total sits in the same group as its parts, so a total hidden as the
   * complement of another group takes one of its parts with it (else the parts would add up to it again).
   */
  private static final List<List<String>> GROUPS = List.of(List.of("_g_regions"), List.of("_g_sectors"), List.of("_g_units"),
      List.of("_g_majors"));

  private static Dataset<Row> withGroups(Dataset<Row> t, Column skill) {
    Column self = concat_ws("|", lit("self"), col("year"), col("region"), col("innovation_sector"), col("isco_level"), col("isco_code"), skill);
    // A unit group has one sector and no "all sectors" row; every occupation (level 0) is no major group's part.
    return t
        .withColumn("_g_regions", concat_ws("|", col("year"), col("innovation_sector"), col("isco_level"), col("isco_code"), skill))
        .withColumn("_g_sectors", when(col("isco_level").equalTo(4), self)
            .otherwise(concat_ws("|", col("year"), col("region"), col("isco_level"), col("isco_code"), skill)))
        .withColumn("_g_units", when(col("isco_level").equalTo(0), self)
            .otherwise(concat_ws("|", col("year"), col("region"), col("innovation_sector"), substring(col("isco_code"), 1, 1), skill)))
        .withColumn("_g_majors", when(col("isco_level").equalTo(4), self)
            .otherwise(concat_ws("|", col("year"), col("region"), col("innovation_sector"), skill)));
  }

  /**
   * skill_demand: cells with fewer than threshold described vacancies, or whose occupation's demand is
   * hidden in the published occupation table (or whose sector's, in the sector summary), and their complements; then skills counted fewer than
   * threshold times, and their complements; growth where the previous year is hidden; medians and
   * premiums on fewer than threshold salaries.
   */
  public static Dataset<Row> demand(Dataset<Row> gold, Dataset<Row> safeOccupations, Dataset<Row> safeSectors, DisclosureSettings d,
      int emergingMinCount) {
    int k = d.threshold();
    // A unit group's demand hidden in occupation_region_gap, or a major group's total hidden there: the cell's
    // described vacancies are nearly that count (hh ads nearly all have text).
    Dataset<Row> hiddenOccupations = safeOccupations
        .where(col("isco_level").equalTo(4).and(coalesce(col(hidden("demand")), lit(false)))
            .or(col("isco_level").equalTo(1).and(col("suppressed"))))
        .select(col("year"), col("region"), col("isco_code"), col("isco_level"), lit(true).as("_occupation_hidden"));
    // Likewise a sector's demand hidden in sector_region_summary: the sector's cell of every occupation (level 0).
    // A sector the summary shows is no complement while another cell can be: its count would give it back.
    Dataset<Row> sectorTotals = safeSectors.select(col("year"), col("region"), col("sector").as("innovation_sector"),
        lit(0).as("isco_level"), coalesce(col(hidden("demand")), lit(false)).as("_sector_hidden"));
    Dataset<Row> cells = gold.select("year", "region", "innovation_sector", "isco_level", "isco_code", "described_vacancies").distinct()
        .join(hiddenOccupations, new String[] {"year", "region", "isco_code", "isco_level"}, "left")
        .join(sectorTotals, new String[] {"year", "region", "innovation_sector", "isco_level"}, "left")
        .withColumn(Disclosure.COMPLEMENT_FIRST, coalesce(col("_sector_hidden").equalTo(false), lit(false)).equalTo(false));
    cells = withGroups(cells, lit("cell"));
    Column smallCell = col("described_vacancies").gt(0).and(col("described_vacancies").lt(k)).or(coalesce(col("_occupation_hidden"), lit(false)))
        .or(coalesce(col("_sector_hidden"), lit(false)));
    cells = Disclosure.protect(cells, smallCell, "described_vacancies", "cell", GROUPS, CELL, d.maxIterations())
        .select(col("year"), col("region"), col("innovation_sector"), col("isco_level"), col("isco_code"), col(hidden("cell")),
            col(primary("cell")));
    Dataset<Row> t = withGroups(gold.join(cells, CELL.toArray(String[]::new), "left"), col("skill_id"));
    Column primaryWhen = col("vacancies").gt(0).and(col("vacancies").lt(k)).or(col(hidden("cell")));
    t = Disclosure.protect(t, primaryWhen, "vacancies", "demand", GROUPS, List.of("region", "innovation_sector", "isco_level", "isco_code",
        "skill_id"), d.maxIterations());
    Dataset<Row> prev = t.select(col("year").plus(1).as("year"), col("region"), col("innovation_sector"), col("isco_level"), col("isco_code"),
        col("skill_id"), col(hidden("demand")).as("_prev_hidden"));
    Dataset<Row> prevCell = cells.select(col("year").plus(1).as("year"), col("region"), col("innovation_sector"), col("isco_level"),
        col("isco_code"), col(hidden("cell")).as("_prev_cell_hidden"));
    t = t.join(prev, new String[] {"year", "region", "innovation_sector", "isco_level", "isco_code", "skill_id"}, "left")
        .join(prevCell, CELL.toArray(String[]::new), "left")
        .withColumn("_salary_hidden", col("salary_observations").gt(0).and(col("salary_observations").lt(k)));
    Column demand = col(hidden("demand"));
    // A hidden cell hides its total; a skill hidden in a visible cell leaves the cell's total, protected on its own.
    t = blank(t, col(hidden("cell")), "described_vacancies");
    t = blank(t, coalesce(col("_prev_cell_hidden"), lit(false)), "described_prev", "share_prev", "growth_rel");
    t = blank(t, demand, "vacancies", "share", "salary_observations", "median_salary_kzt", "salary_premium",
        "growth_rel", "vacancies_prev", "share_prev");
    t = blank(t, coalesce(col("_prev_hidden"), lit(false)), "vacancies_prev", "share_prev", "growth_rel");
    t = blank(t, col("_salary_hidden"), "salary_observations", "median_salary_kzt", "salary_premium");
    // Confidence and ranks say something of a hidden count (low means under 4; a rank sits between two counts):
    // hidden rows lose them, and the ranks are counted again among the skills shown.
    t = blank(t, demand, "confidence", "demand_rank", "emerging_rank");
    t = t.withColumn("demand_rank", when(demand.equalTo(false), SkillDemand.demandRank()))
        .withColumn("emerging_rank", when(demand.equalTo(false).and(coalesce(col("_prev_hidden"), lit(false)).equalTo(false))
            .and(col("growth_rel").isNotNull()), SkillDemand.emergingRank(emergingMinCount)));
    Column why = concat_ws(",",
        when(col(primary("cell")), lit("cell:primary")).when(col(hidden("cell")), lit("cell:complementary")),
        when(col(primary("demand")).and(col(hidden("cell")).equalTo(false)), lit("demand:primary"))
            .when(demand.and(col(hidden("cell")).equalTo(false)), lit("demand:complementary")),
        when(col("_salary_hidden"), lit("salary:primary")),
        when(col("_prev_hidden"), lit("growth:previous_year")));
    return t.withColumn("suppression", when(why.notEqual(""), why)).withColumn("suppressed", col("suppression").isNotNull());
  }

  /**
   * program_skill_profile as published: computed again from the published skill cells only (a hidden
   * skill counts as none, a hidden cell is left out), so it is a function of published figures and public
   * crosswalk weights and can give nothing hidden away, however many fields read the same cells.
   */
  public static Dataset<Row> profiles(Dataset<Row> graduateSupply, Dataset<Row> safeDemand, Dataset<Row> isced, int minObs, int top) {
    return io.skillgap.gap.ProgramSkills.build(graduateSupply, safeDemand.where(col("described_vacancies").isNotNull()), isced, minObs, top)
        .withColumn("suppression", lit(null).cast("string")).withColumn("suppressed", lit(false));
  }
}
