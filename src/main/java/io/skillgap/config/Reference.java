package io.skillgap.config;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;

import io.skillgap.classify.Dictionaries;
import io.skillgap.classify.TitleClassifier;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.config.SkillgapConfig.ReferencePaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * The reference tables (classifications, regions, crosswalk, sectors, currency rates), read once,
 * checked for consistency, and held as small local DataFrames (joins broadcast them).
 * They are bounded by the classifications, never by the input, so holding them on the driver is safe.
 */
public final class Reference {
  /** Residual occupation bucket for the share of a field's graduates the crosswalk does not place. */
  public static final String OTHER_OCCUPATIONS = "OTHER";
  /** Demand-side bucket for vacancies that carry no occupation code. */
  public static final String UNCODED = "UNCODED";

  public static final StructType ISCO = StructType.fromDDL(
      "isco_code STRING NOT NULL, level STRING NOT NULL, title_en STRING NOT NULL, parent_code STRING");
  public static final StructType ISCED = StructType.fromDDL(
      "field_code STRING NOT NULL, level STRING NOT NULL, title_en STRING NOT NULL, parent_code STRING");
  public static final StructType NACE = StructType.fromDDL(
      "nace_code STRING NOT NULL, level STRING NOT NULL, title_en STRING NOT NULL, section STRING NOT NULL");
  public static final StructType REGIONS = StructType.fromDDL(
      "region_code STRING NOT NULL, kato_prefix STRING, type STRING NOT NULL, name_en STRING NOT NULL,"
          + " name_ru STRING, name_kk STRING, established STRING");
  public static final StructType REGION_ALIASES = StructType.fromDDL(
      "alias STRING NOT NULL, region_code STRING NOT NULL, kind STRING");
  public static final StructType CROSSWALK = StructType.fromDDL(
      "field_code STRING NOT NULL, isco_code STRING NOT NULL, weight DOUBLE NOT NULL");
  public static final StructType SECTORS = StructType.fromDDL(
      "sector_code STRING NOT NULL, title_en STRING NOT NULL, title_ru STRING, title_kk STRING");
  public static final StructType SECTOR_CODES = StructType.fromDDL(
      "sector_code STRING NOT NULL, classification STRING NOT NULL, code STRING NOT NULL");
  public static final StructType KZ_DIRECTIONS = StructType.fromDDL(
      "direction STRING NOT NULL, isced_field STRING NOT NULL, title_ru STRING");
  public static final StructType ISCO_TITLES_RU = StructType.fromDDL("isco_code STRING NOT NULL, title_ru STRING NOT NULL");
  public static final StructType MOBILITY = StructType.fromDDL(
      "from_region STRING NOT NULL, to_region STRING NOT NULL, share DOUBLE NOT NULL");
  public static final StructType CURRENCY_RATES = StructType.fromDDL(
      "currency STRING NOT NULL, valid_from DATE NOT NULL, kzt_per_unit DOUBLE NOT NULL");
  public static final StructType TITLE_TERMS = StructType.fromDDL("term STRING NOT NULL, isco_code STRING NOT NULL, lang STRING");
  public static final StructType ESCO = StructType.fromDDL(
      "esco_uri STRING NOT NULL, esco_label_en STRING NOT NULL, isco08_unit_code STRING NOT NULL, alt_labels_en STRING");
  public static final StructType HH_ROLES = StructType.fromDDL(
      "role_id STRING NOT NULL, name_ru STRING NOT NULL, isco_code STRING, weight DOUBLE");
  public static final StructType HH_AREAS = StructType.fromDDL(
      "area_id STRING, area_name STRING NOT NULL, country STRING NOT NULL, region_code STRING");
  public static final StructType NKZ_ISCO = StructType.fromDDL("nkz_code STRING NOT NULL, isco_code STRING NOT NULL, relation STRING NOT NULL");
  public static final StructType REGION_FORMER_NAMES = StructType.fromDDL(
      "alias STRING NOT NULL, region_code STRING NOT NULL, until DATE NOT NULL");

  private final SparkSession spark;
  private final Dataset<Row> isco;
  private final Dataset<Row> isced;
  private final Dataset<Row> nace;
  private final Dataset<Row> regions;
  private final Dataset<Row> regionAliases;
  private final Dataset<Row> crosswalk;
  private final Set<String> crosswalkFields;
  private final Dataset<Row> sectors;
  private final Dataset<Row> sectorCodes;
  private final Dataset<Row> currencyRates;
  private final Dataset<Row> kzDirections;
  private final Dataset<Row> mobility;
  private final Dataset<Row> iscoTitlesRu;
  private final Dataset<Row> hhAreas;
  private final Dataset<Row> nkzIsco;
  private final Dataset<Row> regionFormerNames;
  private final TitleClassifier classifier;

