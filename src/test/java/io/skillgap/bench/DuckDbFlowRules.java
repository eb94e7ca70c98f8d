package io.skillgap.bench;

import static io.skillgap.bench.DuckDbFlow.literal;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.SkillgapConfig.VacancySettings;
import io.skillgap.conform.GraduateConform;

/**
 * {@link DuckDbFlow}'s validation, deduplication and supply in SQL: tables {@code ads} (the accepted ads,
 * as silver/vacancy_ads), {@code flow_vacancies} (as silver/vacancies) and {@code flow_supply} (as
 * silver/graduate_supply). The rules and their order are docs/OPERATIONS.md's reasons as conform judges them.
 * The steps between are views (typed, priced, checked, units, sessions): DuckDB runs each chain as one query
 * instead of writing the wide rows out at every step.
 */
final class DuckDbFlowRules {
  private DuckDbFlowRules() {}

  /**
   * Region spellings and titles are matched and normalised once each (tables spellings and titles), not
   * once per ad. Then typed values, the occupation (the source's code, else the Java step's coding), the activity, the
   * monthly salary in KZT, then the first rule each row fails; an id whose valid rows disagree on title,
   * region, employer or occupation keeps its first one's (DUPLICATE_ID_CONFLICT for the others). The
   * pipeline orders an id's rows with the valid ones first, so its first row is the first valid one.
   */
  static String validate(SkillgapConfig cfg) {
    VacancySettings v = cfg.vacancies();
    String asOf = "DATE " + literal(cfg.run().asOfDate().toString());
    return """
        CREATE OR REPLACE TABLE spellings AS
        SELECT r.region, a.region_code, a.region_type FROM (SELECT DISTINCT region FROM vac_input) r
        LEFT JOIN ref_alias a ON region_key(r.region) = a.alias_key;

        CREATE OR REPLACE TABLE titles AS SELECT title, v_title, title_norm(v_title) AS title_norm FROM title_map;

        CREATE OR REPLACE VIEW typed AS
        SELECT i.*, lower(trim(i.source)) AS v_source, trim(i.vacancy_id) AS v_id, t.v_title, t.title_norm, iso_date(i.posted_date) AS v_posted,
          iso_date(i.closed_date) AS v_closed, upper(trim(i.sector_code)) AS v_sector, num(i.salary_min) AS v_salary_min,
          num(i.salary_max) AS v_salary_max,
          CASE WHEN blank(i.currency) THEN %1$s ELSE upper(trim(i.currency)) END AS v_currency,
          CASE WHEN blank(i.salary_period) THEN %2$s ELSE coalesce(y.period, lower(trim(i.salary_period))) END AS v_period,
          whole(trim(i.education_level)) AS v_education,
          CASE WHEN blank(i.positions) THEN 1 ELSE whole(trim(i.positions)) END AS v_positions,
          a.region_code AS v_region, a.region_type AS v_region_type,
          CASE WHEN blank(i.occupation_code) THEN c.isco ELSE trim(i.occupation_code) END AS v_isco,
          CASE WHEN blank(i.occupation_code) THEN c.isco IS NOT NULL ELSE u.isco_code IS NOT NULL END AS v_isco_known,
          CASE WHEN trim(i.employer_id) <> '' THEN trim(i.employer_id) END AS employer
        FROM vac_input i
        LEFT JOIN titles t ON i.title = t.title
        LEFT JOIN codings c ON t.v_title = c.v_title AND coalesce(i.role_ids, '') = c.role_ids
        LEFT JOIN ref_units u ON trim(i.occupation_code) = u.isco_code
        LEFT JOIN spellings a ON i.region = a.region
        LEFT JOIN period_synonyms y ON lower(trim(i.salary_period)) = y.spelling;

        CREATE OR REPLACE VIEW priced AS
        SELECT t.*, n.section AS v_nace_section, CASE WHEN t.v_currency = 'KZT' THEN 1.0 ELSE r.rate END AS v_rate,
          f.factor AS v_period_factor, CASE WHEN v_salary_min IS NOT NULL AND v_salary_max IS NOT NULL
            THEN (v_salary_min + v_salary_max) / 2 ELSE coalesce(v_salary_min, v_salary_max) END AS v_salary_mid
        FROM typed t
        LEFT JOIN ref_nace n ON n.nace_code = CASE WHEN regexp_matches(t.v_sector, '^[A-Z]$') THEN t.v_sector
          WHEN regexp_matches(t.v_sector, '^[0-9]{2}([.0-9]*)$') THEN substring(t.v_sector, 1, 2) END
        LEFT JOIN ref_rates r ON t.v_currency = r.currency AND t.v_posted >= r.valid_from AND (r.valid_to IS NULL OR t.v_posted < r.valid_to)
        LEFT JOIN period_factors f ON t.v_period = f.period;

        CREATE OR REPLACE VIEW checked AS
        SELECT *, CASE
            WHEN pre_reason = 'PAY_NOT_PERIODIC' THEN 'PAY_NOT_PERIODIC'
            WHEN pre_reason = 'UNKNOWN_NKZ_CODE' THEN 'UNKNOWN_NKZ_CODE'
            WHEN blank(vacancy_id) THEN 'MISSING_VACANCY_ID'
            WHEN blank(source) THEN 'MISSING_SOURCE'
            WHEN blank(title) THEN 'MISSING_TITLE'
            WHEN blank(posted_date) THEN 'MISSING_POSTED_DATE'
            WHEN v_posted IS NULL THEN 'BAD_POSTED_DATE'
            WHEN v_posted < DATE %3$s OR v_posted > %4$s THEN 'POSTED_DATE_OUT_OF_RANGE'
            WHEN present(closed_date) AND v_closed IS NULL THEN 'BAD_CLOSED_DATE'
            WHEN v_closed < v_posted THEN 'CLOSED_BEFORE_POSTED'
            WHEN v_closed > v_posted + %5$d OR v_closed > DATE %6$s THEN 'CLOSED_DATE_OUT_OF_RANGE'
            WHEN NOT abroad AND blank(region) THEN 'MISSING_REGION'
            WHEN NOT abroad AND v_region IS NULL THEN 'UNKNOWN_REGION'
            WHEN v_region_type = 'country' THEN 'REGION_NOT_SUBNATIONAL'
            WHEN present(occupation_code) AND NOT v_isco_known THEN 'UNKNOWN_OCCUPATION_CODE'
            WHEN present(sector_code) AND v_nace_section IS NULL THEN 'UNKNOWN_SECTOR_CODE'
            WHEN present(salary_min) AND v_salary_min IS NULL OR present(salary_max) AND v_salary_max IS NULL THEN 'BAD_SALARY'
            WHEN v_salary_min < 0 OR v_salary_max < 0 THEN 'NEGATIVE_SALARY'
            WHEN v_salary_min > v_salary_max THEN 'SALARY_MIN_GT_MAX'
            WHEN v_salary_mid IS NOT NULL AND v_rate IS NULL THEN 'UNKNOWN_CURRENCY'
            WHEN v_salary_mid IS NOT NULL AND v_period_factor IS NULL THEN 'UNKNOWN_SALARY_PERIOD'
            WHEN v_salary_mid * v_period_factor * v_rate < %7$s OR v_salary_mid * v_period_factor * v_rate > %8$s THEN 'ABSURD_SALARY'
            WHEN v_positions IS NULL OR v_positions < 1 OR v_positions > %9$d THEN 'BAD_POSITIONS'
            WHEN present(education_level) AND (v_education IS NULL OR v_education < 0 OR v_education > 8) THEN 'BAD_EDUCATION_LEVEL'
            WHEN skills_problem(skills) THEN 'BAD_SKILLS'
          END AS reason
        FROM priced;

        CREATE OR REPLACE TABLE valid AS
        SELECT country, v_source AS source, v_id AS vacancy_id, v_posted AS posted_date, v_closed AS closed_date,
          title_norm, CASE WHEN v_isco_known THEN v_isco END AS isco_code, v_region AS region,
          employer AS employer_id, v_salary_mid * v_period_factor * v_rate AS salary_monthly_kzt, v_positions AS positions,
          source_file, ord, concat_ws('|', title_norm, v_region, coalesce(employer, ''), coalesce(v_isco, '')) AS identity
        FROM checked WHERE reason IS NULL;

        CREATE OR REPLACE TABLE ads AS
        SELECT v.* EXCLUDE (identity) FROM valid v
        JOIN (SELECT source, vacancy_id, arg_min(identity, (posted_date, source_file, ord)) AS first_identity FROM valid GROUP BY ALL) f
          ON v.source = f.source AND v.vacancy_id = f.vacancy_id AND v.identity = f.first_identity;
        """.formatted(literal(v.defaultCurrency()), literal(v.defaultSalaryPeriod()), literal(v.earliestPostedDate().toString()), asOf,
        v.maxOpenDays(), literal(cfg.run().asOfDate().plusYears(1).toString()), literal(v.minMonthlySalaryKzt()), literal(v.maxMonthlySalaryKzt()),
        v.maxPositions());
  }

