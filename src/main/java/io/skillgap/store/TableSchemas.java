package io.skillgap.store;

import org.apache.spark.sql.types.StructType;

/**
 * Every Delta table's columns, declared once (the {@link Table} enum carries them, and the warehouse puts
 * every write into them): silver, quarantine, gold, and the operations tables. A bronze table's columns
 * are its source's landing columns and the bookkeeping of {@link Bronze}.
 */
public final class TableSchemas {
  private TableSchemas() {}

  // Silver and quarantine.


  /** Every accepted ad, one row each, by batch: the input of the dedupe and of the accounting. */
  public static final StructType VACANCY_ADS = StructType.fromDDL(String.join(",",
      "origin STRING NOT NULL COMMENT 'landing folder the row came from: vacancies, hh or enbek'",
      "country STRING NOT NULL COMMENT 'ISO 3166-1 alpha-2; rows abroad stay here and out of the gap tables'",
      "source STRING NOT NULL", "vacancy_id STRING NOT NULL", "posted_date DATE NOT NULL", "closed_date DATE",
      "title STRING NOT NULL COMMENT 'phones and e-mails masked'", "title_norm STRING NOT NULL",
      "isco_code STRING COMMENT 'ISCO-08 unit group, or the minor, sub-major or major group the title supports when it does not say more'",
      "isco_level INT COMMENT 'digits of isco_code: 4 for a unit group, 3, 2 or 1 for a coarser group'",
      "occupation_method STRING COMMENT 'source, nkz, title, title+role, role or none'",
      "occupation_confidence DOUBLE COMMENT '1 for a code the source gave; the classifier confidence otherwise'",
      "region STRING COMMENT 'ISO code as reported (before boundary splits); null abroad'",
      "employer_id STRING COMMENT 'salted hash of the employer id'", "nace_section STRING", "nace_division STRING",
      "salary_monthly_kzt DOUBLE", "education_level INT", "positions INT NOT NULL",
      "skills ARRAY<STRUCT<skill_id: STRING, found_in: STRING>> COMMENT 'skills the ad names (ids of conf/reference/skills.csv) and where: listed, text or listed+text'",
      "described BOOLEAN COMMENT 'the ad had a skills list or a requirements text to read'",
      "_row_id BIGINT NOT NULL",
      "_source_file STRING NOT NULL", "_batch_id STRING NOT NULL"));

