package io.skillgap.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skillgap.store.Warehouse;
import io.skillgap.conform.Accounting;
import io.skillgap.gap.GroupTotals;
import io.skillgap.store.Table;
import io.skillgap.ingest.Ingest.SourceLoad;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The run's accounting, measured from the tables themselves: rows read (bronze), accepted (silver),
 * quarantined by reason; the published row counts; the top shortages. Written to
 * {@code <publish>/_summary.json} and printed as a short console summary.
 */
public final class RunSummary {
  private static final Logger LOG = LogManager.getLogger(RunSummary.class);
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunSummary() {}

  /** The sources whose rows do not add up (read != accepted + quarantined), each said in words; empty when all do. */
  public static List<String> brokenAccounting(Map<String, Accounting.Counts> counts) {
    List<String> broken = new ArrayList<>();
    counts.forEach((source, c) -> {
      if (c.read() != c.accepted() + c.quarantined()) {
        broken.add(source + ": read " + c.read() + " != accepted " + c.accepted() + " + quarantined " + c.quarantined());
      }
    });
    return broken;
  }

  /**
   * The national top shortages of the latest year: real occupations a programme supplies, summed over regions,
   * ordered by the gap (positions minus new supply). Small by construction (top n rows).
   */
  public static List<Map<String, Object>> topShortages(Warehouse wh, int n, int threshold) {
    Dataset<Row> gap = GroupTotals.units(wh.read(Table.GOLD_OCCUPATION_REGION_GAP)).where(col("is_residual").equalTo(false)
        .and(col("education_pipeline").equalTo(true)));
    Row latest = gap.agg(max("year")).first();
    if (latest.isNullAt(0)) {
      return List.of();
    }
    int year = latest.getInt(0);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : gap.where(col("year").equalTo(year))
        .groupBy("isco_code", "occupation_title", "innovation_sector")
        .agg(sum("positions").as("positions"), sum("graduate_supply").as("graduate_supply"))
        .withColumn("gap", col("positions").minus(col("graduate_supply")))
        .withColumn("ratio", when(col("graduate_supply").gt(0), col("positions").divide(col("graduate_supply"))))
        .orderBy(col("gap").desc(), col("isco_code"))
        .limit(n).collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("year", year);
      m.put("isco_code", r.getString(0));
      m.put("occupation_title", r.getString(1));
      m.put("innovation_sector", r.getString(2));
      // A national total is published only where disclosure control protects it: the occupation's cells
      // across regions keep none or two hidden (SafeTables), and a small total would itself reveal them.
      boolean small = isSmall(r.getDouble(3), threshold) || isSmall(r.getDouble(4), threshold);
      m.put("positions", isSmall(r.getDouble(3), threshold) ? null : round1(r.getDouble(3)));
      m.put("graduate_supply", isSmall(r.getDouble(4), threshold) ? null : round1(r.getDouble(4)));
      m.put("gap", small ? null : round1(r.getDouble(5)));
      m.put("demand_supply_ratio", small || r.isNullAt(6) ? null : round1(r.getDouble(6)));
      out.add(m);
    }
    return out;
  }

  private static boolean isSmall(double v, int threshold) {
    return v > 0 && v < threshold;
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Quarantined rows over rows read, all sources together (0 when nothing was read). */
  public static double quarantineShare(Map<String, Accounting.Counts> counts) {
    long read = counts.values().stream().mapToLong(Accounting.Counts::read).sum();
    long quarantined = counts.values().stream().mapToLong(Accounting.Counts::quarantined).sum();
    return read == 0 ? 0 : quarantined / (double) read;
  }

  /** The summary document. */
  public static Map<String, Object> document(String batchId, String asOf, Map<String, Accounting.Counts> counts,
      List<SourceLoad> loads, Map<String, Long> tableRows, List<Map<String, Object>> top, String publishRoot,
      List<QualityRules.Result> quality) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("batch_id", batchId);
    doc.put("as_of_date", asOf);
    doc.put("generated_at", Instant.now().toString());
    Map<String, Object> sources = new LinkedHashMap<>();
    counts.forEach((name, c) -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("read", c.read());
      s.put("accepted", c.accepted());
      s.put("quarantined", c.quarantined());
      s.put("quarantine_by_reason", c.quarantineByReason());
      if (!c.codingByMethod().isEmpty()) {
        s.put("occupation_coding_by_method", c.codingByMethod());
      }
      loads.stream().filter(l -> l.source().equals(name)).findFirst().ifPresent(l -> {
        s.put("files_loaded", l.files().size());
        s.put("files_changed", l.changed());
        s.put("files_unchanged", l.unchanged());
        s.put("rejected_files", l.rejected());
        s.put("warnings", l.warnings());
      });
      sources.put(name, s);
    });
    doc.put("sources", sources);
    Map<String, Object> tables = new LinkedHashMap<>();
    tableRows.forEach((t, rows) -> tables.put(t, Map.of("rows", rows, "path", publishRoot + "/" + t)));
    doc.put("tables", tables);
    doc.put("top_shortages", top);
    List<Map<String, Object>> checks = new ArrayList<>();
    for (QualityRules.Result r : quality) {
      checks.add(Map.of("rule", r.rule().name(), "severity", r.rule().severity().name(), "violations", r.violations()));
    }
    doc.put("quality", checks);
    return doc;
  }

  public static String toJson(Object doc) {
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The short console summary: rows per stage, quarantine reasons, top shortages. */
  public static void log(Map<String, Accounting.Counts> counts, Map<String, Long> tableRows, List<Map<String, Object>> top) {
    LOG.info("summary: source        read   accepted  quarantined");
    counts.forEach((s, c) -> LOG.info(String.format("summary: %-10s %9d %10d %12d", s, c.read(), c.accepted(), c.quarantined())));
    counts.forEach((s, c) -> c.quarantineByReason().forEach((reason, n) ->
        LOG.info(String.format("summary:   quarantined %-10s %-26s %7d", s, reason, n))));
    counts.forEach((s, c) -> {
      long all = c.codingByMethod().values().stream().mapToLong(Long::longValue).sum();
      c.codingByMethod().forEach((method, n) -> LOG.info(String.format("summary:   occupation %-10s %-12s %7d (%.1f%% of accepted)",
          s, method, n, 100.0 * n / all)));
    });
    tableRows.forEach((t, n) -> LOG.info(String.format("summary: published %-24s %8d rows", t, n)));
    if (!top.isEmpty()) {
      LOG.info("summary: top shortages {} (positions - new graduate supply, all regions):", top.get(0).get("year"));
      for (Map<String, Object> m : top) {
        LOG.info(String.format("summary:   %s %-52.52s %-26s gap %9s  ratio %s", m.get("isco_code"), m.get("occupation_title"),
            m.get("innovation_sector") == null ? "" : m.get("innovation_sector"),
            m.get("gap") == null ? "hidden" : String.format(java.util.Locale.ROOT, "%.1f", (Double) m.get("gap")),
            m.get("demand_supply_ratio") == null ? "n/a" : m.get("demand_supply_ratio")));
      }
    }
  }
}
