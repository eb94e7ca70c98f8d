package io.skillgap.reference;

import org.apache.spark.sql.types.StructType;

/**
 * Every reference table: its configuration key (under {@code reference.} in conf/skillgap.conf), its
 * columns (the CSV header must name exactly these), its key (columns that identify a row; refused at load
 * when a key appears twice) and whether it may be left out (an empty path). Adding a reference table is
 * one constant here, one line in conf/skillgap.conf, and a typed getter in {@link Reference}.
 */
public enum ReferenceTable {
  ISCO("isco", "isco_code STRING NOT NULL, level STRING NOT NULL, title_en STRING NOT NULL, parent_code STRING", false, 0),
  ISCED("isced", "field_code STRING NOT NULL, level STRING NOT NULL, title_en STRING NOT NULL, parent_code STRING", false, 0),
  NACE("nace", "nace_code STRING NOT NULL, level STRING NOT NULL, title_en STRING NOT NULL, section STRING NOT NULL", false, 0),
  REGIONS("regions", "region_code STRING NOT NULL, kato_prefix STRING, type STRING NOT NULL, name_en STRING NOT NULL,"
      + " name_ru STRING, name_kk STRING, established STRING", false, 0),
  REGION_ALIASES("region-aliases", "alias STRING NOT NULL, region_code STRING NOT NULL, kind STRING", false, 0),
  CROSSWALK("crosswalk", "field_code STRING NOT NULL, isco_code STRING NOT NULL, weight DOUBLE NOT NULL", false, 0, 1),
  SECTORS("sectors", "sector_code STRING NOT NULL, title_en STRING NOT NULL, title_ru STRING, title_kk STRING", false, 0),
  SECTOR_CODES("sector-codes", "sector_code STRING NOT NULL, classification STRING NOT NULL, code STRING NOT NULL", false, 1, 2),
  CURRENCY_RATES("currency-rates", "currency STRING NOT NULL, valid_from DATE NOT NULL, kzt_per_unit DOUBLE NOT NULL", false, 0, 1),
  KZ_DIRECTIONS("kz-training-directions", "direction STRING NOT NULL, isced_field STRING NOT NULL, title_ru STRING", false, 0),
  GRADUATE_MOBILITY("graduate-mobility", "from_region STRING NOT NULL, to_region STRING NOT NULL, share DOUBLE NOT NULL", true, 0, 1),
  ISCO_TITLES_RU("isco-titles-ru", "isco_code STRING NOT NULL, title_ru STRING NOT NULL", false, 0),
  TITLE_TERMS("title-terms", "term STRING NOT NULL, isco_code STRING NOT NULL, lang STRING", false, 0),
  ESCO_OCCUPATIONS("esco-occupations",
      "esco_uri STRING NOT NULL, esco_label_en STRING NOT NULL, isco08_unit_code STRING NOT NULL, alt_labels_en STRING", false, 0),
  HH_PROFESSIONAL_ROLES("hh-professional-roles", "role_id STRING NOT NULL, name_ru STRING NOT NULL, isco_code STRING, weight DOUBLE",
      false, 0, 2),
  HH_AREAS("hh-areas", "area_id STRING, area_name STRING NOT NULL, country STRING NOT NULL, region_code STRING", false),
  NKZ_ISCO("nkz-isco", "nkz_code STRING NOT NULL, isco_code STRING NOT NULL, relation STRING NOT NULL", false, 0),
  REGION_FORMER_NAMES("region-former-names", "alias STRING NOT NULL, region_code STRING NOT NULL, until DATE NOT NULL", false, 0),
  LABELLED_TITLES("labelled-titles", "title STRING NOT NULL, role_id STRING, isco_code STRING, sure INT, certain_code STRING", false),
  CLASSIFIER_CALIBRATION("classifier-calibration", "stage STRING NOT NULL, agreement STRING NOT NULL, bucket STRING NOT NULL,"
      + " titles BIGINT NOT NULL, p4 DOUBLE NOT NULL, p3 DOUBLE NOT NULL, p2 DOUBLE NOT NULL, p1 DOUBLE NOT NULL", false, 0, 1, 2),
  SKILLS("skills", "skill_id STRING NOT NULL, label_en STRING NOT NULL, label_ru STRING NOT NULL, label_kk STRING NOT NULL,"
      + " aliases STRING, skill_group STRING NOT NULL, esco_label STRING, digital BOOLEAN NOT NULL, green BOOLEAN NOT NULL", false, 0),
  OCCUPATION_QUALIFICATIONS("occupation-qualifications", "isco_code STRING NOT NULL, skill_level INT NOT NULL,"
      + " entry_qualification STRING NOT NULL, note STRING", false, 0);

  private final String configKey;
  private final StructType schema;
  private final boolean optional;
  private final int[] key;

  ReferenceTable(String configKey, String ddl, boolean optional, int... key) {
    this.configKey = configKey;
    this.schema = StructType.fromDDL(ddl);
    this.optional = optional;
    this.key = key;
  }

  /** The key under {@code reference.} that gives the table's path. */
  public String configKey() {
    return configKey;
  }

  public StructType schema() {
    return schema;
  }

  /** True when an empty path leaves the table out (its rows are then none). */
  public boolean optional() {
    return optional;
  }

  /** Positions of the key columns (compared trimmed and case-insensitively); empty when rows need not be unique. */
  int[] key() {
    return key.clone();
  }
}
