package io.skillgap.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillgap.SampleNightTestBase;
import io.skillgap.store.Warehouse;
import io.skillgap.report.ReportData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * An attacker with everything the sample night publishes (the Parquet tables, the numbers the report
 * shows, the summary) tries to recover a suppressed cell by differencing: a published total minus the
 * visible cells of its group gives a hidden cell away when it is the only hidden one. No group a total is
 * shown for may have exactly one hidden cell.
 */
class DifferencingAttackTest extends SampleNightTestBase {

  /** Per group (the key's columns as text): [hidden cells, cells], from a published table. */
  private Map<String, long[]> hiddenByGroup(String table, String measure, String... key) {
    Dataset<Row> t = spark.read().parquet(night.publish().resolve(table).toString());
    Map<String, long[]> out = new HashMap<>();
    org.apache.spark.sql.Column[] by = java.util.Arrays.stream(key).map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
    for (Row r : t.groupBy(by).agg(sum(when(col(measure).isNull().and(col("suppressed")), 1).otherwise(0)), count(lit(1))).collectAsList()) {
      StringBuilder k = new StringBuilder();
      for (int i = 0; i < key.length; i++) {
        k.append(i == 0 ? "" : "|").append(r.get(i));
      }
      out.put(k.toString(), new long[] {r.getLong(key.length), r.getLong(key.length + 1)});
    }
    return out;
  }

  /** Groups whose published total lets one hidden cell be recovered. */
  private static List<String> recoverable(String what, Map<String, long[]> groups, Map<String, Double> totalsShown) {
    List<String> out = new ArrayList<>();
    totalsShown.forEach((k, total) -> {
      long[] g = groups.get(k);
      if (total != null && g != null && g[0] == 1) {
        out.add(what + " " + k + ": total " + total + " shown, one hidden cell of " + g[1]);
      }
    });
    return out;
  }

  @Test
  void noSuppressedCellCanBeRecoveredFromWhatIsPublished() throws IOException {
    ReportData report = ReportData.gather(spark, new Warehouse(spark, night.warehouse().toString()), night.publish().toString(),
        List.of("en"), 5, 10).get("en");
    int latest = report.latestYear();
    List<String> found = new ArrayList<>();

    // National sector totals (report: bars for the latest year, trends for every year) against the regions' sector rows.
    Map<String, long[]> sectorPositions = hiddenByGroup("sector_region_summary", "positions", "year", "sector");
    Map<String, long[]> sectorSupply = hiddenByGroup("sector_region_summary", "graduate_supply", "year", "sector");
    Map<String, long[]> sectorVacancies = hiddenByGroup("sector_region_summary", "vacancies", "year", "sector");
    Map<String, Double> positions = new HashMap<>();
    Map<String, Double> supply = new HashMap<>();
    report.sectors().forEach(s -> {
      positions.put(latest + "|" + s.sector(), s.positions());
      supply.put(latest + "|" + s.sector(), s.supply());
    });
    Map<String, Double> vacancies = new HashMap<>();
    report.trends().forEach(t -> vacancies.put(t.year() + "|" + t.sector(), t.vacancies()));
    found.addAll(recoverable("sector positions", sectorPositions, positions));
    found.addAll(recoverable("sector supply", sectorSupply, supply));
    found.addAll(recoverable("sector vacancies", sectorVacancies, vacancies));

    // National occupation totals (report's top list, summary's top shortages) against the regions' occupation rows.
    Map<String, long[]> occPositions = hiddenByGroup("occupation_region_gap", "positions", "year", "isco_code");
    Map<String, long[]> occSupply = hiddenByGroup("occupation_region_gap", "graduate_supply", "year", "isco_code");
    Map<String, Double> top = new HashMap<>();
    Map<String, Double> topSupply = new HashMap<>();
    report.nationalTop().forEach(o -> {
      top.put(latest + "|" + o.isco(), o.positions());
      topSupply.put(latest + "|" + o.isco(), o.supply());
    });
    JsonNode summary = new ObjectMapper().readTree(night.publish().resolve("_summary.json").toFile());
    summary.get("top_shortages").forEach(s -> {
      String k = s.get("year").asInt() + "|" + s.get("isco_code").asText();
      if (!s.get("positions").isNull()) {
        top.put(k, s.get("positions").asDouble());
      }
      if (!s.get("graduate_supply").isNull()) {
        topSupply.put(k, s.get("graduate_supply").asDouble());
      }
    });
    found.addAll(recoverable("occupation positions", occPositions, top));
    found.addAll(recoverable("occupation supply", occSupply, topSupply));

    // National field totals of the programme list against the regions' programme rows.
    Map<String, Double> fields = new HashMap<>();
    report.programmes().forEach(p -> fields.put(latest + "|" + p.field(), p.graduates()));
    found.addAll(recoverable("field graduates", hiddenByGroup("program_gap", "graduates", "year", "field_code"), fields));

    // The headline totals against every cell of the year.
    Map<String, long[]> all = hiddenByGroup("occupation_region_gap", "positions", "year");
    found.addAll(recoverable("national positions", all, Map.of(String.valueOf(latest), report.kpi().positions())));

    assertEquals(List.of(), found, "cells recoverable by subtraction");
    // The attack had something to attack: the sample's small cells are suppressed in every table it read.
    assertTrue(sectorPositions.values().stream().mapToLong(g -> g[0]).sum() > 0, "suppressed sector cells exist");
    assertTrue(occPositions.values().stream().mapToLong(g -> g[0]).sum() > 0, "suppressed occupation cells exist");
  }
}
