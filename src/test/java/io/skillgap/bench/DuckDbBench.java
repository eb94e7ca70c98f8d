package io.skillgap.bench;

import io.skillgap.classify.TitleClassifier;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * jobs/bench's DuckDB step: builds the gold occupation table from a warehouse's silver files in DuckDB,
 * timed, then compares it with the pipeline's gold table; with {@code --landing}, also the whole flow from
 * the landing files ({@link DuckDbFlow}), timed and compared the same way. Prints {@code key=value} lines
 * for the script.
 *
 * <p>Usage: {@code DuckDbBench WAREHOUSE [THREADS] [--landing DIR --as-of YYYY-MM-DD]} (the as-of date of
 * the run that built the warehouse: the rules' date bounds depend on it). Spark only lists the files of
 * the current Delta snapshots, and the title classifier is loaded (neither timed); DuckDB reads the
 * files itself.
 */
public final class DuckDbBench {
  private DuckDbBench() {}

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    Path landing = null;
    String asOf = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--landing" -> landing = Path.of(args[++i]).toAbsolutePath();
        case "--as-of" -> asOf = args[++i];
        default -> positional.add(args[i]);
      }
    }
    Path warehouse = Path.of(positional.get(0)).toAbsolutePath();
    int threads = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : Runtime.getRuntime().availableProcessors();
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
    if (landing != null) {
      flow(landing, asOf, threads, gold);
    }
  }

  /** The whole flow from the landing files in a fresh database, timed apart from the classifier's load and Java step. */
  private static void flow(Path landing, String asOf, int threads, List<Path> gold) throws Exception {
    SkillgapConfig cfg = SkillgapConfig.load(null, asOf == null ? Map.of() : Map.of("run.as-of-date", asOf));
    TitleClassifier classifier = Reference.classifier(new org.apache.hadoop.conf.Configuration(), cfg.reference());
    Path scratch = Files.createTempDirectory("duckdb-flow-");
    try (Connection db = DuckDbGold.open(threads)) {
      DuckDbFlow.Result r = DuckDbFlow.build(db, landing, cfg, classifier, scratch);
      List<String> differences = DuckDbGold.differences(db, gold, 5);
      System.out.printf("duckdb_flow_seconds=%.2f%nduckdb_flow_java_seconds=%.2f%nduckdb_flow_rows=%d%nduckdb_flow_differences=%s%n",
          r.seconds(), r.javaSeconds(), r.rows(), differences.get(0));
      System.out.println("duckdb_flow_steps=" + r.steps().entrySet().stream()
          .map(e -> e.getKey() + ":" + String.format("%.2f", e.getValue())).collect(Collectors.joining(",")));
      differences.subList(1, differences.size()).forEach(d -> System.out.println("duckdb_flow_difference: " + d));
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
