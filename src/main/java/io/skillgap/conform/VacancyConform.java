package io.skillgap.conform;

import static io.skillgap.conform.Rules.blank;
import static io.skillgap.conform.Rules.present;
import static io.skillgap.conform.Rules.rule;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.skillgap.conform.Rules.Rule;
import io.skillgap.config.SkillgapConfig.VacancySettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Bronze vacancy ads to typed, validated ads: dates, region code, occupation, activity, monthly KZT salary. */
public final class VacancyConform {
  private VacancyConform() {}

  /** Common spellings of pay periods, mapped to the keys of vacancies.period-factors. */
  static final Map<String, String> PERIOD_SYNONYMS = Map.of(
      "monthly", "month", "yearly", "year", "annual", "year", "annually", "year",
      "weekly", "week", "daily", "day", "hourly", "hour", "per month", "month", "per hour", "hour");

  /** Text to typed values; a value that does not parse becomes null here and is judged by {@link #rules}. */
  public static Dataset<Row> typed(Dataset<Row> bronze, VacancySettings s) {
    // One map lookup: a chain of when(p = k, v).otherwise(p) names p twice per synonym, so the expression
    // doubled with each one (2^10 copies of lower(trim(...)) per row, most of conform's time at 10M rows).
    Column spelled = lower(trim(col("salary_period")));
    Column period = coalesce(element_at(Rules.lookup(PERIOD_SYNONYMS), spelled), spelled);
    return bronze
        .withColumn("v_source", lower(trim(col("source"))))
        .withColumn("v_id", trim(col("vacancy_id")))
        .withColumn("v_title", trim(regexp_replace(Privacy.mask(col("title")), "\\s+", " ")))
        .withColumn("v_posted", isoDate(col("posted_date")))
        .withColumn("v_closed", isoDate(col("closed_date")))
        .withColumn("v_isco", trim(col("occupation_code")))
        .withColumn("v_sector", upper(trim(col("sector_code"))))
        .withColumn("v_salary_min", number(col("salary_min")))
        .withColumn("v_salary_max", number(col("salary_max")))
        .withColumn("v_currency", when(blank("currency"), lit(s.defaultCurrency())).otherwise(upper(trim(col("currency")))))
        .withColumn("v_period", when(blank("salary_period"), lit(s.defaultSalaryPeriod())).otherwise(period))
        .withColumn("v_education", trim(col("education_level")).try_cast("int"))
        .withColumn("v_positions", when(blank("positions"), lit(1)).otherwise(trim(col("positions")).try_cast("int")));
  }

