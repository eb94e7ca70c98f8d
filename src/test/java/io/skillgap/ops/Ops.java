package io.skillgap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillgap.Publications;
import io.skillgap.SkillGap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Helpers of the operations tests: running the command line, a reading session, comparing warehouses. */
final class Ops {
  private Ops() {}

  /** Columns that record when something happened, not what: left out of comparisons. */
  static final Set<String> VOLATILE = Set.of("_load_time", "load_time", "logged_at");

  /** The warehouse tables that must be identical after equivalent histories. */
  static final List<String> TABLES = List.of("bronze/vacancies", "bronze/wages", "bronze/graduates", "ingest_log", "quarantine",
      "silver/vacancy_ads", "silver/vacancies", "silver/wages", "silver/graduates", "silver/graduate_supply",
      "gold/occupation_region_gap", "gold/program_gap", "gold/sector_region_summary", "gold/shortage_ranking", "gold/index_sensitivity",
      "gold/skill_demand", "gold/program_skill_profile");

  static final List<String> PUBLISHED = List.of("occupation_region_gap", "program_gap", "sector_region_summary", "shortage_ranking",
      "index_sensitivity", "skill_demand", "program_skill_profile");

  /** Operations are about the tables; the report and exports are tested on the end-to-end night. */
  static final List<String> TEST_SETTINGS = Stream.concat(Publications.SMALL_SPARK.stream(),
      Stream.of("--set", "report.enabled=false")).toList();

  /** Runs the command line in this JVM with {@link #TEST_SETTINGS}; returns the exit code. */
  static int cli(String... args) {
    return SkillGap.commandLine().execute(Stream.concat(Arrays.stream(args), TEST_SETTINGS.stream()).toArray(String[]::new));
  }

  static SparkSession session() {
    return io.skillgap.TestSessions.session();
  }

  static Dataset<Row> delta(SparkSession spark, Path warehouse, String table) {
    return spark.read().format("delta").load(warehouse.resolve(table).toString());
  }

  /**
   * Asserts two frames hold the same rows (as multisets), volatile columns aside: first by an
   * order-independent fingerprint (row count and the sum of row hashes, both sides in one job), and when that
   * differs, by the rows themselves so that the message shows them.
   */
  static void assertSameRows(String context, Dataset<Row> a, Dataset<Row> b) {
    Dataset<Row> x = comparable(a);
    Dataset<Row> y = comparable(b);
    if (sameFingerprints(x, y)) {
      return;
    }
    assertEquals(List.of(), x.exceptAll(y).limit(5).collectAsList(), context + ": rows only in the first");
    assertEquals(List.of(), y.exceptAll(x).limit(5).collectAsList(), context + ": rows only in the second");
    assertEquals(x.count(), y.count(), context + ": row count");
  }

  /**
   * Volatile columns dropped, doubles rounded to 9 decimals: sums of doubles depend on the order Spark
   * adds them in, which differs with the files' layout, by a few units in the last place.
   */
  static Dataset<Row> comparable(Dataset<Row> d) {
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : d.schema().fields()) {
      if (VOLATILE.contains(f.name())) {
        continue;
      }
      org.apache.spark.sql.Column c = org.apache.spark.sql.functions.col(f.name());
      cols.add(f.dataType().equals(org.apache.spark.sql.types.DataTypes.DoubleType) ? org.apache.spark.sql.functions.round(c, 9).as(f.name()) : c);
    }
    return d.select(cols.toArray(org.apache.spark.sql.Column[]::new));
  }

  /** Row count and sum of row hashes of both frames, in one job: equal for equal multisets of rows. */
  private static boolean sameFingerprints(Dataset<Row> x, Dataset<Row> y) {
    if (!Arrays.equals(x.columns(), y.columns())) {
      return false;
    }
    org.apache.spark.sql.Column[] all = Arrays.stream(x.columns()).map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
    org.apache.spark.sql.Column hash = org.apache.spark.sql.functions.xxhash64(all).cast("decimal(38,0)");
    Dataset<Row> both = x.select(org.apache.spark.sql.functions.lit(0).as("side"), hash.as("h"))
        .union(y.select(org.apache.spark.sql.functions.lit(1).as("side"), hash.as("h")));
    List<Row> sides = both.groupBy("side").agg(org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
        org.apache.spark.sql.functions.sum("h")).collectAsList();
    Map<Object, List<Object>> bySide = new HashMap<>();
    sides.forEach(r -> bySide.put(r.get(0), Arrays.asList(r.get(1), r.get(2))));
    return sides.size() == 2 ? bySide.get(0).equals(bySide.get(1)) : x.isEmpty() && y.isEmpty();
  }

  /** Every warehouse table and published table of two runs' outputs are the same. */
  static void assertSameOutputs(SparkSession spark, Path a, Path b) {
    for (String t : TABLES) {
      assertSameRows(t, delta(spark, a.resolve("warehouse"), t), delta(spark, b.resolve("warehouse"), t));
    }
    assertSamePublications(spark, a, b);
  }

  /** The published tables of two runs' outputs (each a root with a publish folder) are the same. */
  static void assertSamePublications(SparkSession spark, Path a, Path b) {
    for (String t : PUBLISHED) {
      assertSameRows("published " + t, spark.read().parquet(a.resolve("publish").resolve(t).toString()),
          spark.read().parquet(b.resolve("publish").resolve(t).toString()));
    }
  }

  /**
   * The start of a child JVM's command line: the flags Spark needs (conf/jvm.args), a heap, the collector of
   * the test JVM and the launcher, and a temporary folder of its own.
   */
  static List<String> java(String heap, Path tmp) {
    return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Path.of("conf/jvm.args").toAbsolutePath(), "-Xmx" + heap, "-XX:+UseParallelGC",
        "-Djava.io.tmpdir=" + tmp.toAbsolutePath()));
  }

  /** Copies a folder with everything under it. */
  static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }
}
