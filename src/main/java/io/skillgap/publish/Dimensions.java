package io.skillgap.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.skillgap.reference.Reference;
import io.skillgap.gap.SectorSummary;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The dimensions of the published star schema, from the reference tables: the facts' codes (isco_code,
 * region, field_code, sector, year) join to them for titles in kk/ru/en and for the hierarchies.
 */
public final class Dimensions {
  private Dimensions() {}

  public static final StructType OCCUPATION = StructType.fromDDL(String.join(",",
      "isco_code STRING NOT NULL COMMENT 'ISCO-08 unit group, or OTHER / UNCODED (the buckets of occupation_region_gap)'",
      "title_en STRING NOT NULL COMMENT 'ISCO-08 title (English, ESCO)'",
      "title_ru STRING COMMENT 'Russian title where the project has one, else null'",
      "major_code STRING COMMENT 'ISCO-08 major group (1 digit)'",
      "major_title_en STRING COMMENT 'major group title'",
      "sub_major_code STRING COMMENT 'sub-major group (2 digits)'",
      "sub_major_title_en STRING COMMENT 'sub-major group title'",
      "minor_code STRING COMMENT 'minor group (3 digits)'",
      "minor_title_en STRING COMMENT 'minor group title'",
      "innovation_sector STRING COMMENT 'innovation sector of the occupation, null when none'",
      "skill_level INT COMMENT 'ISCO-08 skill level 1-4 (conf/reference/occupation_qualifications.csv)'",
      "entry_qualification STRING COMMENT 'typical entry qualification: general, vocational, tvet or higher'",
      "education_pipeline BOOLEAN COMMENT 'a field of study feeds it (the crosswalk)'",
      "is_residual BOOLEAN NOT NULL COMMENT 'true for OTHER and UNCODED'"));

  public static final StructType SKILL = StructType.fromDDL(String.join(",",
      "skill_id STRING NOT NULL COMMENT 'id of the skill (conf/reference/skills.csv), or none: no skill of the vocabulary named'",
      "label_en STRING NOT NULL COMMENT 'label in English'", "label_ru STRING NOT NULL COMMENT 'label in Russian'",
      "label_kk STRING NOT NULL COMMENT 'label in Kazakh'",
      "skill_group STRING NOT NULL COMMENT 'programming, data_ai, cloud_devops_datacentre, networks_security, enterprise_systems,"
          + " engineering_design, automation_electronics, mining_geology, energy, licences_certificates, languages, transversal; none for the row none'",
      "esco_label STRING COMMENT 'the ESCO skill it corresponds to, where there is one'",
      "digital BOOLEAN NOT NULL COMMENT 'within the scope of ESCO''s digital skills collection'",
      "green BOOLEAN NOT NULL COMMENT 'within the scope of ESCO''s green skills collection'"));

  public static final StructType REGION = StructType.fromDDL(String.join(",",
      "region_code STRING NOT NULL COMMENT 'ISO 3166-2:KZ code (KZ for the whole country)'",
      "kato_prefix STRING COMMENT 'KATO two-digit prefix'",
      "type STRING NOT NULL COMMENT 'region, city or country'",
      "name_en STRING NOT NULL COMMENT 'name in English'",
      "name_ru STRING COMMENT 'name in Russian'",
      "name_kk STRING COMMENT 'name in Kazakh'",
      "established STRING COMMENT 'year of creation when it was created after 2017'"));

  public static final StructType FIELD = StructType.fromDDL(String.join(",",
      "field_code STRING NOT NULL COMMENT 'ISCED-F 2013 code (2, 3 or 4 digits)'",
      "level STRING NOT NULL COMMENT 'broad, narrow or detailed'",
      "title_en STRING NOT NULL COMMENT 'ISCED-F 2013 title'",
      "broad_code STRING NOT NULL COMMENT 'its broad field (2 digits)'",
      "broad_title_en STRING COMMENT 'broad field title'",
      "narrow_code STRING COMMENT 'its narrow field (3 digits), null for a broad field'",
      "narrow_title_en STRING COMMENT 'narrow field title'"));

  public static final StructType SECTOR = StructType.fromDDL(String.join(",",
      "sector_code STRING NOT NULL COMMENT 'innovation sector code, or non_innovation'",
      "title_en STRING NOT NULL COMMENT 'title in English'",
      "title_ru STRING COMMENT 'title in Russian'",
      "title_kk STRING COMMENT 'title in Kazakh'",
      "is_innovation BOOLEAN NOT NULL COMMENT 'false for non_innovation'"));

