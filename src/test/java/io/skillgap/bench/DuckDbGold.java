package io.skillgap.bench;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * A second implementation of the occupation x region x year gold table, in DuckDB SQL written from
 * docs/METHODOLOGY.md rather than translated from the Spark code: demand from the unique vacancies,
 * supply from the graduate supply, the previous year, the region's figures and the raw indicators (the
 * official wage and the standardised scores aside). It reads the same silver Parquet files as the
 * pipeline, so that its numbers check ours, and its time says how far we are from a fast one-machine
 * engine (jobs/bench); {@link DuckDbFlow} runs the same SQL on its own silver-shaped tables, made from
 * the landing files.
 */
public final class DuckDbGold {
  private DuckDbGold() {}

  /** The gold columns both implementations produce; compared row for row. */
  public static final List<String> COMPARED = List.of("vacancies", "vacancy_ads", "positions", "graduate_supply", "supply_graduates",
      "demand_supply_ratio", "gap", "median_posted_salary_kzt", "salary_observations", "vacancy_growth_yoy", "median_days_to_fill",
      "closed_observations", "vacancy_growth_rel", "posted_salary_growth_rel", "salary_premium", "time_to_fill_rel",
      "long_vacancy_share", "readvertising_rate");

  /** The reference table {@code ref} from the silver files; returns its row count. */
  public static long build(Connection db, List<Path> vacancyFiles, List<Path> supplyFiles, int longVacancyDays, int minObservations)
      throws SQLException {
    return build(db, "read_parquet(" + list(vacancyFiles) + ")", "read_parquet(" + list(supplyFiles) + ")", longVacancyDays,
        minObservations);
  }

  /**
   * The reference table {@code ref} from two table expressions in silver's shape: the unique vacancies (year,
   * region, isco_code, region_weight, ads, positions, salary_monthly_kzt, closed_date, first_posted_date) and
   * the graduate supply (year, work_region, isco_code, supply, graduates, mobility_share); returns its row count.
   */
  public static long build(Connection db, String vacancies, String supply, int longVacancyDays, int minObservations)
      throws SQLException {
    String sql = """
        CREATE OR REPLACE TABLE ref AS
        WITH allv AS (
          SELECT year, region, coalesce(isco_code, 'UNCODED') AS isco_code, region_weight AS w, ads, positions,
                 salary_monthly_kzt AS salary, closed_date, closed_date - first_posted_date AS days
          FROM %s),
        v AS (SELECT * FROM allv WHERE length(isco_code) >= 4),
        demand AS (
          SELECT year, region, isco_code, sum(w) AS vacancies, sum(ads * w) AS vacancy_ads, sum(positions * w) AS positions,
                 median(salary) AS median_salary, sum(CASE WHEN salary IS NOT NULL THEN w ELSE 0 END) AS salary_obs,
                 median(days) AS median_days, sum(CASE WHEN closed_date IS NOT NULL THEN w ELSE 0 END) AS closed_obs,
                 sum(CASE WHEN days > %d THEN w ELSE 0 END) AS long_open
          FROM v GROUP BY year, region, isco_code),
        supply AS (
          SELECT year, work_region AS region, isco_code, sum(supply) AS graduate_supply, sum(graduates * mobility_share) AS supply_graduates
          FROM %s GROUP BY year, work_region, isco_code),
        keyed AS (
          SELECT coalesce(d.year, s.year) AS year, coalesce(d.region, s.region) AS region, coalesce(d.isco_code, s.isco_code) AS isco_code,
                 coalesce(vacancies, 0) AS vacancies, coalesce(vacancy_ads, 0) AS vacancy_ads, coalesce(positions, 0) AS positions,
                 median_salary, coalesce(salary_obs, 0) AS salary_obs, median_days, coalesce(closed_obs, 0) AS closed_obs,
                 coalesce(long_open, 0) AS long_open, coalesce(graduate_supply, 0) AS graduate_supply,
                 coalesce(supply_graduates, 0) AS supply_graduates
          FROM demand d FULL OUTER JOIN supply s ON d.year = s.year AND d.region = s.region AND d.isco_code = s.isco_code),
        region AS (
          SELECT year, region, sum(w) AS vacancies, median(salary) AS median_salary, median(days) AS median_days
          FROM allv GROUP BY year, region)
        SELECT k.year, k.region, k.isco_code, k.vacancies, k.vacancy_ads, k.positions, k.graduate_supply, k.supply_graduates,
               CASE WHEN k.graduate_supply > 0 AND NOT residual THEN k.positions / k.graduate_supply END AS demand_supply_ratio,
               k.positions - k.graduate_supply AS gap,
               k.median_salary AS median_posted_salary_kzt, k.salary_obs AS salary_observations,
               CASE WHEN p.vacancies > 0 THEN k.vacancies / p.vacancies - 1 END AS vacancy_growth_yoy,
               k.median_days AS median_days_to_fill, k.closed_obs AS closed_observations,
               CASE WHEN NOT residual AND p.vacancies >= %4$d AND rp.vacancies > 0
                    THEN (k.vacancies / p.vacancies) / (r.vacancies / rp.vacancies) - 1 END AS vacancy_growth_rel,
               CASE WHEN NOT residual AND k.salary_obs >= %4$d AND p.salary_obs >= %4$d AND rp.median_salary > 0
                    THEN (k.median_salary / p.median_salary) / (r.median_salary / rp.median_salary) - 1 END AS posted_salary_growth_rel,
               CASE WHEN NOT residual AND k.salary_obs >= %4$d THEN k.median_salary / r.median_salary - 1 END AS salary_premium,
               CASE WHEN NOT residual AND k.closed_obs >= %4$d AND r.median_days > 0
                    THEN k.median_days / r.median_days - 1 END AS time_to_fill_rel,
               CASE WHEN NOT residual AND k.closed_obs >= %4$d THEN k.long_open / k.closed_obs END AS long_vacancy_share,
               CASE WHEN NOT residual AND k.vacancies >= %4$d THEN k.vacancy_ads / k.vacancies END AS readvertising_rate
        FROM (SELECT *, isco_code IN ('OTHER', 'UNCODED') AS residual FROM keyed) k
        LEFT JOIN keyed p ON p.year = k.year - 1 AND p.region = k.region AND p.isco_code = k.isco_code
        LEFT JOIN region r ON r.year = k.year AND r.region = k.region
        LEFT JOIN region rp ON rp.year = k.year - 1 AND rp.region = k.region
        """.formatted(vacancies, longVacancyDays, supply, minObservations);
    try (Statement s = db.createStatement()) {
      s.execute(sql);
      return count(s, "SELECT count(*) FROM ref");
    }
  }

