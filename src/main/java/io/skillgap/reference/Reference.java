package io.skillgap.reference;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;

import io.skillgap.store.Files;
import io.skillgap.classify.Dictionaries;
import io.skillgap.classify.TitleClassifier;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.config.SkillgapConfig.ReferencePaths;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * The reference tables (classifications, regions, crosswalk, sectors, currency rates, the classifier's
 * dictionaries), read once ({@link ReferenceTable} says which, from where, with which columns), checked
 * ({@link ReferenceChecks}), and held as small local DataFrames behind typed getters (joins broadcast
 * them). They are bounded by the classifications, never by the input, so holding them on the driver is safe.
 */
public final class Reference {
  /** Residual occupation bucket for the share of a field's graduates the crosswalk does not place. */
  public static final String OTHER_OCCUPATIONS = "OTHER";
  /** Demand-side bucket for vacancies that carry no occupation code. */
  public static final String UNCODED = "UNCODED";

  private final SparkSession spark;
  private final Map<ReferenceTable, Dataset<Row>> frames = new EnumMap<>(ReferenceTable.class);
  private final Set<String> crosswalkFields;
  private final TitleClassifier classifier;
  private final io.skillgap.skills.SkillMatcher skills;

  private Reference(SparkSession spark, Map<ReferenceTable, List<Row>> tables) {
    this.spark = spark;
    for (ReferenceTable t : ReferenceTable.values()) {
      List<Row> rows = tables.getOrDefault(t, List.of());
      frames.put(t, spark.createDataFrame(t == ReferenceTable.CROSSWALK ? withResidual(rows) : rows, t.schema()));
    }
    this.crosswalkFields = tables.getOrDefault(ReferenceTable.CROSSWALK, List.of()).stream().map(r -> r.getString(0))
        .collect(Collectors.toSet());
    this.classifier = Dictionaries.classifier(classifierTables(tables));
    this.skills = SkillReference.matcher(tables.getOrDefault(ReferenceTable.SKILLS, List.of()));
  }

  /** The tables the title classifier is made of. */
  public static Dictionaries.Tables classifierTables(Map<ReferenceTable, List<Row>> t) {
    return new Dictionaries.Tables(t.getOrDefault(ReferenceTable.ISCO, List.of()), t.getOrDefault(ReferenceTable.TITLE_TERMS, List.of()),
        t.getOrDefault(ReferenceTable.ESCO_OCCUPATIONS, List.of()), t.getOrDefault(ReferenceTable.HH_PROFESSIONAL_ROLES, List.of()),
        t.getOrDefault(ReferenceTable.LABELLED_TITLES, List.of()), t.getOrDefault(ReferenceTable.CLASSIFIER_CALIBRATION, List.of()));
  }

  /** The nightly run's title classifier, read without Spark (the classify command, tools and tests). */
  public static TitleClassifier classifier(org.apache.hadoop.conf.Configuration conf, ReferencePaths p) {
    return Dictionaries.classifier(classifierTables(rows(conf, p)));
  }

  /** The skills matcher of the vocabulary in {@code rows} (tools and tests read it without Spark). */
  public static io.skillgap.skills.SkillMatcher skills(Map<ReferenceTable, List<Row>> rows) {
    return SkillReference.matcher(rows.getOrDefault(ReferenceTable.SKILLS, List.of()));
  }

  /** Reads and checks every reference table; a broken one stops the run with the file named. */
  public static Reference load(SparkSession spark, ReferencePaths p) {
    return new Reference(spark, rows(spark.sparkContext().hadoopConfiguration(), p));
  }

  /** Every reference table's rows, read and checked without Spark (the classify command needs no session). */
  public static Map<ReferenceTable, List<Row>> rows(org.apache.hadoop.conf.Configuration conf, ReferencePaths p) {
    Map<ReferenceTable, List<Row>> t = new EnumMap<>(ReferenceTable.class);
    for (ReferenceTable table : ReferenceTable.values()) {
      String path = p.path(table.configKey());
      if (path.isEmpty()) {
        if (!table.optional()) {
          throw new InvalidConfigException("reference." + table.configKey() + " is empty: the table is required");
        }
        continue;
      }
      t.put(table, read(conf, path, table.schema()));
    }
    ReferenceChecks.check(t, p);
    return t;
  }

  /** Builds a Reference from rows in memory (tests); the same checks apply. */
  public static Reference of(SparkSession spark, Map<ReferenceTable, List<Row>> tables) {
    ReferenceChecks.check(tables, null);
    return new Reference(spark, tables);
  }

  private Dataset<Row> frame(ReferenceTable t) {
    return frames.get(t);
  }

