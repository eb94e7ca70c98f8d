package io.skillgap.bench;

import static io.skillgap.bench.DuckDbFlow.literal;
import static io.skillgap.bench.DuckDbLanding.quote;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.SkillgapConfig.BoundaryChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL of {@link DuckDbFlow}, step by step. Each step is a few statements that make named tables, so
 * that a difference from the pipeline can be looked for table by table (ads against silver/vacancy_ads,
 * flow_vacancies against silver/vacancies, flow_supply against silver/graduate_supply).
 */
final class DuckDbFlowSql {
  private DuckDbFlowSql() {}

  /**
   * Text rules as SQL macros. Spark's trim removes spaces only, as DuckDB's does; Java's \s (Spark's regular
   * expressions) includes \x0B, RE2's does not, so the classes are spelled out. A skills list is split into
   * items only when it could fail: one of at most 120 characters without a control character cannot.
   */
  static String macros() {
    return """
        CREATE OR REPLACE MACRO blank(s) AS s IS NULL OR trim(s) = '';
        CREATE OR REPLACE MACRO present(s) AS NOT blank(s);
        CREATE OR REPLACE MACRO num(s) AS try_cast(regexp_replace(s, '[ \\t\\n\\x0B\\f\\r\\x{00A0}\\x{202F}]', '', 'g') AS DOUBLE);
        CREATE OR REPLACE MACRO whole(s) AS CASE WHEN regexp_full_match(s, '[+-]?[0-9]+') THEN try_cast(s AS INTEGER) END;
        CREATE OR REPLACE MACRO iso_date(s) AS CASE WHEN regexp_matches(trim(s), '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ].*)?$')
          THEN try_cast(substring(trim(s), 1, 10) AS DATE) END;
        CREATE OR REPLACE MACRO region_key(s) AS trim(regexp_replace(regexp_replace(replace(lower(trim(s)), 'ё', 'е'),
          '["''’ʼ`«».,()]', '', 'g'), '[ \\t\\n\\x0B\\f\\r_\\-–]+', ' ', 'g'));
        CREATE OR REPLACE MACRO title_norm(s) AS trim(regexp_replace(lower(s), '[^\\p{L}\\p{N}]+', ' ', 'g'));
        CREATE OR REPLACE MACRO list_items(s) AS list_transform(list_filter(string_split(s, ';'), x -> trim(x, chr(32) || chr(9) || chr(10)
          || chr(11) || chr(12) || chr(13)) <> ''), x -> trim(x, chr(32) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)));
        CREATE OR REPLACE MACRO skills_problem(s) AS s IS NOT NULL
          AND (length(s) > 120 OR regexp_matches(s, '[\\x00-\\x1F\\x7F-\\x{9F}]')) AND (len(list_items(s)) > 200
          OR list_bool_or(list_transform(list_items(s), x -> length(x) > 120 OR regexp_matches(x, '[\\x00-\\x1F\\x7F-\\x{9F}]'))));
        CREATE OR REPLACE MACRO hh_period(s) AS CASE upper(trim(s)) WHEN 'MONTH' THEN 'month' WHEN 'SHIFT' THEN 'shift'
          WHEN 'HOUR' THEN 'hour' WHEN 'WEEK' THEN 'week' WHEN 'YEAR' THEN 'year' END;
        CREATE OR REPLACE MACRO enbek_date(s) AS CASE WHEN regexp_matches(trim(s), '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}')
          THEN substring(trim(s), 7, 4) || '-' || substring(trim(s), 4, 2) || '-' || substring(trim(s), 1, 2) ELSE trim(s) END;
        CREATE OR REPLACE MACRO ref_csv(path) AS TABLE SELECT * FROM read_csv(path, header = true, all_varchar = true, delim = ',',
          quote = '"', escape = '"');
        CREATE OR REPLACE MACRO clean(s) AS nullif(trim(s), '');
        """;
  }