  /**
   * Unique vacancies: one per board and id, then across boards the vacancies of one employer, normalised
   * title and region whose first postings are at most the window after the previous one; an ad without an
   * employer id is collapsed by its id only. The occupation and region are the earliest ad's that has one
   * (a unit group before a coarser code); a vacancy dated before a boundary change is split into today's
   * regions with the configured shares as weights. Only the home country's ads count.
   */
  static String dedupe(String homeCountry, int windowDays) {
    return """
        CREATE OR REPLACE VIEW units AS
        SELECT source || ':' || vacancy_id AS unit_id, min(posted_date) AS first_posted_date, max(closed_date) AS closed_date,
          count(*) AS ads, max(positions) AS positions, sum(salary_monthly_kzt) AS salary_sum, count(salary_monthly_kzt) AS salary_n,
          arg_min(isco_code, (isco_code IS NULL, -length(isco_code), posted_date, source_file, ord)) AS isco_code,
          arg_min(title_norm, (title_norm IS NULL, posted_date, source_file, ord)) AS title_norm,
          arg_min(region, (region IS NULL, posted_date, source_file, ord)) AS region,
          arg_min(employer_id, (employer_id IS NULL, posted_date, source_file, ord)) AS employer_id
        FROM ads WHERE country = %s GROUP BY source, vacancy_id;

        CREATE OR REPLACE VIEW sessions AS
        SELECT *, sum(starts) OVER (PARTITION BY cluster_key ORDER BY first_posted_date, unit_id ROWS UNBOUNDED PRECEDING) AS session
        FROM (SELECT *, CASE WHEN previous IS NULL OR first_posted_date - previous > %d THEN 1 ELSE 0 END AS starts
              FROM (SELECT *, lag(first_posted_date) OVER (PARTITION BY cluster_key ORDER BY first_posted_date, unit_id) AS previous
                    FROM (SELECT *, CASE WHEN employer_id IS NULL THEN 'id|' || unit_id
                                 ELSE concat_ws('|', 'emp', employer_id, title_norm, region) END AS cluster_key FROM units)));

        CREATE OR REPLACE TABLE collapsed AS
        SELECT cluster_key, session, min(first_posted_date) AS first_posted_date, max(closed_date) AS closed_date, sum(ads) AS ads,
          max(positions) AS positions, sum(salary_sum) / sum(salary_n) AS salary_monthly_kzt,
          arg_min(isco_code, (isco_code IS NULL, -length(isco_code), first_posted_date, unit_id)) AS isco_code,
          arg_min(region, (region IS NULL, first_posted_date, unit_id)) AS region
        FROM sessions GROUP BY cluster_key, session;

        CREATE OR REPLACE TABLE flow_vacancies AS
        SELECT year(c.first_posted_date) AS year, coalesce(s.to_region, c.region) AS region, coalesce(s.share, 1.0) AS region_weight,
          c.isco_code, c.ads, c.positions, c.salary_monthly_kzt, c.closed_date, c.first_posted_date
        FROM collapsed c LEFT JOIN ref_splits s ON c.region = s.from_region AND c.first_posted_date < s.until;
        """.formatted(literal(homeCountry), windowDays);
  }

