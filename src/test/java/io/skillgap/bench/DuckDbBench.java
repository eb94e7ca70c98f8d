package io.skillgap.bench;

import io.skillgap.config.SkillgapConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * jobs/bench's DuckDB step: builds the gold occupation table from a warehouse's silver files in DuckDB,
 * timed, then compares it with the pipeline's gold table. Prints {@code key=value} lines for the script.
 *
 * <p>Usage: {@code DuckDbBench WAREHOUSE [THREADS]}. Spark only lists the files of the current Delta
 * snapshots (not timed); DuckDB reads them as plain Parquet.
 */
public final class DuckDbBench {
  private DuckDbBench() {}

  public static void main(String[] args) throws Exception {
    Path warehouse = Path.of(args[0]).toAbsolutePath();
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    List<Path> vacancies;
    List<Path> supply;
    List<Path> gold;
    SparkSession spark = SparkSession.builder().master("local[1]").appName("duckdb-bench-listing").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog").getOrCreate();
    try {
      vacancies = DuckDbGold.files(spark, warehouse, "silver/vacancies");
      supply = DuckDbGold.files(spark, warehouse, "silver/graduate_supply");
      gold = DuckDbGold.files(spark, warehouse, "gold/occupation_region_gap");
    } finally {
      spark.stop();
    }
    SkillgapConfig.IndexSettings index = SkillgapConfig.load(null, Map.of()).index();
    try (Connection db = DuckDbGold.open(threads)) {
      long t0 = System.nanoTime();
      long rows = DuckDbGold.build(db, vacancies, supply, index.longVacancyDays(), index.minObservations());
      double seconds = (System.nanoTime() - t0) / 1e9;
      List<String> differences = DuckDbGold.differences(db, gold, 5);
      System.out.printf("duckdb_threads=%d%nduckdb_silver_files=%d%nduckdb_gold_seconds=%.2f%nduckdb_rows=%d%nduckdb_differences=%s%n",
          threads, vacancies.size() + supply.size(), seconds, rows, differences.get(0));
      differences.subList(1, differences.size()).forEach(d -> System.out.println("duckdb_difference: " + d));
    }
  }
}
