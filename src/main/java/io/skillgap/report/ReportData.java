package io.skillgap.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.skillgap.store.Warehouse;
import io.skillgap.gap.GroupTotals;
import io.skillgap.store.Table;
import io.skillgap.gap.SectorSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the report and its charts show, gathered once: small by construction (top lists, regions x
 * sectors, years x sectors). Region and occupation rows come from the published (suppressed) tables;
 * national totals from gold, with any total under the disclosure threshold hidden too.
 */
public record ReportData(int firstYear, int latestYear, Kpi kpi, List<OccRow> nationalTop, List<SectorBar> sectors,
    List<HeatCell> heatmap, List<Trend> trends, List<ProgRow> programmes, List<RegionSection> regions,
    Map<String, String> regionNames, Map<String, String> sectorNames) {

  /** The headline figures; {@code codedCoarser}: vacancies whose title supported only a group above the unit groups. */
  public record Kpi(Double vacancies, Double positions, Double supply, long shortagePairs, Double codedCoarser) {}

  public record OccRow(String isco, String title, String sector, Double positions, Double supply, Double gap, Double ratio,
      long regionsInShortage) {}

  public record SectorBar(String sector, Double positions, Double supply) {}

  public record HeatCell(String region, String sector, Double index) {}

  public record Trend(String sector, int year, Double vacancies) {}

  public record RankRow(int rank, String isco, String title, String sector, double index, String status, String confidence,
      Double ratio, boolean suppressed, String reason1, String reason2) {}

  public record ProgRow(String field, String title, Double graduates, Double attributed, Double gap, boolean suppressed) {}

  public record RegionSection(String code, List<RankRow> top, List<ProgRow> programmes) {}

  /**
   * Reads the staged publication and gold once, then names things in each language; {@code threshold}
   * hides small national totals.
   */
  public static Map<String, ReportData> gather(SparkSession spark, Warehouse wh, String published, List<String> languages, int threshold,
      int topPerRegion) {
    ReportData coded = gather(spark, wh, published, threshold, topPerRegion);
    Dataset<Row> dimOcc = spark.read().parquet(published + "/dim_occupation");
    Dataset<Row> dimRegion = spark.read().parquet(published + "/dim_region");
    Dataset<Row> dimSector = spark.read().parquet(published + "/dim_sector");
    Map<String, ReportData> out = new LinkedHashMap<>();
    for (String lang : languages) {
      out.put(lang, coded.named(occupationTitles(dimOcc, lang), names(dimRegion, "region_code", "name_", lang),
          names(dimSector, "sector_code", "title_", lang)));
    }
    return out;
  }

  /** The same data with occupations, regions and sectors named from these maps (code to name). */
  ReportData named(Map<String, String> titles, Map<String, String> regionNames, Map<String, String> sectorNames) {
    List<OccRow> top = nationalTop.stream().map(r -> new OccRow(r.isco(), titles.getOrDefault(r.isco(), r.isco()), r.sector(),
        r.positions(), r.supply(), r.gap(), r.ratio(), r.regionsInShortage())).toList();
    List<RegionSection> sections = regions.stream().map(s -> new RegionSection(s.code(), s.top().stream().map(x -> new RankRow(x.rank(),
        x.isco(), titles.getOrDefault(x.isco(), x.isco()), x.sector(), x.index(), x.status(), x.confidence(), x.ratio(), x.suppressed(),
        x.reason1(), x.reason2())).toList(), s.programmes())).toList();
    return new ReportData(firstYear, latestYear, kpi, top, sectors, heatmap, trends, programmes, sections, regionNames, sectorNames);
  }

  private static ReportData gather(SparkSession spark, Warehouse wh, String published, int threshold, int topPerRegion) {
    Dataset<Row> occ = spark.read().parquet(published + "/occupation_region_gap");
    Dataset<Row> ranking = spark.read().parquet(published + "/shortage_ranking");
    Dataset<Row> sectorsPub = spark.read().parquet(published + "/sector_region_summary");
    Dataset<Row> programs = spark.read().parquet(published + "/program_gap");
    Dataset<Row> dimField = spark.read().parquet(published + "/dim_field");
    Dataset<Row> goldAll = wh.read(Table.GOLD_OCCUPATION_REGION_GAP);
    Dataset<Row> goldOcc = GroupTotals.units(goldAll);

    Row years = goldOcc.agg(org.apache.spark.sql.functions.min("year"), max("year")).first();
    int first = years.getInt(0);
    int latest = years.getInt(1);
    // Names per language are put in by named(): here occupations, regions and sectors are their codes.
    Map<String, String> titles = Map.of();
    Map<String, String> regionNames = Map.of();
    Map<String, String> sectorNames = Map.of();
    Map<String, String> fieldTitles = names(dimField, "field_code", "title_", "en");

    Row k = goldOcc.where(col("year").equalTo(latest)).agg(sum("vacancies"), sum("positions"), sum("graduate_supply")).first();
    long pairs = ranking.where(col("year").equalTo(latest).and(col("status").equalTo("shortage"))).count();
    Row coarse = goldAll.where(col("year").equalTo(latest).and(col("isco_level").lt(4))).agg(sum("vacancies_coded_at_level")).first();
    Kpi kpi = new Kpi(mask(k.get(0), threshold), mask(k.get(1), threshold), mask(k.get(2), threshold), pairs,
        codedCoarser(coarse.get(0), threshold));

    Dataset<Row> shortageRegions = ranking.where(col("year").equalTo(latest).and(col("status").equalTo("shortage")))
        .groupBy("isco_code").agg(count(lit(1)).as("_regions"));
    List<OccRow> top = new ArrayList<>();
    for (Row r : goldOcc.where(col("year").equalTo(latest).and(col("is_residual").equalTo(false))
            .and(col("education_pipeline").equalTo(true)))
        .groupBy("isco_code", "innovation_sector").agg(sum("positions").as("p"), sum("graduate_supply").as("s"))
        .withColumn("g", col("p").minus(col("s")))
        .join(shortageRegions, new String[] {"isco_code"}, "left")
        .orderBy(col("g").desc(), col("isco_code")).limit(15).collectAsList()) {
      Double p = mask(r.get(2), threshold);
      Double s = mask(r.get(3), threshold);
      top.add(new OccRow(r.getString(0), titles.getOrDefault(r.getString(0), r.getString(0)), r.getString(1), p, s,
          p == null || s == null ? null : p - s, p == null || s == null || s == 0 ? null : p / s, r.isNullAt(5) ? 0 : r.getLong(5)));
    }

    Dataset<Row> goldSectors = wh.read(Table.GOLD_SECTOR_REGION_SUMMARY);
    List<SectorBar> sectors = new ArrayList<>();
    for (Row r : goldSectors.where(col("year").equalTo(latest).and(col("sector").notEqual(SectorSummary.NON_INNOVATION)))
        .groupBy("sector").agg(sum("positions"), sum("graduate_supply")).orderBy("sector").collectAsList()) {
      sectors.add(new SectorBar(r.getString(0), mask(r.get(1), threshold), mask(r.get(2), threshold)));
    }
    List<HeatCell> heat = new ArrayList<>();
    for (Row r : sectorsPub.where(col("year").equalTo(latest).and(col("sector").notEqual(SectorSummary.NON_INNOVATION)))
        .select("region", "sector", "shortage_index").orderBy("region", "sector").collectAsList()) {
      heat.add(new HeatCell(r.getString(0), r.getString(1), r.isNullAt(2) ? null : r.getDouble(2)));
    }
    List<Trend> trends = new ArrayList<>();
    for (Row r : goldSectors.groupBy("sector", "year").agg(sum("vacancies")).orderBy("sector", "year").collectAsList()) {
      trends.add(new Trend(r.getString(0), r.getInt(1), mask(r.get(2), threshold)));
    }

    List<ProgRow> programmes = new ArrayList<>();
    for (Row r : wh.read(Table.GOLD_PROGRAM_GAP).where(col("year").equalTo(latest))
        .groupBy("field_code").agg(sum("graduates").as("g"), sum("attributed_demand").as("a"))
        .withColumn("gap", col("a").minus(col("g"))).orderBy(col("gap").desc(), col("field_code")).limit(10).collectAsList()) {
      Double g = mask(r.get(1), threshold);
      Double a = mask(r.get(2), threshold);
      programmes.add(new ProgRow(r.getString(0), fieldTitles.getOrDefault(r.getString(0), r.getString(0)), g, a,
          g == null || a == null ? null : a - g, g == null || a == null));
    }

    Map<String, List<RankRow>> topByRegion = new LinkedHashMap<>();
    for (Row r : ranking.where(col("year").equalTo(latest).and(col("rank").leq(topPerRegion)))
        .select("region", "rank", "isco_code", "innovation_sector", "shortage_index", "status", "confidence", "demand_supply_ratio",
            "suppressed", "reason_1", "reason_2").orderBy("region", "rank").collectAsList()) {
      topByRegion.computeIfAbsent(r.getString(0), x -> new ArrayList<>()).add(new RankRow(r.getInt(1), r.getString(2),
          titles.getOrDefault(r.getString(2), r.getString(2)), r.getString(3), r.getDouble(4), r.getString(5), r.getString(6),
          r.isNullAt(7) ? null : r.getDouble(7), r.getBoolean(8), r.getString(9), r.getString(10)));
    }
    Map<String, List<ProgRow>> progByRegion = new LinkedHashMap<>();
    Dataset<Row> rankedPrograms = programs.where(col("year").equalTo(latest))
        .withColumn("_r", org.apache.spark.sql.functions.row_number().over(org.apache.spark.sql.expressions.Window.partitionBy("region")
            .orderBy(coalesce(col("gap"), lit(Double.NEGATIVE_INFINITY)).desc(), col("field_code"))))
        .where(col("_r").leq(5));
    for (Row r : rankedPrograms.select("region", "field_code", "graduates", "attributed_demand", "gap", "suppressed")
        .orderBy("region", "_r").collectAsList()) {
      progByRegion.computeIfAbsent(r.getString(0), x -> new ArrayList<>()).add(new ProgRow(r.getString(1),
          fieldTitles.getOrDefault(r.getString(1), r.getString(1)), r.isNullAt(2) ? null : r.getDouble(2),
          r.isNullAt(3) ? null : r.getDouble(3), r.isNullAt(4) ? null : r.getDouble(4), r.getBoolean(5)));
    }
    List<RegionSection> regions = new ArrayList<>();
    for (Row r : occ.select("region").distinct().orderBy("region").collectAsList()) {
      String code = r.getString(0);
      regions.add(new RegionSection(code, topByRegion.getOrDefault(code, List.of()), progByRegion.getOrDefault(code, List.of())));
    }
    return new ReportData(first, latest, kpi, top, sectors, heat, trends, programmes, regions, regionNames, sectorNames);
  }

  /**
   * The demand coded only above the unit groups: 0 when there is none, null when it is a small count. (Written
   * as {@code sum == null ? 0.0 : mask(...)}, the conditional would be a double and unbox the null.)
   */
  static Double codedCoarser(Object sum, int threshold) {
    return sum == null ? Double.valueOf(0.0) : mask(sum, threshold);
  }

  /** A total to show: null when it is a small count (1 to threshold - 1) that must stay hidden. */
  static Double mask(Object value, int threshold) {
    if (value == null) {
      return null;
    }
    double v = ((Number) value).doubleValue();
    return v > 0 && v < threshold ? null : v;
  }

  static Map<String, String> occupationTitles(Dataset<Row> dim, String language) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Row r : dim.select("isco_code", "title_en", "title_ru").collectAsList()) {
      String ru = r.getString(2);
      out.put(r.getString(0), !language.equals("en") && ru != null ? ru : r.getString(1));
    }
    return out;
  }

  private static Map<String, String> names(Dataset<Row> dim, String key, String prefix, String language) {
    String column = prefix + language;
    List<String> columns = List.of(dim.columns());
    String fallback = columns.contains(prefix + "ru") && !language.equals("en") ? prefix + "ru" : prefix + "en";
    String use = columns.contains(column) ? column : fallback;
    Map<String, String> out = new LinkedHashMap<>();
    for (Row r : dim.select(col(key), coalesce(col(use), col(prefix + "en"))).collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

}