  /**
   * Graduates judged (year, region, ISCED-F field from a plain, programme or TVET code, level, count),
   * summed per cell, shared out to today's regions for years before a change, then per occupation:
   * graduates x crosswalk weight (the most detailed entry of the field and its parents; none: all to
   * OTHER) x the level's entry share, moved to work regions by the mobility table when there is one.
   */
  static String supply(SkillgapConfig cfg) {
    return """
        CREATE OR REPLACE TABLE graduates AS
        SELECT g_year AS year, g_region AS region, g_field AS field_code, g_level AS level, g_count AS graduates FROM (
          SELECT *, CASE
              WHEN g_year IS NULL OR g_year < 2000 OR g_year > %1$d THEN 'BAD_YEAR'
              WHEN blank(region) THEN 'MISSING_REGION'
              WHEN g_region IS NULL THEN 'UNKNOWN_REGION'
              WHEN g_region_type = 'country' THEN 'REGION_NOT_SUBNATIONAL'
              WHEN g_field IS NULL OR g_field NOT IN (SELECT field_code FROM ref_isced) THEN 'BAD_FIELD_CODE'
              WHEN g_level IS NULL OR g_level NOT IN (%3$s) THEN 'UNKNOWN_LEVEL'
              WHEN g_implied IS NOT NULL AND g_implied <> g_level THEN 'LEVEL_MISMATCH'
              WHEN g_count IS NULL OR g_count < 0 OR g_exact <> g_count::DOUBLE THEN 'BAD_COUNT'
              WHEN g_count > %2$d THEN 'IMPLAUSIBLE_COUNT'
            END AS reason
          FROM (SELECT g.*, whole(trim(g.year)) AS g_year, lower(trim(g.level)) AS g_level, num(g.graduates) AS g_exact,
                  try_cast(trunc(num(g.graduates)) AS BIGINT) AS g_count, a.region_code AS g_region, a.region_type AS g_region_type,
                  CASE regexp_extract(upper(trim(g.field_code)), '^([678])([BMD])([0-9]{3})[0-9]{0,3}$', 2)
                    WHEN 'B' THEN 'bachelor' WHEN 'M' THEN 'master' WHEN 'D' THEN 'doctorate' END AS g_implied,
                  coalesce(d.isced_field, CASE WHEN regexp_matches(upper(trim(g.field_code)), '^[0-9]{2,4}$') THEN upper(trim(g.field_code))
                    WHEN regexp_matches(upper(trim(g.field_code)), '^[0-9]{7,8}$') THEN substring(upper(trim(g.field_code)), 1, 4) END) AS g_field
                FROM land_graduates g
                LEFT JOIN ref_alias a ON region_key(g.region) = a.alias_key
                LEFT JOIN ref_directions d ON d.direction = CASE WHEN regexp_matches(upper(trim(g.field_code)),
                  '^([678])([BMD])([0-9]{3})[0-9]{0,3}$') THEN regexp_extract(upper(trim(g.field_code)), '^([678])([BMD])([0-9]{3})', 3) END))
        WHERE reason IS NULL;

        CREATE OR REPLACE TABLE flow_supply AS
        WITH cells AS (SELECT year, region, field_code, level, sum(graduates)::DOUBLE AS graduates FROM graduates GROUP BY ALL),
        harmonised AS (
          SELECT c.year, coalesce(s.to_region, c.region) AS region, c.field_code, c.level, c.graduates * coalesce(s.share, 1.0) AS graduates
          FROM cells c LEFT JOIN ref_splits s ON c.region = s.from_region AND c.year < year(s.until)),
        fields AS (SELECT DISTINCT field_code FROM ref_crosswalk),
        keyed AS (
          SELECT h.*, CASE WHEN length(field_code) >= 4 AND left(field_code, 4) IN (SELECT * FROM fields) THEN left(field_code, 4)
              WHEN length(field_code) >= 3 AND left(field_code, 3) IN (SELECT * FROM fields) THEN left(field_code, 3)
              WHEN length(field_code) >= 2 AND left(field_code, 2) IN (SELECT * FROM fields) THEN left(field_code, 2) END AS crosswalk_field
          FROM harmonised h),
        allocated AS (
          SELECT k.year, k.region, k.graduates, coalesce(x.isco_code, 'OTHER') AS isco_code,
            k.graduates * coalesce(x.weight, 1.0) * e.share AS supply
          FROM keyed k LEFT JOIN ref_crosswalk x ON k.crosswalk_field = x.field_code LEFT JOIN entry_shares e ON k.level = e.level)
        SELECT a.year, coalesce(m.to_region, a.region) AS work_region, a.isco_code, a.graduates, coalesce(m.share, 1.0) AS mobility_share,
          a.supply * coalesce(m.share, 1.0) AS supply
        FROM allocated a LEFT JOIN ref_mobility m ON a.region = m.from_region;
        """.formatted(cfg.run().asOfDate().getYear(), cfg.graduates().maxPerRow(),
        GraduateConform.LEVELS.stream().map(DuckDbFlow::literal).collect(java.util.stream.Collectors.joining(", ")));
  }
}