  public static final StructType YEAR = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'a year present in the facts'",
      "is_latest BOOLEAN NOT NULL COMMENT 'true for the latest year'"));

  public static Dataset<Row> occupation(Reference ref) {
    Dataset<Row> isco = ref.isco();
    Dataset<Row> titles = isco.select(col("isco_code").as("_c"), col("title_en").as("_t"));
    Dataset<Row> units = isco.where(col("level").equalTo("unit")).select(col("isco_code"), col("title_en"))
        .unionByName(ref.isco().sparkSession().createDataFrame(List.of(
            RowFactory.create(Reference.OTHER_OCCUPATIONS, "Other occupations (graduates the crosswalk does not place)"),
            RowFactory.create(Reference.UNCODED, "Occupation not coded (vacancies without an ISCO-08 code)")),
            StructType.fromDDL("isco_code STRING, title_en STRING")));
    Dataset<Row> d = units
        .withColumn("major_code", when(col("isco_code").rlike("^[0-9]{4}$"), substring(col("isco_code"), 1, 1)))
        .withColumn("sub_major_code", when(col("isco_code").rlike("^[0-9]{4}$"), substring(col("isco_code"), 1, 2)))
        .withColumn("minor_code", when(col("isco_code").rlike("^[0-9]{4}$"), substring(col("isco_code"), 1, 3)));
    for (String level : List.of("major", "sub_major", "minor")) {
      Dataset<Row> t = titles.withColumnRenamed("_c", "_" + level).withColumnRenamed("_t", level + "_title_en");
      d = d.join(t, col(level + "_code").equalTo(col("_" + level)), "left").drop("_" + level);
    }
    Dataset<Row> ru = ref.iscoTitlesRu().select(col("isco_code").as("_ru"), col("title_ru"));
    Dataset<Row> sectors = ref.sectorByOccupation().select(col("isco_code").as("_s"), col("innovation_sector"));
    Dataset<Row> q = ref.qualifications().withColumnRenamed("isco_code", "_q");
    return d.join(ru, col("isco_code").equalTo(col("_ru")), "left").drop("_ru")
        .join(sectors, col("isco_code").equalTo(col("_s")), "left").drop("_s")
        .join(q, col("isco_code").equalTo(col("_q")), "left").drop("_q")
        .withColumn("is_residual", col("isco_code").isin(Reference.OTHER_OCCUPATIONS, Reference.UNCODED));
  }

  public static Dataset<Row> region(Reference ref) {
    return ref.regions();
  }

  public static Dataset<Row> field(Reference ref) {
    Dataset<Row> f = ref.isced();
    Dataset<Row> titles = f.select(col("field_code").as("_c"), col("title_en").as("_t"));
    Dataset<Row> d = f.withColumn("broad_code", substring(col("field_code"), 1, 2))
        .withColumn("narrow_code", when(col("level").notEqual("broad"), substring(col("field_code"), 1, 3)));
    for (String level : List.of("broad", "narrow")) {
      Dataset<Row> t = titles.withColumnRenamed("_c", "_" + level).withColumnRenamed("_t", level + "_title_en");
      d = d.join(t, col(level + "_code").equalTo(col("_" + level)), "left").drop("_" + level);
    }
    return d;
  }

  public static Dataset<Row> sector(Reference ref) {
    SparkSession spark = ref.sectors().sparkSession();
    return ref.sectors().withColumn("is_innovation", lit(true)).unionByName(spark.createDataFrame(List.of(
        RowFactory.create(SectorSummary.NON_INNOVATION, "Other sectors", "Прочие отрасли", "Басқа салалар", false),
        RowFactory.create(io.skillgap.gap.SkillDemand.ALL, "All sectors (skill_demand)", "Все отрасли", "Барлық салалар", false)),
        StructType.fromDDL("sector_code STRING, title_en STRING, title_ru STRING, title_kk STRING, is_innovation BOOLEAN")));
  }

  /** The vocabulary, and "none" (skill_demand's described vacancies that name no skill of it). */
  public static Dataset<Row> skill(Reference ref) {
    Dataset<Row> vocabulary = ref.skillVocabulary();
    return vocabulary.unionByName(vocabulary.sparkSession().createDataFrame(List.of(RowFactory.create(io.skillgap.gap.SkillDemand.NONE,
        "No skill of the vocabulary named", "Не назван ни один навык словаря", "Сөздіктің бірде-бір дағдысы аталмаған", "none", null, false,
        false)), vocabulary.schema()));
  }

  public static Dataset<Row> year(Dataset<Row> occupationGap) {
    Dataset<Row> years = occupationGap.select("year").distinct();
    return years.crossJoin(years.agg(max("year").as("_latest"))).withColumn("is_latest", col("year").equalTo(col("_latest")));
  }
}
