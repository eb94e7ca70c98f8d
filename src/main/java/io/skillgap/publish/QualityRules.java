package io.skillgap.publish;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.skillgap.store.Warehouse;
import io.skillgap.store.Table;
import io.skillgap.gap.GroupTotals;
import io.skillgap.gap.Indicators;
import io.skillgap.gap.ShortageIndex;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Declarative checks of the gold tables before they are published, as in Amazon Deequ: each rule counts
 * the rows (or groups) that violate it. A failed Error stops publication, so yesterday's published
 * tables stay in place; a failed Warning is recorded and logged. Results go to a Delta table with the
 * run id, so quality can be followed night after night.
 */
public final class QualityRules {
  private static final Logger LOG = LogManager.getLogger(QualityRules.class);

  public enum Severity { ERROR, WARNING }

  /**
   * A rule: name, severity and why it matters, then what it checks. A row rule counts the rows of a table
   * matching {@code violating}; a key rule counts rows beyond one per key; any other rule counts
   * violations its own way. Row and key rules of a table are evaluated together in one pass.
   */
  public record Rule(String name, Severity severity, String description, Table table, Column violating, String[] key,
      Function<Warehouse, Long> custom) {
    static Rule rows(String name, Severity s, String description, Table table, Column violating) {
      return new Rule(name, s, description, table, violating, null, null);
    }

    static Rule key(String name, Severity s, String description, Table table, String... key) {
      return new Rule(name, s, description, table, null, key, null);
    }

    static Rule custom(String name, Severity s, String description, Function<Warehouse, Long> custom) {
      return new Rule(name, s, description, null, null, null, custom);
    }
  }

  public record Result(Rule rule, long violations) {
    public boolean passed() {
      return violations == 0;
    }
  }

  private static Column negative(String... columns) {
    Column c = lit(false);
    for (String name : columns) {
      c = c.or(col(name).lt(0));
    }
    return c;
  }

  /** Finite numbers only: NaN and infinities are violations wherever a value is present. */
  private static Column notFinite(String name) {
    return col(name).isNotNull().and(col(name).isNaN().or(abs(col(name)).equalTo(Double.POSITIVE_INFINITY)));
  }

  private static Column outside(String name, double low, double high) {
    return col(name).isNotNull().and(col(name).lt(low).or(col(name).gt(high)));
  }

  /** Years whose gold total differs from silver's by more than a rounding error. */
  private static long unreconciled(Warehouse wh, Table gold, String goldColumn, Table silver, Column silverValue) {
    return unreconciled(wh.read(gold), goldColumn, wh.read(silver), silverValue);
  }

  private static long unreconciled(Dataset<Row> gold, String goldColumn, Dataset<Row> silver, Column silverValue) {
    Dataset<Row> g = gold.groupBy("year").agg(sum(goldColumn).as("_g"));
    Dataset<Row> s = silver.groupBy("year").agg(sum(silverValue).as("_s"));
    return g.join(s, new String[] {"year"}, "full_outer").where(abs(coalesce(col("_g"), lit(0.0)).minus(coalesce(col("_s"), lit(0.0)))).gt(1e-6))
        .count();
  }

