package io.skillgap.gap;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.skillgap.reference.Reference;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * "What employers of your graduates ask for": per year, region of the institutions and field of study,
 * the skills named in vacancies of the occupations the field feeds (where its graduates work), each
 * occupation weighted by the field's crosswalk weight into it (times the share that works in that
 * region), so a field that feeds software developers at 0.6 and technicians at 0.1 reads mostly the
 * developers' asks. The top skills of each field, with share, growth and premium.
 */
public final class ProgramSkills {
  private ProgramSkills() {}

  /** The field's weight into each occupation and region of work (from the graduate supply, OTHER aside). */
  static Dataset<Row> weights(Dataset<Row> graduateSupply) {
    return graduateSupply.where(col("isco_code").notEqual(Reference.OTHER_OCCUPATIONS))
        .select(col("year"), col("region"), col("work_region"), col("field_code"), col("isco_code"),
            col("weight").multiply(col("mobility_share")).as("w"))
        .where(col("w").gt(0))
        .groupBy("year", "region", "work_region", "field_code", "isco_code").agg(org.apache.spark.sql.functions.max("w").as("w"));
  }

  /**
   * @param skillDemand gold skill_demand (unsuppressed): its unit-group rows are read
   * @param top how many skills each field keeps, by weighted share
   */
  public static Dataset<Row> build(Dataset<Row> graduateSupply, Dataset<Row> skillDemand, Dataset<Row> isced, int minObs, int top) {
    Dataset<Row> units = skillDemand.where(col("isco_level").equalTo(4).and(col("region").notEqual(SkillDemand.COUNTRY)))
        .select(col("year").as("_y"), col("region").as("_wr"), col("isco_code").as("_c"), col("skill_id"), col("skill_group"),
            col("vacancies"), col("described_vacancies"), col("vacancies_prev"), col("described_prev"), col("salary_premium"));
    // The denominator: every described vacancy of every occupation the field feeds, named skill or not (a cell
    // whose vacancies name no skill has its "none" row, so it is here too).
    Dataset<Row> described = units.select("_y", "_wr", "_c", "described_vacancies", "described_prev").distinct();
    Dataset<Row> w = weights(graduateSupply);
    Column onCell = col("year").equalTo(col("_y")).and(col("work_region").equalTo(col("_wr"))).and(col("isco_code").equalTo(col("_c")));
    Dataset<Row> base = w.join(described, onCell)
        .groupBy("year", "region", "field_code")
        .agg(sum(col("w").multiply(col("described_vacancies"))).as("described_vacancies"),
            sum(col("w").multiply(col("described_prev"))).as("described_prev"));
    Column premium = col("salary_premium").isNotNull();
    Dataset<Row> bySkill = w.join(units.where(col("skill_id").notEqual(SkillDemand.NONE)), onCell)
        .groupBy("year", "region", "field_code", "skill_id", "skill_group")
        .agg(sum(col("w").multiply(col("vacancies"))).as("weighted_vacancies"),
            sum("vacancies").as("vacancies"),
            sum(col("w").multiply(col("vacancies_prev"))).as("weighted_vacancies_prev"),
            sum("vacancies_prev").as("vacancies_prev"),
            sum(when(premium, col("w").multiply(col("vacancies")).multiply(col("salary_premium")))).as("_premium_num"),
            sum(when(premium, col("w").multiply(col("vacancies")))).as("_premium_den"));
    Column enough = col("vacancies").geq(minObs).and(col("vacancies_prev").geq(minObs));
    Column share = col("weighted_vacancies").divide(col("described_vacancies"));
    Column sharePrev = col("weighted_vacancies_prev").divide(col("described_prev"));
    Dataset<Row> titles = broadcast(isced).select(col("field_code").as("_f"), col("title_en").as("field_title"));
    return bySkill.join(base, new String[] {"year", "region", "field_code"})
        .withColumn("share", when(col("described_vacancies").gt(0), share))
        .withColumn("growth_rel", when(enough.and(col("described_prev").gt(0)).and(col("weighted_vacancies_prev").gt(0)),
            share.divide(sharePrev).minus(1)))
        .withColumn("salary_premium", when(col("_premium_den").gt(0), col("_premium_num").divide(col("_premium_den"))))
        .withColumn("rank", row_number().over(Window.partitionBy("year", "region", "field_code")
            .orderBy(col("weighted_vacancies").desc(), col("skill_id"))))
        .where(col("rank").leq(top))
        .join(titles, col("field_code").equalTo(col("_f")), "left").drop("_f", "_premium_num", "_premium_den")
        .withColumn("confidence", when(col("vacancies").lt(minObs), lit("low")).when(enough, lit("high")).otherwise(lit("medium")));
  }
}