  private Reference(SparkSession spark, Map<String, List<Row>> tables) {
    this.spark = spark;
    this.isco = local(tables.get("isco"), ISCO);
    this.isced = local(tables.get("isced"), ISCED);
    this.nace = local(tables.get("nace"), NACE);
    this.regions = local(tables.get("regions"), REGIONS);
    this.regionAliases = local(tables.get("regionAliases"), REGION_ALIASES);
    this.crosswalk = local(withResidual(tables.get("crosswalk")), CROSSWALK);
    this.crosswalkFields = tables.get("crosswalk").stream().map(r -> r.getString(0)).collect(Collectors.toSet());
    this.sectors = local(tables.get("sectors"), SECTORS);
    this.sectorCodes = local(tables.get("sectorCodes"), SECTOR_CODES);
    this.currencyRates = local(tables.get("currencyRates"), CURRENCY_RATES);
    this.kzDirections = local(tables.get("kzDirections"), KZ_DIRECTIONS);
    this.mobility = local(tables.getOrDefault("mobility", List.of()), MOBILITY);
    this.iscoTitlesRu = local(tables.getOrDefault("iscoTitlesRu", List.of()), ISCO_TITLES_RU);
    this.hhAreas = local(tables.getOrDefault("hhAreas", List.of()), HH_AREAS);
    this.nkzIsco = local(tables.getOrDefault("nkzIsco", List.of()), NKZ_ISCO);
    this.regionFormerNames = local(tables.getOrDefault("regionFormerNames", List.of()), REGION_FORMER_NAMES);
    this.classifier = Dictionaries.classifier(tables.get("isco"), tables.getOrDefault("titleTerms", List.of()),
        tables.getOrDefault("esco", List.of()), tables.getOrDefault("hhRoles", List.of()));
  }

  /** Reads and checks every reference table; a broken one stops the run with the file named. */
  public static Reference load(SparkSession spark, ReferencePaths p) {
    Map<String, List<Row>> t = new HashMap<>();
    t.put("isco", read(spark, p.isco(), ISCO));
    t.put("isced", read(spark, p.isced(), ISCED));
    t.put("nace", read(spark, p.nace(), NACE));
    t.put("regions", read(spark, p.regions(), REGIONS));
    t.put("regionAliases", read(spark, p.regionAliases(), REGION_ALIASES));
    t.put("crosswalk", read(spark, p.crosswalk(), CROSSWALK));
    t.put("sectors", read(spark, p.sectors(), SECTORS));
    t.put("sectorCodes", read(spark, p.sectorCodes(), SECTOR_CODES));
    t.put("currencyRates", read(spark, p.currencyRates(), CURRENCY_RATES));
    t.put("kzDirections", read(spark, p.kzTrainingDirections(), KZ_DIRECTIONS));
    t.put("iscoTitlesRu", read(spark, p.iscoTitlesRu(), ISCO_TITLES_RU));
    t.put("titleTerms", read(spark, p.titleTerms(), TITLE_TERMS));
    t.put("esco", read(spark, p.escoOccupations(), ESCO));
    t.put("hhRoles", read(spark, p.hhProfessionalRoles(), HH_ROLES));
    t.put("hhAreas", read(spark, p.hhAreas(), HH_AREAS));
    t.put("nkzIsco", read(spark, p.nkzIsco(), NKZ_ISCO));
    t.put("regionFormerNames", read(spark, p.regionFormerNames(), REGION_FORMER_NAMES));
    if (!p.graduateMobility().isEmpty()) {
      t.put("mobility", read(spark, p.graduateMobility(), MOBILITY));
    }
    ReferenceChecks.check(t, p);
    return new Reference(spark, t);
  }

  /** Builds a Reference from rows in memory (tests); the same checks apply. */
  public static Reference of(SparkSession spark, Map<String, List<Row>> tables) {
    ReferenceChecks.check(tables, null);
    return new Reference(spark, tables);
  }

