package io.skillgap.gap;

import org.apache.spark.sql.types.StructType;

/** The gold tables, declared once; the published Parquet has exactly these columns. */
public final class GoldSchemas {
  private GoldSchemas() {}

  public static final StructType OCCUPATION_REGION_GAP = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'year of posting (demand) and of graduation (supply)'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code'",
      "isco_code STRING NOT NULL COMMENT 'ISCO-08 unit group; OTHER = graduates the crosswalk does not place, UNCODED = vacancies without a code'",
      "occupation_title STRING COMMENT 'ISCO-08 title (English)'",
      "innovation_sector STRING COMMENT 'innovation sector of the occupation, null when none'",
      "is_residual BOOLEAN NOT NULL COMMENT 'true for the OTHER and UNCODED buckets'",
      "vacancies BIGINT NOT NULL COMMENT 'unique vacancies after duplicates are collapsed'",
      "vacancy_ads BIGINT NOT NULL COMMENT 'accepted ads before duplicates are collapsed'",
      "positions BIGINT NOT NULL COMMENT 'positions offered by the unique vacancies'",
      "graduate_supply DOUBLE NOT NULL COMMENT 'new graduates entering the labour market, allocated through the crosswalk'",
      "demand_supply_ratio DOUBLE COMMENT 'positions / graduate_supply; null when supply is 0'",
      "gap DOUBLE NOT NULL COMMENT 'positions - graduate_supply; positive = more demand than new supply'",
      "median_posted_salary_kzt DOUBLE COMMENT 'median monthly posted salary (KZT) of vacancies stating one'",
      "salary_observations BIGINT NOT NULL COMMENT 'vacancies behind the median'",
      "official_avg_wage_kzt DOUBLE COMMENT 'official average monthly wage, most detailed ISCO level available'",
      "official_wage_isco_level INT COMMENT 'ISCO digits of the official wage used (4 = this unit group)'",
      "salary_premium DOUBLE COMMENT 'median posted salary / region all-occupation median - 1'",
      "vacancy_growth_yoy DOUBLE COMMENT 'vacancies / previous year vacancies - 1; null without a previous year'"));

  public static final StructType PROGRAM_GAP = StructType.fromDDL(String.join(",",
      "year INT NOT NULL COMMENT 'graduation year'",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code of the institutions'",
      "field_code STRING NOT NULL COMMENT 'ISCED-F 2013 field'",
      "field_title STRING COMMENT 'ISCED-F 2013 title (English)'",
      "graduates BIGINT NOT NULL COMMENT 'graduates of all levels'",
      "graduate_supply DOUBLE NOT NULL COMMENT 'labour-market entrants the crosswalk places in occupations (OTHER excluded)'",
      "attributed_demand DOUBLE NOT NULL COMMENT 'positions attributed to this field, shared by weighted graduates'",
      "ratio DOUBLE COMMENT 'attributed_demand / graduate_supply; null when supply is 0'",
      "gap DOUBLE NOT NULL COMMENT 'attributed_demand - graduate_supply'"));

  public static final StructType SECTOR_REGION_SUMMARY = StructType.fromDDL(String.join(",",
      "year INT NOT NULL",
      "region STRING NOT NULL COMMENT 'ISO 3166-2:KZ code'",
      "sector STRING NOT NULL COMMENT 'innovation sector code, or non_innovation'",
      "vacancies BIGINT NOT NULL COMMENT 'unique vacancies in occupations of the sector'",
      "vacancy_ads BIGINT NOT NULL",
      "positions BIGINT NOT NULL",
      "graduate_supply DOUBLE NOT NULL",
      "demand_supply_ratio DOUBLE COMMENT 'positions / graduate_supply; null when supply is 0'",
      "gap DOUBLE NOT NULL",
      "positions_by_activity BIGINT NOT NULL COMMENT 'positions of employers whose NACE activity is in the sector'"));
}