  /**
   * Reads a reference CSV on the driver through Hadoop's file systems (so a local path works even when
   * executors are elsewhere, and s3a:// works too). A broken reference table is a configuration error,
   * not input to quarantine: the message names the file, line and column.
   */
  static List<Row> read(org.apache.hadoop.conf.Configuration conf, String path, StructType schema) {
    String text;
    try {
      text = Files.readText(conf, path);
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

  /** All ISCO-08 groups, every level. */
  public Dataset<Row> isco() {
    return frame(ReferenceTable.ISCO);
  }

  /** ISCO-08 unit groups (4 digits): the occupations the gap tables are keyed by. */
  public Dataset<Row> iscoUnits() {
    return frame(ReferenceTable.ISCO).where(col("level").equalTo("unit")).select("isco_code", "title_en");
  }

  public Dataset<Row> isced() {
    return frame(ReferenceTable.ISCED);
  }

  public Dataset<Row> nace() {
    return frame(ReferenceTable.NACE);
  }

  public Dataset<Row> regions() {
    return frame(ReferenceTable.REGIONS);
  }

  /** Alias spellings with the current region code and its type (region, city, country). */
  public Dataset<Row> regionAliases() {
    return frame(ReferenceTable.REGION_ALIASES).join(frame(ReferenceTable.REGIONS).select("region_code", "type"), "region_code")
        .select(col("alias"), col("region_code"), col("type").as("region_type"));
  }

  /** field_code, isco_code, weight, with the OTHER residual so that weights sum to 1 per field. */
  public Dataset<Row> crosswalk() {
    return frame(ReferenceTable.CROSSWALK);
  }

  /** Field codes that have crosswalk rows, at whatever level of ISCED-F they were written. */
  public Set<String> crosswalkFields() {
    return crosswalkFields;
  }

  public Dataset<Row> sectors() {
    return frame(ReferenceTable.SECTORS);
  }

  /** isco_code to innovation sector (one sector per unit group). */
  public Dataset<Row> sectorByOccupation() {
    return frame(ReferenceTable.SECTOR_CODES).where(col("classification").equalTo("isco08"))
        .select(col("code").as("isco_code"), col("sector_code").as("innovation_sector"));
  }

  /** NACE code (section letter or 2-digit division) to innovation sector. */
  public Dataset<Row> sectorByActivity() {
    return frame(ReferenceTable.SECTOR_CODES).where(col("classification").equalTo("nace2"))
        .select(col("code").as("nace_code"), col("sector_code").as("innovation_sector"));
  }

  /** Kazakhstan training directions (the 3 digits after a programme code's level letter) to ISCED-F. */
  public Dataset<Row> kzDirections() {
    return frame(ReferenceTable.KZ_DIRECTIONS);
  }

  /** Russian titles of ISCO-08 groups, where the project has them (labels of the report and exports). */
  public Dataset<Row> iscoTitlesRu() {
    return frame(ReferenceTable.ISCO_TITLES_RU);
  }

  /** hh areas (id and name) to country and region code. */
  public Dataset<Row> hhAreas() {
    return frame(ReferenceTable.HH_AREAS);
  }

  /** NKZ 01-2017 occupation codes (4 digits) to ISCO-08 unit groups. */
  public Dataset<Row> nkzIsco() {
    return frame(ReferenceTable.NKZ_ISCO);
  }

  /** Region names no longer in use after a date (renamed or abolished regions). */
  public Dataset<Row> regionFormerNames() {
    return frame(ReferenceTable.REGION_FORMER_NAMES);
  }

  /** The title classifier built from the term, ESCO and professional-role tables. */
  public TitleClassifier classifier() {
    return classifier;
  }

  /** The skills vocabulary as a matcher of lists and texts. */
  public io.skillgap.skills.SkillMatcher skills() {
    return skills;
  }

  /** The skills vocabulary: id, labels, group, ESCO label and the digital and green flags. */
  public Dataset<Row> skillVocabulary() {
    return frame(ReferenceTable.SKILLS).drop("aliases");
  }

  /**
   * Each unit group's ISCO-08 skill level and entry qualification, and whether an education pipeline
   * exists for it (the crosswalk feeds it from some field of study).
   */
  public Dataset<Row> qualifications() {
    Dataset<Row> fed = frame(ReferenceTable.CROSSWALK).where(col("weight").gt(0).and(col("isco_code").notEqual(OTHER_OCCUPATIONS)))
        .select(col("isco_code").as("_fed")).distinct();
    return frame(ReferenceTable.OCCUPATION_QUALIFICATIONS).join(fed, col("isco_code").equalTo(col("_fed")), "left")
        .select(col("isco_code"), col("skill_level"), col("entry_qualification"), col("_fed").isNotNull().as("education_pipeline"));
  }

  /** Where graduates of a region go to work (from_region, to_region, share); empty when not configured. */
  public Dataset<Row> mobility() {
    return frame(ReferenceTable.GRADUATE_MOBILITY);
  }

  /** Rates with the day each stops applying (the next rate's start; open-ended for the latest). */
  public Dataset<Row> currencyRates() {
    return frame(ReferenceTable.CURRENCY_RATES).withColumn("valid_to",
        lead(col("valid_from"), 1).over(Window.partitionBy("currency").orderBy("valid_from")));
  }
}
