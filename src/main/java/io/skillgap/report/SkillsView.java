package io.skillgap.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.skillgap.gap.SkillDemand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the report says of skills, read from the published (suppressed) tables of the latest year: per
 * innovation sector the skills most vacancies name across the country and the fastest-growing ones,
 * per region the top skills of every occupation, and the shortages no programme supplies. Small by
 * construction (a few rows per sector and region).
 */
public record SkillsView(List<SectorSkills> sectors, Map<String, List<SkillRow>> byRegion, List<Unsupplied> unsupplied) {

  /** A skill in a cell: its label, share of described vacancies, growth and premium (null where suppressed or too few). */
  public record SkillRow(String id, String label, Double share, Double growth, Double premium, boolean suppressed) {}

  public record SectorSkills(String sector, List<SkillRow> top, List<SkillRow> emerging) {}

  /** An occupation in shortage in some regions that no field of study feeds. */
  public record Unsupplied(String isco, String title, String qualification, long regions) {}

  /** How many skills each sector and region shows, and how many emerging ones. */
  static final int TOP = 10;
  static final int EMERGING = 5;
  static final int PER_REGION = 5;

  /** Reads the staged publication once; {@code labels} names skills in the report's language afterwards ({@link #named}). */
  public static SkillsView gather(SparkSession spark, String published, int year) {
    Dataset<Row> demand = spark.read().parquet(published + "/skill_demand").where(col("year").equalTo(year).and(col("isco_level").equalTo(0)));
    Column country = col("region").equalTo(SkillDemand.COUNTRY);
    Map<String, List<SkillRow>> top = rowsBy(demand.where(country.and(col("demand_rank").leq(TOP))), "innovation_sector", "demand_rank");
    Map<String, List<SkillRow>> emerging = rowsBy(demand.where(country.and(col("emerging_rank").leq(EMERGING))), "innovation_sector",
        "emerging_rank");
    List<SectorSkills> sectors = new ArrayList<>();
    top.forEach((sector, rows) -> sectors.add(new SectorSkills(sector, rows, emerging.getOrDefault(sector, List.of()))));
    Map<String, List<SkillRow>> byRegion = rowsBy(demand.where(country.equalTo(false).and(col("innovation_sector").equalTo(SkillDemand.ALL))
        .and(col("demand_rank").leq(PER_REGION))), "region", "demand_rank");
    List<Unsupplied> unsupplied = new ArrayList<>();
    for (Row r : spark.read().parquet(published + "/occupation_region_gap")
        .where(col("year").equalTo(year).and(col("isco_level").equalTo(4)).and(col("education_pipeline").equalTo(false))
            .and(col("status").equalTo("shortage")))
        .groupBy("isco_code", "entry_qualification").agg(count(lit(1)).as("regions"))
        .orderBy(col("regions").desc(), col("isco_code")).limit(15).collectAsList()) {
      unsupplied.add(new Unsupplied(r.getString(0), r.getString(0), r.getString(1), r.getLong(2)));
    }
    return new SkillsView(sectors, byRegion, unsupplied);
  }

  private static Map<String, List<SkillRow>> rowsBy(Dataset<Row> rows, String key, String rank) {
    Map<String, List<SkillRow>> out = new LinkedHashMap<>();
    for (Row r : rows.select(col(key), col("skill_id"), col("share"), col("growth_rel"), col("salary_premium"), col("suppressed"))
        .orderBy(col(key), col(rank)).collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new SkillRow(r.getString(1), r.getString(1), value(r, 2), value(r, 3),
          value(r, 4), r.getBoolean(5)));
    }
    return out;
  }

  private static Double value(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }

  /** The same view with skills and occupations named in the report's language (id or code to name). */
  public SkillsView named(Map<String, String> labels, Map<String, String> titles) {
    java.util.function.Function<List<SkillRow>, List<SkillRow>> name = l -> l.stream()
        .map(s -> new SkillRow(s.id(), labels.getOrDefault(s.id(), s.id()), s.share(), s.growth(), s.premium(), s.suppressed())).toList();
    List<SectorSkills> s = sectors.stream().map(x -> new SectorSkills(x.sector(), name.apply(x.top()), name.apply(x.emerging()))).toList();
    Map<String, List<SkillRow>> r = new LinkedHashMap<>();
    byRegion.forEach((k, v) -> r.put(k, name.apply(v)));
    List<Unsupplied> u = unsupplied.stream().map(x -> new Unsupplied(x.isco(), titles.getOrDefault(x.isco(), x.isco()), x.qualification(),
        x.regions())).toList();
    return new SkillsView(s, r, u);
  }

  /** Skill id to its label in {@code language} (Kazakh and Russian labels are in the vocabulary, English always). */
  public static Map<String, String> labels(SparkSession spark, String published, String language) {
    String column = switch (language) {
      case "ru" -> "label_ru";
      case "kk" -> "label_kk";
      default -> "label_en";
    };
    Map<String, String> out = new LinkedHashMap<>();
    for (Row r : spark.read().parquet(published + "/dim_skill").select("skill_id", column).collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }
}
