package io.skillgap.store;

import io.skillgap.store.TableSchemas;
import static io.skillgap.store.StoredTable.Layer.GOLD;
import static io.skillgap.store.StoredTable.Layer.OPERATIONS;
import static io.skillgap.store.StoredTable.Layer.SILVER;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** The warehouse's tables beyond bronze (one bronze table per source: {@link Bronze}), by layer. */
public enum Table implements StoredTable {
  QUARANTINE("quarantine", SILVER, TableSchemas.QUARANTINE, "_batch_id"),
  SILVER_VACANCY_ADS("silver/vacancy_ads", SILVER, TableSchemas.VACANCY_ADS, "_batch_id"),
  SILVER_VACANCIES("silver/vacancies", SILVER, TableSchemas.VACANCIES),
  SILVER_WAGES("silver/wages", SILVER, TableSchemas.WAGES, "_batch_id"),
  SILVER_GRADUATES("silver/graduates", SILVER, TableSchemas.GRADUATES, "_batch_id"),
  SILVER_GRADUATE_SUPPLY("silver/graduate_supply", SILVER, TableSchemas.GRADUATE_SUPPLY),
  GOLD_OCCUPATION_REGION_GAP("gold/occupation_region_gap", GOLD, TableSchemas.OCCUPATION_REGION_GAP, "year"),
  GOLD_PROGRAM_GAP("gold/program_gap", GOLD, TableSchemas.PROGRAM_GAP, "year"),
  GOLD_SECTOR_REGION_SUMMARY("gold/sector_region_summary", GOLD, TableSchemas.SECTOR_REGION_SUMMARY, "year"),
  GOLD_SHORTAGE_RANKING("gold/shortage_ranking", GOLD, TableSchemas.SHORTAGE_RANKING, "year"),
  GOLD_INDEX_SENSITIVITY("gold/index_sensitivity", GOLD, TableSchemas.INDEX_SENSITIVITY, "year"),
  GOLD_SKILL_DEMAND("gold/skill_demand", GOLD, TableSchemas.SKILL_DEMAND, "year"),
  GOLD_PROGRAM_SKILL_PROFILE("gold/program_skill_profile", GOLD, TableSchemas.PROGRAM_SKILL_PROFILE, "year"),
  INGEST_LOG("ingest_log", OPERATIONS, TableSchemas.INGEST_LOG),
  RUN_MANIFEST("run_manifest", OPERATIONS, TableSchemas.RUN_MANIFEST),
  QUALITY_RESULTS("quality_results", OPERATIONS, TableSchemas.QUALITY_RESULTS);

  private final String folder;
  private final Layer layer;
  private final StructType schema;
  private final List<String> partitionBy;

  Table(String folder, Layer layer, StructType schema, String... partitionBy) {
    this.folder = folder;
    this.layer = layer;
    this.schema = schema;
    this.partitionBy = List.of(partitionBy);
  }

  @Override
  public String folder() {
    return folder;
  }

  @Override
  public Layer layer() {
    return layer;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<String> partitionBy() {
    return partitionBy;
  }
}
