package io.skillgap.conform;

import org.apache.spark.sql.types.StructType;

/** The silver tables and quarantine, declared once. */
public final class SilverSchemas {
  private SilverSchemas() {}

  /** Every accepted ad, one row each, by batch: the input of the dedupe and of the accounting. */
  public static final StructType VACANCY_ADS = StructType.fromDDL(String.join(",",
      "origin STRING NOT NULL COMMENT 'landing folder the row came from: vacancies, hh or enbek'",
      "country STRING NOT NULL COMMENT 'ISO 3166-1 alpha-2; rows abroad stay here and out of the gap tables'",
      "source STRING NOT NULL", "vacancy_id STRING NOT NULL", "posted_date DATE NOT NULL", "closed_date DATE",
      "title STRING NOT NULL COMMENT 'phones and e-mails masked'", "title_norm STRING NOT NULL", "isco_code STRING",
      "occupation_method STRING COMMENT 'source, nkz, title, title+role, role or none'",
      "occupation_confidence DOUBLE COMMENT '1 for a code the source gave; the classifier confidence otherwise'",
      "region STRING COMMENT 'ISO code as reported (before boundary splits); null abroad'",
      "employer_id STRING COMMENT 'salted hash of the employer id'", "nace_section STRING", "nace_division STRING",
      "salary_monthly_kzt DOUBLE", "education_level INT", "positions INT NOT NULL", "_row_id BIGINT NOT NULL",
      "_source_file STRING NOT NULL", "_batch_id STRING NOT NULL"));

  /** One row per unique vacancy after duplicates are collapsed; {@code ads} keeps the raw count. */
  public static final StructType VACANCIES = StructType.fromDDL(String.join(",",
      "vacancy_key STRING NOT NULL COMMENT 'source:vacancy_id of the earliest ad of the vacancy'",
      "year INT NOT NULL COMMENT 'year of the first posting'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code'",
      "isco_code STRING COMMENT 'ISCO-08 unit group; null when the ads carry no valid code'",
      "title STRING NOT NULL",
      "title_norm STRING NOT NULL COMMENT 'lower case, punctuation removed: the dedupe key part'",
      "employer_id STRING COMMENT 'salted hash of the employer id'",
      "nace_section STRING",
      "nace_division STRING",
      "first_posted_date DATE NOT NULL",
      "last_posted_date DATE NOT NULL",
      "closed_date DATE",
      "salary_monthly_kzt DOUBLE COMMENT 'mean over the ads that state a salary'",
      "education_level INT COMMENT 'ISCED 2011 level'",
      "positions INT NOT NULL COMMENT 'largest number of positions any of its ads offers'",
      "ads BIGINT NOT NULL COMMENT 'accepted ads collapsed into this vacancy'",
      "sources STRING NOT NULL COMMENT 'boards it was advertised on, comma-separated'",
      "region_weight DOUBLE NOT NULL COMMENT '1, or the share of a region split since the vacancy was posted'",
      "region_estimated BOOLEAN NOT NULL COMMENT 'true when the region comes from a boundary split'",
      "ad_ids ARRAY<STRING> NOT NULL COMMENT 'source:vacancy_id of each collapsed advert id'",
      "cluster_key STRING NOT NULL COMMENT 'employer|title|region (or the id without an employer): vacancies of one key may collapse'"));

  public static final StructType GRADUATES = StructType.fromDDL(String.join(",",
      "year INT NOT NULL",
      "region STRING NOT NULL",
      "field_code STRING NOT NULL COMMENT 'ISCED-F 2013 code (decoded from a programme code where needed)'",
      "field_code_raw STRING NOT NULL",
      "level STRING NOT NULL COMMENT 'tvet, bachelor, master or doctorate'",
      "graduates BIGINT NOT NULL",
      "_row_id BIGINT NOT NULL",
      "_source_file STRING NOT NULL",
      "_batch_id STRING NOT NULL"));

  public static final StructType WAGES = StructType.fromDDL(String.join(",",
      "origin STRING NOT NULL COMMENT 'landing folder the row came from: wages or stat_wages'",
      "year INT NOT NULL",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code, or KZ for the whole country'",
      "isco_code STRING NOT NULL COMMENT 'ISCO-08 code at 1 to 4 digits'",
      "isco_level INT NOT NULL COMMENT 'digits of isco_code'",
      "avg_monthly_wage_kzt DOUBLE NOT NULL",
      "employees BIGINT",
      "_row_id BIGINT NOT NULL",
      "_source_file STRING NOT NULL",
      "_batch_id STRING NOT NULL"));

  public static final StructType GRADUATE_SUPPLY = StructType.fromDDL(String.join(",",
      "year INT NOT NULL",
      "region STRING NOT NULL COMMENT 'region of the institutions (current boundaries)'",
      "work_region STRING NOT NULL COMMENT 'region where these graduates work (the same without a mobility table)'",
      "field_code STRING NOT NULL",
      "level STRING NOT NULL",
      "crosswalk_field STRING COMMENT 'the crosswalk row set used (field_code or a parent); null = none, all OTHER'",
      "isco_code STRING NOT NULL COMMENT 'ISCO-08 unit group, or OTHER for the unplaced share'",
      "graduates DOUBLE NOT NULL COMMENT 'graduates of the cell (repeated on each of its occupation rows; a share when split)'",
      "weight DOUBLE NOT NULL",
      "entry_share DOUBLE NOT NULL",
      "mobility_share DOUBLE NOT NULL",
      "supply DOUBLE NOT NULL COMMENT 'graduates x weight x entry_share x mobility_share'",
      "region_estimated BOOLEAN NOT NULL"));

  public static final StructType QUARANTINE = StructType.fromDDL(String.join(",",
      "_batch_id STRING NOT NULL",
      "source STRING NOT NULL COMMENT 'landing folder: vacancies, wages, graduates, hh, stat_wages or enbek'",
      "source_file STRING NOT NULL",
      "line BIGINT NOT NULL COMMENT 'line of source_file where the record starts (its record number in a Parquet file; -1: the file failed)'",
      "reason STRING NOT NULL COMMENT 'reason code of the first rule the row failed'",
      "raw_record STRING NOT NULL COMMENT 'the original line, or the original values as JSON, cut to 4,096 characters, personal data masked (phones, e-mails, IIN/BIN, employer ids)'",
      "load_time TIMESTAMP NOT NULL"));
}