  /**
   * Compares {@code ref} with the pipeline's gold files: keys only on one side, and keys where a compared
   * column differs by more than 1e-9 relative (or is null on one side only). Returns up to {@code show}
   * descriptions of differences and, first, their count.
   */
  public static List<String> differences(Connection db, List<Path> goldFiles, int show) throws SQLException {
    String differs = COMPARED.stream()
        .map(c -> "(r.%1$s IS NULL) <> (g.%1$s IS NULL) OR abs(r.%1$s - g.%1$s) > 1e-9 * greatest(1, abs(g.%1$s))".formatted(c))
        .collect(Collectors.joining(" OR "));
    String where = "FROM ref r FULL OUTER JOIN (SELECT * FROM read_parquet(%s)) g ON r.year = g.year AND r.region = g.region AND r.isco_code = g.isco_code WHERE (g.isco_level = 4 OR g.year IS NULL) AND (r.year IS NULL OR g.year IS NULL OR %s)"
        .formatted(list(goldFiles), differs);
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      out.add(String.valueOf(count(s, "SELECT count(*) " + where)));
      String cols = COMPARED.stream().map(c -> "'" + c + "=' || coalesce(r." + c + "::VARCHAR, 'null') || '/' || coalesce(g." + c + "::VARCHAR, 'null')")
          .collect(Collectors.joining(" || ' ' || "));
      try (ResultSet rs = s.executeQuery("SELECT coalesce(r.year, g.year) || ' ' || coalesce(r.region, g.region) || ' ' || coalesce(r.isco_code, g.isco_code)"
          + " || ' (ours/gold) ' || " + cols + " " + where + " LIMIT " + show)) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** An in-memory DuckDB using {@code threads} threads. */
  public static Connection open(int threads) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
    }
    return c;
  }

  /** Local paths of the Parquet files in the current snapshot of a warehouse's Delta table. */
  public static List<Path> files(SparkSession spark, Path warehouse, String table) {
    String path = warehouse.resolve(table).toString();
    // A night's MERGE marks replaced rows in deletion vectors, which plain Parquet readers do not apply.
    if (!org.apache.spark.sql.delta.DeltaLog.forTable(spark, path).unsafeVolatileSnapshot().allFiles()
        .where("deletionVector IS NOT NULL").isEmpty()) {
      throw new IllegalStateException(table + " has rows deleted by deletion vectors: compare after a full rebuild");
    }
    String[] inputFiles = spark.read().format("delta").load(path).inputFiles();
    return Arrays.stream(inputFiles).map(f -> f.startsWith("file:") ? Path.of(URI.create(f)) : Path.of(f)).toList();
  }

  private static String list(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no Parquet files to read");
    }
    return files.stream().map(p -> "'" + p.toString().replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
  }

  /** Rows of a DuckDB table. */
  static long rows(Connection db, String table) throws SQLException {
    try (Statement s = db.createStatement()) {
      return count(s, "SELECT count(*) FROM " + table);
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