  /** One row per unique vacancy after duplicates are collapsed; {@code ads} keeps the raw count. */
  public static final StructType VACANCIES = StructType.fromDDL(String.join(",",
      "vacancy_key STRING NOT NULL COMMENT 'source:vacancy_id of the earliest ad of the vacancy'",
      "year INT NOT NULL COMMENT 'year of the first posting'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code'",
      "isco_code STRING COMMENT 'ISCO-08 unit group, or a coarser group when no ad says more; null when the ads carry no code'",
      "isco_level INT COMMENT 'digits of isco_code (4 for a unit group)'",
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
      "skill_ids ARRAY<STRING> COMMENT 'skills any of its ads names (ids of conf/reference/skills.csv), sorted'",
      "described BOOLEAN COMMENT 'any of its ads had a skills list or a requirements text'",
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

  // Gold: the published Parquet has these columns plus the suppression flags.


  private static final String SCORES = String.join(",",
      "score_demand_supply DOUBLE COMMENT 'demand_supply_ratio standardised within the year (robust z of ln(1 + ratio), clipped, / 3): [-1, 1], higher = tighter'",
      "score_vacancy_growth DOUBLE COMMENT 'vacancy_growth_rel standardised within the year, in [-1, 1]'",
      "score_posted_salary_growth DOUBLE COMMENT 'posted_salary_growth_rel standardised within the year, in [-1, 1]'",
      "score_official_wage_growth DOUBLE COMMENT 'official_wage_growth_rel standardised within the year, in [-1, 1]'",
      "score_salary_premium DOUBLE COMMENT 'salary_premium standardised within the year, in [-1, 1]'",
      "score_time_to_fill DOUBLE COMMENT 'time_to_fill_rel standardised within the year, in [-1, 1]'",
      "score_long_vacancy_share DOUBLE COMMENT 'long_vacancy_share standardised within the year, in [-1, 1]'",
      "score_readvertising DOUBLE COMMENT 'readvertising_rate standardised within the year, in [-1, 1]'");

  public static final StructType OCCUPATION_REGION_GAP = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'year of posting (demand) and of graduation (supply)'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code, current boundaries'",
      "isco_code STRING NOT NULL COMMENT 'ISCO-08 unit group (or minor, sub-major, major group: isco_level); OTHER = graduates the crosswalk does not place, UNCODED = vacancies without a code'",
      "isco_level INT NOT NULL COMMENT '4 for a unit group (and the OTHER and UNCODED buckets); 3, 2, 1 for the totals of a minor, sub-major, major group'",
      "vacancies_coded_at_level DOUBLE COMMENT 'vacancies coded exactly at this level: all of a unit group; for a group, those whose title supported no more'",
      "occupation_title STRING COMMENT 'ISCO-08 title (English)'",
      "innovation_sector STRING COMMENT 'innovation sector of the occupation, null when none'",
      "entry_qualification STRING COMMENT 'typical entry qualification of a unit group: general, vocational, tvet or higher (ISCO-08 skill level 1-4)'",
      "education_pipeline BOOLEAN COMMENT 'a field of study feeds the unit group (the crosswalk): only these are ranked'",
      "is_residual BOOLEAN NOT NULL COMMENT 'true for the OTHER and UNCODED buckets'",
      "region_estimated BOOLEAN NOT NULL COMMENT 'true when part of the row was estimated by splitting a region since divided'",
      "vacancies DOUBLE NOT NULL COMMENT 'unique vacancies after duplicates are collapsed (a share where a region was split)'",
      "vacancy_ads DOUBLE NOT NULL COMMENT 'accepted ads before duplicates are collapsed'",
      "positions DOUBLE NOT NULL COMMENT 'positions offered by the unique vacancies'",
      "graduate_supply DOUBLE NOT NULL COMMENT 'new graduates entering the labour market, allocated through the crosswalk'",
      "supply_graduates DOUBLE NOT NULL COMMENT 'graduates behind that supply (before weights and entry shares)'",
      "demand_supply_ratio DOUBLE COMMENT 'positions / graduate_supply; null when supply is 0'",
      "gap DOUBLE NOT NULL COMMENT 'positions - graduate_supply; positive = more demand than new supply'",
      "median_posted_salary_kzt DOUBLE COMMENT 'median monthly posted salary (KZT) of vacancies stating one'",
      "salary_observations DOUBLE NOT NULL COMMENT 'vacancies behind the median'",
      "official_avg_wage_kzt DOUBLE COMMENT 'official average monthly wage, most detailed ISCO level available'",
      "official_wage_isco_level INT COMMENT 'ISCO digits of the official wage used (4 = this unit group)'",
      "vacancy_growth_yoy DOUBLE COMMENT 'vacancies / previous year vacancies - 1'",
      "median_days_to_fill DOUBLE COMMENT 'median days from first posting to closing'",
      "closed_observations DOUBLE NOT NULL COMMENT 'vacancies with a closing date'",
      "vacancy_growth_rel DOUBLE COMMENT 'indicator: vacancy growth against that of the region, ratio of growth factors - 1'",
      "posted_salary_growth_rel DOUBLE COMMENT 'indicator: median posted salary growth against that of the region'",
      "official_wage_growth_rel DOUBLE COMMENT 'indicator: official wage growth against the median of the region'",
      "salary_premium DOUBLE COMMENT 'indicator: median posted salary / region all-occupation median - 1'",
      "time_to_fill_rel DOUBLE COMMENT 'indicator: median days to fill / region median - 1'",
      "long_vacancy_share DOUBLE COMMENT 'indicator: share of closed vacancies open longer than index.long-vacancy-days'",
      "readvertising_rate DOUBLE COMMENT 'indicator: ads per unique vacancy'",
      SCORES,
      "shortage_index DOUBLE COMMENT 'weighted mean of the scores available, in [-1, 1]; higher = tighter'",
      "indicators_used INT COMMENT 'scores behind the index'",
      "status STRING COMMENT 'shortage, balanced, surplus or insufficient_data'",
      "confidence STRING COMMENT 'high, medium or low (docs/METHODOLOGY.md)'"));