  /** The reference tables (conf/reference, trimmed as ReferenceCsv reads them) and the configured maps as tables. */
  static String reference(SkillgapConfig cfg) {
    String mobility = cfg.reference().path("graduate-mobility");
    return """
        CREATE OR REPLACE TABLE ref_alias AS SELECT DISTINCT region_key(clean(a.alias)) AS alias_key, clean(a.region_code) AS region_code,
          clean(r.type) AS region_type FROM ref_csv(%s) a JOIN ref_csv(%s) r ON clean(a.region_code) = clean(r.region_code);
        CREATE OR REPLACE TABLE ref_units AS SELECT clean(isco_code) AS isco_code FROM ref_csv(%s) WHERE clean(level) = 'unit';
        CREATE OR REPLACE TABLE ref_nace AS SELECT clean(nace_code) AS nace_code, clean(section) AS section,
          CASE WHEN clean(level) = 'division' THEN clean(nace_code) END AS division FROM ref_csv(%s);
        CREATE OR REPLACE TABLE ref_rates AS SELECT clean(currency) AS currency, clean(valid_from)::DATE AS valid_from,
          lead(clean(valid_from)::DATE) OVER (PARTITION BY clean(currency) ORDER BY clean(valid_from)::DATE) AS valid_to,
          clean(kzt_per_unit)::DOUBLE AS rate FROM ref_csv(%s);
        CREATE OR REPLACE TABLE ref_hh_areas AS SELECT clean(area_id) AS area_id, clean(area_name) AS area_name, clean(country) AS country,
          clean(region_code) AS region_code, row_number() OVER () AS n FROM ref_csv(%s);
        CREATE OR REPLACE TABLE ref_nkz AS SELECT clean(nkz_code) AS nkz_code, clean(isco_code) AS isco_code FROM ref_csv(%s);
        CREATE OR REPLACE TABLE ref_isced AS SELECT clean(field_code) AS field_code FROM ref_csv(%s);
        CREATE OR REPLACE TABLE ref_directions AS SELECT clean(direction) AS direction, clean(isced_field) AS isced_field FROM ref_csv(%s);
        CREATE OR REPLACE TABLE ref_crosswalk AS SELECT clean(field_code) AS field_code, clean(isco_code) AS isco_code,
          clean(weight)::DOUBLE AS weight FROM ref_csv(%s);
        INSERT INTO ref_crosswalk SELECT field_code, 'OTHER', 1.0 - sum(weight) FROM ref_crosswalk GROUP BY field_code
          HAVING 1.0 - sum(weight) > 1e-9;
        CREATE OR REPLACE TABLE ref_mobility AS %s;
        CREATE OR REPLACE TABLE ref_splits (from_region VARCHAR, until DATE, to_region VARCHAR, share DOUBLE);
        %s
        CREATE OR REPLACE TABLE period_synonyms AS SELECT * FROM (VALUES %s) t(spelling, period);
        CREATE OR REPLACE TABLE period_factors AS SELECT * FROM (VALUES %s) t(period, factor);
        CREATE OR REPLACE TABLE entry_shares AS SELECT * FROM (VALUES %s) t(level, share);
        """.formatted(path(cfg, "region-aliases"), path(cfg, "regions"), path(cfg, "isco"), path(cfg, "nace"), path(cfg, "currency-rates"),
        path(cfg, "hh-areas"), path(cfg, "nkz-isco"), path(cfg, "isced"), path(cfg, "kz-training-directions"), path(cfg, "crosswalk"),
        mobility.isEmpty() ? "SELECT NULL::VARCHAR AS from_region, NULL::VARCHAR AS to_region, NULL::DOUBLE AS share WHERE false"
            : "SELECT clean(from_region) AS from_region, clean(to_region) AS to_region, clean(share)::DOUBLE AS share FROM ref_csv("
                + quote(mobility) + ")",
        splits(cfg.boundaryChanges()), values(periodSynonyms()),
        values(cfg.vacancies().periodFactors()), values(cfg.graduates().entryShare()));
  }

  /**
   * The pipeline's own table of pay-period spellings (VacancyConform.PERIOD_SYNONYMS, package-private): data
   * like the configuration, read rather than copied so that the two cannot drift apart.
   */
  @SuppressWarnings("unchecked")
  static Map<String, String> periodSynonyms() {
    try {
      java.lang.reflect.Field f = io.skillgap.conform.VacancyConform.class.getDeclaredField("PERIOD_SYNONYMS");
      f.setAccessible(true);
      return (Map<String, String>) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("VacancyConform.PERIOD_SYNONYMS is gone", e);
    }
  }

  private static String path(SkillgapConfig cfg, String key) {
    return quote(cfg.reference().path(key));
  }

  private static String splits(List<BoundaryChange> changes) {
    List<String> rows = new ArrayList<>();
    for (BoundaryChange c : changes) {
      c.shares().forEach((to, share) -> rows.add("(" + literal(c.region()) + ", DATE " + literal(c.until().toString()) + ", "
          + literal(to) + ", " + literal(share) + ")"));
    }
    return rows.isEmpty() ? "" : "INSERT INTO ref_splits VALUES " + String.join(", ", rows) + ";";
  }

