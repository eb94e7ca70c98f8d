package io.skillgap.conform;

import static io.skillgap.conform.Rules.present;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig.SourceSettings;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * hh API vacancies to the common vacancy shape: the area to a country and region, net pay grossed up,
 * the pay period from the salary mode (pay per service is not comparable), hh's RUR as RUB. Occupation
 * codes come later, from the title and the professional roles.
 */
public final class HhVacancies {
  private HhVacancies() {}

  /** hh salary modes that are a pay rate per period, as the keys of vacancies.period-factors. */
  static Column period(Column mode) {
    Column m = upper(trim(mode));
    return when(m.equalTo("MONTH"), lit("month")).when(m.equalTo("SHIFT"), lit("shift")).when(m.equalTo("HOUR"), lit("hour"))
        .when(m.equalTo("WEEK"), lit("week")).when(m.equalTo("YEAR"), lit("year"));
  }

  /** A net amount grossed up by the factor; text that is not a number is kept for the salary rules to judge. */
  static Column grossUp(Column amount, Column isNet, double factor) {
    Column n = VacancyConform.number(amount);
    return when(isNet.and(n.isNotNull()), n.multiply(factor).cast("string")).otherwise(amount);
  }

  public static Dataset<Row> toInput(Dataset<Row> bronze, Dataset<Row> areas, SourceSettings s, String salt) {
    Dataset<Row> byId = broadcast(areas.where(col("area_id").isNotNull())
        .select(trim(col("area_id")).as("_a_id"), col("country").as("_id_country"), col("region_code").as("_id_region")));
    Dataset<Row> byName = broadcast(areas.select(Regions.key(col("area_name")).as("_a_name"), col("country").as("_name_country"),
        col("region_code").as("_name_region")).dropDuplicates("_a_name"));
    Dataset<Row> rows = bronze
        .join(byId, trim(col("area_id")).equalTo(col("_a_id")), "left")
        .join(byName, Regions.key(col("area_name")).equalTo(col("_a_name")), "left");
    Column known = col("_a_id").isNotNull();
    Column country = when(known, col("_id_country")).otherwise(coalesce(col("_name_country"), lit(s.homeCountry())));
    Column region = when(known, col("_id_region")).otherwise(coalesce(col("_name_region"), col("area_name")));
    Column salaryStated = present("salary_from").or(present("salary_to"));
    Column mode = trim(col("salary_mode"));
    Column notPeriodic = salaryStated.and(mode.isNotNull()).and(period(mode).isNull());
    Column isNet = lower(trim(col("gross"))).equalTo("false");
    Column currency = upper(trim(col("currency")));
    return VacancyInput.select(rows
        .withColumn(VacancyInput.RAW, VacancyInput.raw(Source.HH, salt))
        .withColumn(VacancyInput.COUNTRY, country)
        .withColumn(VacancyInput.ABROAD, country.notEqual(lit(s.homeCountry())))
        .withColumn("region", when(country.equalTo(lit(s.homeCountry())), region))
        .withColumn("source", lit(s.hhBoard()))
        .withColumn("posted_date", col("published_at"))
        .withColumn("closed_date", lit(null).cast("string"))
        .withColumn("occupation_code", lit(null).cast("string"))
        .withColumn("sector_code", lit(null).cast("string"))
        .withColumn("salary_min", grossUp(col("salary_from"), isNet, s.netToGross()))
        .withColumn("salary_max", grossUp(col("salary_to"), isNet, s.netToGross()))
        .withColumn("currency", when(currency.equalTo("RUR"), lit("RUB")).otherwise(currency))
        .withColumn("salary_period", coalesce(period(mode), lit("month")))
        .withColumn("education_level", lit(null).cast("string"))
        .withColumn("positions", lit(null).cast("string"))
        .withColumn("skills", col("key_skills"))
        .withColumn("requirements", concat_ws("\n", col("requirement"), col("responsibility"), col("description")))
        .withColumn(VacancyInput.ORIGIN, lit(Source.HH.folder()))
        .withColumn(VacancyInput.ROLE_IDS, col("role_ids"))
        .withColumn(VacancyInput.OCC_METHOD, lit(null).cast("string"))
        .withColumn(VacancyInput.PRE_REASON, when(notPeriodic, lit("PAY_NOT_PERIODIC"))));
  }
}