  /** An ISO date (yyyy-MM-dd, optionally followed by a time), else null; "2024" alone is not a date. */
  static Column isoDate(Column raw) {
    Column t = trim(raw);
    return when(t.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ].*)?$"), substring(t, 1, 10).try_cast("date"));
  }

  /** A number written with optional spaces as thousands separators, else null. */
  static Column number(Column raw) {
    return regexp_replace(raw, "[\\s\\u00A0\\u202F]", "").try_cast("double");
  }

  /** Marks whether the occupation code is an ISCO-08 unit group (v_isco_known). */
  public static Dataset<Row> withOccupation(Dataset<Row> rows, Dataset<Row> iscoUnits) {
    Dataset<Row> units = broadcast(iscoUnits.select(col("isco_code").as("_unit"), lit(true).as("v_isco_known")));
    return rows.join(units, col("v_isco").equalTo(col("_unit")), "left").drop("_unit");
  }

  /**
   * Economic activity: a NACE section letter, or a division taken from the first two digits of any
   * finer code (62, 62.01, 62010); v_nace_section is null when the code is unknown.
   */
  public static Dataset<Row> withActivity(Dataset<Row> rows, Dataset<Row> nace) {
    Column division = when(col("v_sector").rlike("^[0-9]{2}([.0-9]*)$"), substring(col("v_sector"), 1, 2));
    Column code = when(col("v_sector").rlike("^[A-Z]$"), col("v_sector")).otherwise(division);
    Dataset<Row> n = broadcast(nace.select(col("nace_code").as("_nace"), col("section").as("v_nace_section"),
        when(col("level").equalTo("division"), col("nace_code")).as("v_nace_division")));
    return rows.withColumn("_nace_key", code).join(n, col("_nace_key").equalTo(col("_nace")), "left").drop("_nace", "_nace_key");
  }

  /**
   * Monthly salary in KZT: midpoint of min and max (or whichever is given) times the period factor
   * times the currency's rate on the posting date. Null when no salary is stated.
   */
  public static Dataset<Row> withMonthlySalaryKzt(Dataset<Row> rows, Dataset<Row> rates, Map<String, Double> periodFactors) {
    Dataset<Row> r = broadcast(rates.select(col("currency").as("_cur"), col("valid_from").as("_from"),
        col("valid_to").as("_to"), col("kzt_per_unit").as("_rate")));
    Column matches = col("v_currency").equalTo(col("_cur"))
        .and(col("v_posted").geq(col("_from")))
        .and(col("_to").isNull().or(col("v_posted").lt(col("_to"))));
    Column mid = when(col("v_salary_min").isNotNull().and(col("v_salary_max").isNotNull()),
            col("v_salary_min").plus(col("v_salary_max")).divide(2))
        .otherwise(org.apache.spark.sql.functions.coalesce(col("v_salary_min"), col("v_salary_max")));
    return rows.join(r, matches, "left")
        .withColumn("v_rate", when(col("v_currency").equalTo("KZT"), lit(1.0)).otherwise(col("_rate")))
        .withColumn("v_period_factor", element_at(Rules.lookup(periodFactors), col("v_period")))
        .withColumn("v_salary_mid", mid)
        .withColumn("v_salary_kzt", col("v_salary_mid").multiply(col("v_period_factor")).multiply(col("v_rate")))
        .drop("_cur", "_from", "_to", "_rate");
  }

  /** The vacancy rules in the order they are judged; the first failure is the row's reason. */
  public static List<Rule> rules(VacancySettings s, LocalDate asOf) {
    Column salaryStated = col("v_salary_mid").isNotNull();
    Column home = col(VacancyInput.ABROAD).equalTo(false);
    List<Rule> rules = new java.util.ArrayList<>();
    rules.add(Rules.parseFault());
    VacancyInput.PRE_REASONS.forEach(r -> rules.add(rule(r, col(VacancyInput.PRE_REASON).equalTo(r))));
    rules.addAll(List.of(
        rule("MISSING_VACANCY_ID", blank("vacancy_id")),
        rule("MISSING_SOURCE", blank("source")),
        rule("MISSING_TITLE", blank("title")),
        rule("MISSING_POSTED_DATE", blank("posted_date")),
        rule("BAD_POSTED_DATE", col("v_posted").isNull()),
        rule("POSTED_DATE_OUT_OF_RANGE", col("v_posted").lt(lit(java.sql.Date.valueOf(s.earliestPostedDate())))
            .or(col("v_posted").gt(lit(java.sql.Date.valueOf(asOf))))),
        rule("BAD_CLOSED_DATE", present("closed_date").and(col("v_closed").isNull())),
        rule("CLOSED_BEFORE_POSTED", col("v_closed").lt(col("v_posted"))),
        rule("CLOSED_DATE_OUT_OF_RANGE", col("v_closed").gt(org.apache.spark.sql.functions.date_add(col("v_posted"), s.maxOpenDays()))
            .or(col("v_closed").gt(lit(java.sql.Date.valueOf(asOf.plusYears(1)))))),
        rule("MISSING_REGION", home.and(blank("region"))),
        rule("UNKNOWN_REGION", home.and(col("v_region").isNull())),
        rule("REGION_NOT_SUBNATIONAL", col("v_region_type").equalTo("country")),
        rule("UNKNOWN_OCCUPATION_CODE", present("occupation_code").and(col("v_isco_known").isNull())),
        rule("UNKNOWN_SECTOR_CODE", present("sector_code").and(col("v_nace_section").isNull())),
        rule("BAD_SALARY", present("salary_min").and(col("v_salary_min").isNull())
            .or(present("salary_max").and(col("v_salary_max").isNull()))),
        rule("NEGATIVE_SALARY", col("v_salary_min").lt(0).or(col("v_salary_max").lt(0))),
        rule("SALARY_MIN_GT_MAX", col("v_salary_min").gt(col("v_salary_max"))),
        rule("UNKNOWN_CURRENCY", salaryStated.and(col("v_rate").isNull())),
        rule("UNKNOWN_SALARY_PERIOD", salaryStated.and(col("v_period_factor").isNull())),
        rule("ABSURD_SALARY", col("v_salary_kzt").lt(s.minMonthlySalaryKzt()).or(col("v_salary_kzt").gt(s.maxMonthlySalaryKzt()))),
        rule("BAD_POSITIONS", col("v_positions").isNull().or(col("v_positions").lt(1)).or(col("v_positions").gt(s.maxPositions()))),
        rule("BAD_EDUCATION_LEVEL", present("education_level")
            .and(col("v_education").isNull().or(col("v_education").lt(0)).or(col("v_education").gt(8)))),
        rule("BAD_SKILLS", col("v_skills_problem").isNotNull())));
    return rules;
  }

  /** The normalised title: lower case, punctuation removed (the dedupe key part). */
  static Column titleNorm(Column title) {
    return trim(regexp_replace(lower(title), "[^\\p{L}\\p{N}]+", " "));
  }

  /**
   * The same board and id with different content (title, region, employer or occupation) is not a
   * re-post but a conflict: the first row (earliest posting, then row) keeps the id, later ones and any
   * that disagree with the id's existing ads from earlier nights are quarantined as DUPLICATE_ID_CONFLICT.
   */
  public static Dataset<Row> flagIdConflicts(Dataset<Row> checked, Dataset<Row> existingAds, String salt) {
    Column identity = concat_ws("|", titleNorm(col("v_title")), col("v_region"),
        coalesce(Privacy.pseudonym(col("employer_id"), salt), lit("")), coalesce(col("v_isco"), lit("")));
    // Only ids that occur tonight can conflict: the semi-join keeps the window's shuffle to those instead of
    // every ad of every earlier night (the window is per id, so the result is the same).
    Dataset<Row> tonight = checked.select(col("v_source").as("_b_source"), col("v_id").as("_b_id")).distinct();
    Dataset<Row> existing = existingAds
        .join(tonight, col("source").equalTo(col("_b_source")).and(col("vacancy_id").equalTo(col("_b_id"))), "left_semi")
        .withColumn("_rank", row_number().over(Window.partitionBy("source", "vacancy_id").orderBy("posted_date", "_batch_id", "_source_file", "_row_id")))
        .where(col("_rank").equalTo(1))
        .select(col("source").as("_e_source"), col("vacancy_id").as("_e_id"), concat_ws("|", col("title_norm"), col("region"),
            coalesce(col("employer_id"), lit("")), coalesce(col("isco_code"), lit(""))).as("_e_identity"));
    Column valid = col(Rules.REASON).isNull();
    // Valid rows first, then by posting and row: the first row of an id sets its identity for the night.
    WindowSpec byId = Window.partitionBy("v_source", "v_id").orderBy(col(Rules.REASON).asc_nulls_first(), col("v_posted"),
        col(io.skillgap.conform.Source.SOURCE_FILE), col("_row_id"));
    Dataset<Row> t = checked.withColumn("_identity", identity)
        .join(existing, col("v_source").equalTo(col("_e_source")).and(col("v_id").equalTo(col("_e_id"))), "left")
        .withColumn("_first_identity", first(col("_identity")).over(byId));
    Column conflict = valid.and(col("_e_identity").isNotNull().and(col("_e_identity").notEqual(col("_identity")))
        .or(col("_identity").notEqual(col("_first_identity"))));
    return t.withColumn(Rules.REASON, when(conflict, lit("DUPLICATE_ID_CONFLICT")).otherwise(col(Rules.REASON)))
        .drop("_identity", "_e_source", "_e_id", "_e_identity", "_first_identity");
  }

  /** Accepted ads in silver shape (one row per ad, before duplicates are collapsed). */
  public static Dataset<Row> acceptedAds(Dataset<Row> accepted, String salt) {
    return accepted.select(
        col(VacancyInput.ORIGIN).as("origin"),
        col(VacancyInput.COUNTRY).as("country"),
        col("v_source").as("source"),
        col("v_id").as("vacancy_id"),
        col("v_posted").as("posted_date"),
        col("v_closed").as("closed_date"),
        col("v_title").as("title"),
        titleNorm(col("v_title")).as("title_norm"),
        when(col("v_isco_known"), col("v_isco")).as("isco_code"),
        when(col("v_isco_known"), col("v_isco_level")).as("isco_level"),
        col("v_occ_method").as("occupation_method"),
        col("v_occ_confidence").as("occupation_confidence"),
        col("v_region").as("region"),
        Privacy.pseudonym(col("employer_id"), salt).as("employer_id"),
        col("v_nace_section").as("nace_section"),
        col("v_nace_division").as("nace_division"),
        col("v_salary_kzt").as("salary_monthly_kzt"),
        col("v_education").as("education_level"),
        col("v_positions").as("positions"),
        col("v_skills").as("skills"),
        col("v_described").as("described"),
        col("_row_id"),
        col(io.skillgap.conform.Source.SOURCE_FILE),
        col("_batch_id"));
  }
}