  public static final StructType PROGRAM_GAP = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'graduation year'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code of the institutions'",
      "field_code STRING NOT NULL COMMENT 'ISCED-F 2013 field'",
      "field_title STRING COMMENT 'ISCED-F 2013 title (English)'",
      "graduates DOUBLE NOT NULL COMMENT 'graduates of all levels (a share where a region was split)'",
      "graduate_supply DOUBLE NOT NULL COMMENT 'labour-market entrants the crosswalk places in occupations (OTHER excluded)'",
      "attributed_demand DOUBLE NOT NULL COMMENT 'positions attributed to this field, shared by weighted graduates'",
      "ratio DOUBLE COMMENT 'attributed_demand / graduate_supply; null when supply is 0'",
      "gap DOUBLE NOT NULL COMMENT 'attributed_demand - graduate_supply'",
      "shortage_index DOUBLE COMMENT 'index of the occupations the field feeds, weighted by its supply into each'",
      "status STRING COMMENT 'shortage, balanced, surplus or insufficient_data'",
      "attributed_from ARRAY<STRING> NOT NULL COMMENT 'internal: region|isco cells whose positions are attributed here (not published)'"));

  public static final StructType SECTOR_REGION_SUMMARY = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'year of posting and of graduation'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code'",
      "sector STRING NOT NULL COMMENT 'innovation sector code, or non_innovation'",
      "vacancies DOUBLE NOT NULL COMMENT 'unique vacancies in occupations of the sector'",
      "vacancy_ads DOUBLE NOT NULL COMMENT 'accepted ads before duplicates are collapsed'",
      "positions DOUBLE NOT NULL COMMENT 'positions offered by those vacancies'",
      "graduate_supply DOUBLE NOT NULL COMMENT 'new-graduate supply to the occupations of the sector'",
      "supply_graduates DOUBLE NOT NULL COMMENT 'graduates behind the supply'",
      "demand_supply_ratio DOUBLE COMMENT 'positions / graduate_supply; null when supply is 0'",
      "gap DOUBLE NOT NULL COMMENT 'positions - graduate_supply'",
      "positions_by_activity DOUBLE NOT NULL COMMENT 'positions of employers whose NACE activity is in the sector'",
      "shortage_index DOUBLE COMMENT 'mean index of the occupations of the sector, weighted by positions'",
      "occupations_indexed BIGINT NOT NULL COMMENT 'occupations with an index behind it'",
      "status STRING COMMENT 'shortage, balanced, surplus or insufficient_data'"));

  public static final StructType SHORTAGE_RANKING = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'year of the ranking'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code'",
      "rank INT NOT NULL COMMENT '1 = tightest occupation of the region and year'",
      "isco_code STRING NOT NULL COMMENT 'ISCO-08 unit group'",
      "occupation_title STRING COMMENT 'ISCO-08 title (English)'",
      "innovation_sector STRING COMMENT 'innovation sector of the occupation, null when none'",
      "shortage_index DOUBLE NOT NULL COMMENT 'composite index in [-1, 1]; higher = tighter'",
      "status STRING NOT NULL COMMENT 'shortage, balanced or surplus'",
      "confidence STRING NOT NULL COMMENT 'high, medium or low'",
      "indicators_used INT NOT NULL COMMENT 'indicators behind the index'",
      "demand_supply_ratio DOUBLE COMMENT 'positions per new graduate (the absolute view beside the index)'",
      "reason_1_indicator STRING COMMENT 'indicator that pulls the index most in its direction'",
      "reason_1 STRING COMMENT 'that indicator in words'",
      "reason_2_indicator STRING COMMENT 'the indicator that pulls it second most'",
      "reason_2 STRING COMMENT 'that indicator in words'"));

  public static final StructType INDEX_SENSITIVITY = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'year of the index'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code'",
      "isco_code STRING NOT NULL COMMENT 'ISCO-08 unit group'",
      "left_out STRING NOT NULL COMMENT 'indicator left out'",
      "shortage_index DOUBLE NOT NULL COMMENT 'the index with every indicator'",
      "index_without DOUBLE COMMENT 'the index without the left-out indicator; null when nothing is left'",
      "index_change DOUBLE COMMENT 'index_without - shortage_index'",
      "rank_full INT NOT NULL COMMENT 'rank in the region and year with every indicator'",
      "rank_without INT NOT NULL COMMENT 'rank without the left-out indicator'",
      "spearman_top_n DOUBLE COMMENT 'Spearman correlation of the top N of the region ranked both ways (same for the region, year and left-out indicator)'",
      "top_n_overlap DOUBLE COMMENT 'share of the top N still in the top N without the indicator'"));

  public static final StructType SKILL_DEMAND = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'year of the first posting'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code; KZ = the whole country'",
      "innovation_sector STRING NOT NULL COMMENT 'innovation sector of the occupations, non_innovation, or all'",
      "isco_level INT NOT NULL COMMENT '0 = every occupation, 1 = an ISCO-08 major group, 4 = a unit group'",
      "isco_code STRING NOT NULL COMMENT 'the major or unit group; all at level 0'",
      "skill_id STRING NOT NULL COMMENT 'id in conf/reference/skills.csv (dim_skill); none = described vacancies naming no skill of the vocabulary'",
      "skill_group STRING COMMENT 'group of the skill (programming, data_ai, ...)'",
      "vacancies DOUBLE NOT NULL COMMENT 'unique vacancies naming the skill'",
      "cell_vacancies DOUBLE NOT NULL COMMENT 'unique vacancies of the cell'",
      "described_vacancies DOUBLE NOT NULL COMMENT 'vacancies of the cell with a skills list or requirements text'",
      "share DOUBLE COMMENT 'vacancies / described_vacancies'",
      "vacancies_prev DOUBLE COMMENT 'vacancies naming it a year earlier'",
      "described_prev DOUBLE COMMENT 'described vacancies of the cell a year earlier'",
      "share_prev DOUBLE COMMENT 'the share a year earlier'",
      "growth_rel DOUBLE COMMENT 'share / share_prev - 1: growth against the cell (both years at least index.min-observations vacancies)'",
      "median_salary_kzt DOUBLE COMMENT 'median monthly posted salary (KZT) of the vacancies naming it'",
      "salary_observations DOUBLE NOT NULL COMMENT 'vacancies naming it with a salary (weighted like the counts)'",
      "salary_premium DOUBLE COMMENT 'geometric-mean posted salary of vacancies naming it / of the described vacancies of the cell that do not - 1'",
      "demand_rank INT COMMENT '1 = the skill most vacancies of the cell name (published: among the skills whose count is shown); null for none'",
      "emerging_rank INT COMMENT 'over every occupation of the sector (isco_level 0): 1 = the share that grew fastest (published: among skills shown)'",
      "confidence STRING COMMENT 'high, medium or low (docs/METHODOLOGY.md); null where the count is hidden'"));

  public static final StructType PROGRAM_SKILL_PROFILE = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'year of the vacancies and of the graduates'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code of the institutions'",
      "field_code STRING NOT NULL COMMENT 'ISCED-F 2013 field'",
      "field_title STRING COMMENT 'ISCED-F 2013 title (English)'",
      "rank INT NOT NULL COMMENT '1 = the skill employers of the field''s graduates name most (by weighted vacancies)'",
      "skill_id STRING NOT NULL COMMENT 'id in conf/reference/skills.csv (dim_skill)'",
      "skill_group STRING COMMENT 'group of the skill'",
      "weighted_vacancies DOUBLE NOT NULL COMMENT 'vacancies naming the skill in the occupations the field feeds, times the field''s crosswalk weight'",
      "vacancies DOUBLE NOT NULL COMMENT 'the same vacancies unweighted'",
      "described_vacancies DOUBLE NOT NULL COMMENT 'described vacancies of those occupations, weighted alike'",
      "share DOUBLE COMMENT 'weighted_vacancies / described_vacancies'",
      "weighted_vacancies_prev DOUBLE COMMENT 'internal: weighted_vacancies a year earlier'",
      "vacancies_prev DOUBLE COMMENT 'vacancies naming it a year earlier, unweighted'",
      "described_prev DOUBLE COMMENT 'internal: described_vacancies a year earlier'",
      "growth_rel DOUBLE COMMENT 'share / share a year earlier - 1 (both years at least index.min-observations vacancies)'",
      "salary_premium DOUBLE COMMENT 'the occupations'' premiums for the skill, weighted by weighted vacancies'",
      "confidence STRING NOT NULL COMMENT 'high, medium or low'"));

  /** Which landing files were loaded, in which version and batch. */
  public static final StructType INGEST_LOG = StructType.fromDDL(String.join(",",
      "path STRING NOT NULL COMMENT 'relative to the landing folder: the file from night to night'",
      "location STRING NOT NULL COMMENT 'where the file was read'", "source STRING NOT NULL", "size BIGINT NOT NULL", "modified BIGINT NOT NULL",
      "checksum STRING", "encoding STRING", "version INT NOT NULL", "batch_id STRING NOT NULL",
      "status STRING NOT NULL COMMENT 'loaded or rejected'", "reason STRING", "detail STRING", "rows BIGINT",
      "lines BIGINT COMMENT 'physical lines of a text file (header, records and blank lines); records of a Parquet file'",
      "logged_at TIMESTAMP NOT NULL"));

  /** One row per run. */
  public static final StructType RUN_MANIFEST = StructType.fromDDL(String.join(",",
      "run_id STRING NOT NULL", "batch_id STRING NOT NULL", "command STRING NOT NULL", "started_at TIMESTAMP NOT NULL",
      "ended_at TIMESTAMP", "status STRING NOT NULL COMMENT 'running, succeeded, failed, crashed, quality_failed, ...'",
      "exit_code INT", "recovery BOOLEAN NOT NULL COMMENT 'the run repaired the work of a run that died'",
      "input_files ARRAY<STRING>", "rows_per_stage MAP<STRING, BIGINT>", "quarantined_by_reason MAP<STRING, BIGINT>",
      "seconds_per_stage MAP<STRING, DOUBLE>", "code_version STRING", "config_hash STRING", "message STRING"));

  /** One row per quality rule per run. */
  public static final StructType QUALITY_RESULTS = StructType.fromDDL(String.join(",",
      "run_id STRING NOT NULL", "batch_id STRING NOT NULL", "checked_at TIMESTAMP NOT NULL", "rule STRING NOT NULL",
      "severity STRING NOT NULL", "violations BIGINT NOT NULL", "passed BOOLEAN NOT NULL", "description STRING NOT NULL"));
}