  private static String values(Map<String, ?> map) {
    return map.entrySet().stream().map(e -> "(" + literal(e.getKey()) + ", " + literal(e.getValue()) + ")")
        .collect(Collectors.joining(", "));
  }

  /**
   * Every board's rows in one shape (VacancyInput): the canonical files as they are; hh with its area
   * (by id, else by name) as country and region, net pay grossed up, the pay period from the salary mode
   * (pay per service is PAY_NOT_PERIODIC), RUR as RUB; Enbek with its NKZ code's unit group through the
   * NKZ table (a code the table lacks is UNKNOWN_NKZ_CODE) and dd.MM.yyyy dates.
   */
  static String input(SkillgapConfig.SourceSettings s) {
    String home = literal(s.homeCountry());
    return """
        CREATE OR REPLACE TABLE vac_input AS
        SELECT 'vacancies' AS origin, %1$s AS country, false AS abroad, NULL::VARCHAR AS role_ids, NULL::VARCHAR AS occ_method,
          NULL::VARCHAR AS pre_reason, vacancy_id, source, posted_date, closed_date, title, occupation_code, region, employer_id,
          sector_code, salary_min, salary_max, currency, salary_period, education_level, positions, skills, source_file, rowid AS ord
        FROM land_vacancies
        UNION ALL BY NAME
        SELECT 'hh' AS origin, country, country <> %1$s AS abroad, role_ids, NULL AS occ_method,
          CASE WHEN (present(salary_from) OR present(salary_to)) AND trim(salary_mode) IS NOT NULL AND hh_period(salary_mode) IS NULL
            THEN 'PAY_NOT_PERIODIC' END AS pre_reason,
          vacancy_id, %2$s AS source, published_at AS posted_date, NULL AS closed_date, title, NULL AS occupation_code,
          CASE WHEN country = %1$s THEN area_region END AS region, employer_id, NULL AS sector_code,
          CASE WHEN net AND num(salary_from) IS NOT NULL THEN (num(salary_from) * %4$s)::VARCHAR ELSE salary_from END AS salary_min,
          CASE WHEN net AND num(salary_to) IS NOT NULL THEN (num(salary_to) * %4$s)::VARCHAR ELSE salary_to END AS salary_max,
          CASE WHEN upper(trim(currency)) = 'RUR' THEN 'RUB' ELSE upper(trim(currency)) END AS currency,
          coalesce(hh_period(salary_mode), 'month') AS salary_period, NULL AS education_level, NULL AS positions, key_skills AS skills,
          source_file, ord
        FROM (SELECT h.*, h.rowid AS ord, lower(trim(h.gross)) = 'false' AS net,
                CASE WHEN i.area_id IS NOT NULL THEN i.country ELSE coalesce(n.country, %1$s) END AS country,
                CASE WHEN i.area_id IS NOT NULL THEN i.region_code ELSE coalesce(n.region_code, h.area_name) END AS area_region
              FROM land_hh h
              LEFT JOIN (SELECT * FROM ref_hh_areas WHERE area_id IS NOT NULL) i ON trim(h.area_id) = i.area_id
              LEFT JOIN (SELECT region_key(area_name) AS name_key, arg_min(country, n) AS country, arg_min(region_code, n) AS region_code
                         FROM ref_hh_areas GROUP BY ALL) n ON region_key(h.area_name) = n.name_key)
        UNION ALL BY NAME
        SELECT 'enbek' AS origin, %1$s AS country, false AS abroad, NULL AS role_ids,
          CASE WHEN k.isco_code IS NOT NULL THEN 'nkz' END AS occ_method,
          CASE WHEN present(e.nkz_code) AND k.isco_code IS NULL THEN 'UNKNOWN_NKZ_CODE' END AS pre_reason,
          vacancy_id, %3$s AS source, enbek_date(posted_date) AS posted_date, NULL AS closed_date, title, k.isco_code AS occupation_code,
          region, employer_id, NULL AS sector_code, salary_min, salary_max, 'KZT' AS currency, 'month' AS salary_period,
          NULL AS education_level, positions, NULL AS skills, source_file, ord
        FROM (SELECT *, rowid AS ord FROM land_enbek) e
        LEFT JOIN ref_nkz k ON regexp_extract(regexp_replace(e.nkz_code, '[^0-9]', '', 'g'), '^([0-9]{4})', 1) = k.nkz_code;
        """.formatted(home, literal(s.hhBoard()), literal(s.enbekBoard()), literal(s.netToGross()));
  }
}