  /**
   * Reads a reference CSV on the driver through Hadoop's file systems (so a local path works even when
   * executors are elsewhere, and s3a:// works too). A broken reference table is a configuration error,
   * not input to quarantine: the message names the file, line and column.
   */
  static List<Row> read(SparkSession spark, String path, StructType schema) {
    String text;
    try {
      text = Files.readText(spark.sparkContext().hadoopConfiguration(), path);
    } catch (RuntimeException e) {
      throw new InvalidConfigException("cannot read reference table " + path + ": " + rootMessage(e));
    }
    if (text == null) {
      throw new InvalidConfigException("reference table not found: " + path);
    }
    return ReferenceCsv.parse(text, schema, path);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }

  /** Adds, per field, an OTHER row carrying the weight the crosswalk leaves unplaced (1 - sum). */
  static List<Row> withResidual(List<Row> rows) {
    Map<String, Double> sums = new TreeMap<>();
    for (Row r : rows) {
      sums.merge(r.getString(0), r.getDouble(2), Double::sum);
    }
    List<Row> out = new ArrayList<>(rows);
    sums.forEach((field, sum) -> {
      double rest = 1.0 - sum;
      if (rest > 1e-9) {
        out.add(RowFactory.create(field, OTHER_OCCUPATIONS, rest));
      }
    });
    return out;
  }

  private Dataset<Row> local(List<Row> rows, StructType schema) {
    return spark.createDataFrame(rows, schema);
  }

  /** All ISCO-08 groups, every level. */
  public Dataset<Row> isco() {
    return isco;
  }

  /** ISCO-08 unit groups (4 digits): the occupations the gap tables are keyed by. */
  public Dataset<Row> iscoUnits() {
    return isco.where(col("level").equalTo("unit")).select("isco_code", "title_en");
  }

  public Dataset<Row> isced() {
    return isced;
  }

  public Dataset<Row> nace() {
    return nace;
  }

  public Dataset<Row> regions() {
    return regions;
  }

  /** Alias spellings with the current region code and its type (region, city, country). */
  public Dataset<Row> regionAliases() {
    return regionAliases.join(regions.select("region_code", "type"), "region_code")
        .select(col("alias"), col("region_code"), col("type").as("region_type"));
  }

  /** field_code, isco_code, weight, with the OTHER residual so that weights sum to 1 per field. */
  public Dataset<Row> crosswalk() {
    return crosswalk;
  }

  /** Field codes that have crosswalk rows, at whatever level of ISCED-F they were written. */
  public Set<String> crosswalkFields() {
    return crosswalkFields;
  }

  public Dataset<Row> sectors() {
    return sectors;
  }

  /** isco_code to innovation sector (one sector per unit group). */
  public Dataset<Row> sectorByOccupation() {
    return sectorCodes.where(col("classification").equalTo("isco08"))
        .select(col("code").as("isco_code"), col("sector_code").as("innovation_sector"));
  }

  /** NACE code (section letter or 2-digit division) to innovation sector. */
  public Dataset<Row> sectorByActivity() {
    return sectorCodes.where(col("classification").equalTo("nace2"))
        .select(col("code").as("nace_code"), col("sector_code").as("innovation_sector"));
  }

  /** Kazakhstan training directions (the 3 digits after a programme code's level letter) to ISCED-F. */
  public Dataset<Row> kzDirections() {
    return kzDirections;
  }

  /** Russian titles of ISCO-08 groups, where the project has them (labels of the report and exports). */
  public Dataset<Row> iscoTitlesRu() {
    return iscoTitlesRu;
  }

  /** hh areas (id and name) to country and region code. */
  public Dataset<Row> hhAreas() {
    return hhAreas;
  }

  /** NKZ 01-2017 occupation codes (4 digits) to ISCO-08 unit groups. */
  public Dataset<Row> nkzIsco() {
    return nkzIsco;
  }

  /** Region names no longer in use after a date (renamed or abolished regions). */
  public Dataset<Row> regionFormerNames() {
    return regionFormerNames;
  }

  /** The title classifier built from the term, ESCO and professional-role tables. */
  public TitleClassifier classifier() {
    return classifier;
  }

  /** Reads a reference CSV text without Spark (tests and tools); the same checks of the header and values. */
  public static List<Row> parse(String text, StructType schema, String path) {
    return ReferenceCsv.parse(text, schema, path);
  }

  /** Where graduates of a region go to work (from_region, to_region, share); empty when not configured. */
  public Dataset<Row> mobility() {
    return mobility;
  }

  /** Rates with the day each stops applying (the next rate's start; open-ended for the latest). */
  public Dataset<Row> currencyRates() {
    return currencyRates.withColumn("valid_to",
        lead(col("valid_from"), 1).over(Window.partitionBy("currency").orderBy("valid_from")));
  }
}