  public static List<Rule> rules() {
    Severity e = Severity.ERROR;
    Table occ = Table.GOLD_OCCUPATION_REGION_GAP;
    List<Rule> r = new ArrayList<>();
    r.add(Rule.key("occupation_gap_keys_unique", e, "one row per year, region and occupation", occ, "year", "region", "isco_code"));
    r.add(Rule.key("program_gap_keys_unique", e, "one row per year, region and field", Table.GOLD_PROGRAM_GAP, "year", "region", "field_code"));
    r.add(Rule.key("sector_summary_keys_unique", e, "one row per year, region and sector", Table.GOLD_SECTOR_REGION_SUMMARY,
        "year", "region", "sector"));
    r.add(Rule.key("ranking_keys_unique", e, "one occupation per rank, region and year", Table.GOLD_SHORTAGE_RANKING, "year", "region", "rank"));
    r.add(Rule.rows("counts_non_negative", e, "vacancies, ads, positions and supply are never negative", occ,
        negative("vacancies", "vacancy_ads", "positions", "graduate_supply", "supply_graduates")));
    r.add(Rule.rows("program_counts_non_negative", e, "graduates, supply and attributed demand are never negative", Table.GOLD_PROGRAM_GAP,
        negative("graduates", "graduate_supply", "attributed_demand")));
    r.add(Rule.rows("ratios_finite_or_null", e, "ratios are finite numbers or null (null where supply is 0)", occ,
        notFinite("demand_supply_ratio").or(notFinite("gap")).or(col("graduate_supply").equalTo(0).and(col("demand_supply_ratio").isNotNull()))));
    r.add(Rule.rows("index_and_scores_in_range", e, "the index and every score lie in [-1, 1]", occ,
        Indicators.ids().stream().map(id -> outside(ShortageIndex.score(id), -1, 1)).reduce(outside("shortage_index", -1, 1), Column::or)));
    r.add(Rule.custom("vacancies_reconcile_with_silver", e, "gold vacancies per year (each counted at the level it was coded) = silver vacancies",
        wh -> unreconciled(wh, occ, "vacancies_coded_at_level", Table.SILVER_VACANCIES, col("region_weight"))));
    r.add(Rule.custom("supply_reconciles_with_silver", e, "gold graduate supply per year (unit groups) = silver supply per year",
        wh -> unreconciled(GroupTotals.units(wh.read(occ)), "graduate_supply", wh.read(Table.SILVER_GRADUATE_SUPPLY), col("supply"))));
    // Every position once: in a residual row (uncoded, other) or under its major group (coded to a unit group or coarser).
    r.add(Rule.custom("sectors_reconcile_with_occupations", e, "the sector summary adds up to the occupation table's residual and major-group rows",
        wh -> unreconciled(wh.read(Table.GOLD_SECTOR_REGION_SUMMARY), "positions",
            wh.read(occ).where(col("isco_level").equalTo(1).or(col("is_residual"))), col("positions"))));
    r.add(Rule.custom("groups_add_up", e, "a group's total = its children's totals + what was coded only at its level",
        wh -> GroupTotals.unbalanced(wh.read(occ))));
    r.add(Rule.custom("every_region_every_year", Severity.WARNING, "each year has rows for every region seen in any year",
        wh -> {
          Dataset<Row> g = wh.read(occ).select("year", "region").distinct().cache();
          long regions = g.select("region").distinct().count();
          long short_ = g.groupBy("year").count().where(col("count").lt(regions)).count();
          g.unpersist();
          return short_;
        }));
    r.add(Rule.custom("some_indexes", Severity.WARNING, "each year has an occupation with a status other than insufficient_data",
        wh -> wh.read(occ).groupBy("year").agg(count(when(col("status").isin("shortage", "balanced", "surplus"), 1)).as("_n"))
            .where(col("_n").equalTo(0)).count()));
    return r;
  }

  /** Evaluates the row and key rules of one table in a single aggregation. */
  private static Map<Rule, Long> evaluateTable(Warehouse wh, Table table, List<Rule> rules) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as("_rows"));
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      aggs.add(rule.key() != null
          ? countDistinct(struct(java.util.Arrays.stream(rule.key()).map(k -> col(k)).toArray(Column[]::new))).as("_r" + i)
          : sum(when(rule.violating(), 1L).otherwise(0L)).as("_r" + i));
    }
    Row r = wh.read(table).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    Map<Rule, Long> out = new java.util.HashMap<>();
    long rows = r.getLong(0);
    for (int i = 0; i < rules.size(); i++) {
      long v = r.isNullAt(i + 1) ? 0 : r.getLong(i + 1);
      out.put(rules.get(i), rules.get(i).key() != null ? rows - v : v);
    }
    return out;
  }

  /** Runs every rule, records the results, and returns them. */
  public static List<Result> check(SparkSession spark, Warehouse wh, String runId, String batchId) {
    List<Rule> all = rules();
    Map<Table, List<Rule>> byTable = new java.util.LinkedHashMap<>();
    // Each custom rule and each table's aggregation is one small query: two at a time.
    List<java.util.function.Supplier<Map<Rule, Long>>> steps = new ArrayList<>();
    for (Rule rule : all) {
      if (rule.custom() != null) {
        steps.add(() -> Map.of(rule, rule.custom().apply(wh)));
      } else {
        byTable.computeIfAbsent(rule.table(), t -> new ArrayList<>()).add(rule);
      }
    }
    byTable.forEach((table, rules) -> steps.add(() -> evaluateTable(wh, table, rules)));
    Map<Rule, Long> violations = new java.util.HashMap<>();
    io.skillgap.run.Parallel.run(steps, 2).forEach(violations::putAll);
    List<Result> results = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Timestamp at = Timestamp.from(Instant.now());
    for (Rule rule : all) {
      long v = violations.get(rule);
      results.add(new Result(rule, v));
      rows.add(RowFactory.create(runId, batchId, at, rule.name(), rule.severity().name(), v, v == 0, rule.description()));
      if (v > 0) {
        (rule.severity() == Severity.ERROR ? LOG.atError() : LOG.atWarn())
            .log("quality {} {}: {} violations ({})", rule.severity(), rule.name(), v, rule.description());
      }
    }
    wh.append(spark.createDataFrame(rows, Table.QUALITY_RESULTS.schema()), Table.QUALITY_RESULTS);
    LOG.info("quality: {} of {} rules passed", results.stream().filter(Result::passed).count(), results.size());
    return results;
  }

  public static boolean anyErrorFailed(List<Result> results) {
    return results.stream().anyMatch(r -> !r.passed() && r.rule().severity() == Severity.ERROR);
  }
}
