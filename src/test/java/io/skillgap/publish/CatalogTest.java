package io.skillgap.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SampleNightTestBase;
import io.skillgap.store.Warehouse;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The star schema by name, as a BI tool over Spark SQL sees it: every table registered from the sample
 * night, queried by name with the declared types, and the views of docs/sql/bi_views.sql losing no
 * fact row in their joins (every key of a fact has its dimension row).
 */
class CatalogTest extends SampleNightTestBase {

  @BeforeAll
  void register() {
    String publish = night.publish().toAbsolutePath().toUri().toString();
    String warehouse = night.warehouse().toAbsolutePath().toUri().toString();
    Catalog.register(spark, publish, new Warehouse(spark, warehouse), warehouse);
    Catalog.createViews(spark);
  }

  private long count(String sql) {
    return spark.sql(sql).first().getLong(0);
  }

  private long parquetRows(String table) {
    return spark.read().parquet(night.publish().resolve(table).toString()).count();
  }

  @Test
  void everyPublishedTableIsQueryableByNameWithItsDeclaredSchema() {
    for (DataDictionary.Entry e : DataDictionary.TABLES) {
      assertEquals(parquetRows(e.table()), count("select count(*) from skillgap." + e.table()), e.table() + " rows by name");
      assertEquals(e.schema().fieldNames().length, spark.table("skillgap." + e.table()).schema().size(), e.table() + " columns");
    }
    // The partitioned facts see all their years after MSCK REPAIR: 2022-2025 in the sample.
    assertEquals(List.of(2022, 2023, 2024, 2025), spark.sql("select distinct year from skillgap.occupation_region_gap order by year")
        .collectAsList().stream().map(r -> r.getInt(0)).toList(), "years of occupation_region_gap");
    // The internal gold table, unsuppressed, has every row of the published one.
    assertEquals(count("select count(*) from skillgap.occupation_region_gap"), count("select count(*) from skillgap_gold.occupation_region_gap"),
        "gold and published rows");
    String comment = spark.sql("describe table skillgap.occupation_region_gap").where("col_name = 'shortage_index'").first().getString(2);
    assertTrue(comment != null && comment.length() > 20, "column comments kept: " + comment);
  }

  @Test
  void theBiViewsKeepEveryFactRow() {
    assertEquals(parquetRows("shortage_ranking"), count("select count(*) from skillgap.v_shortage_ranking"), "v_shortage_ranking");
    // The trend view shows unit groups only: the group totals (isco_level < 4) would count a vacancy twice.
    assertEquals(count("select count(*) from skillgap.occupation_region_gap where not is_residual and isco_level = 4"),
        count("select count(*) from skillgap.v_occupation_trend"), "v_occupation_trend");
    assertEquals(parquetRows("program_gap"), count("select count(*) from skillgap.v_programmes"), "v_programmes");
    assertEquals(count("select count(*) from skillgap.sector_region_summary where year = 2025"),
        count("select count(*) from skillgap.v_region_sector"), "v_region_sector: the latest year only");
    Row astana = spark.sql("select region_ru, region_en from skillgap.v_shortage_ranking where region = 'KZ-71' limit 1").first();
    assertEquals("Астана", astana.getString(0), "Astana in Russian");
    assertEquals("Astana", astana.getString(1), "Astana in English");
    assertEquals(0L, count("select count(*) from skillgap.v_shortage_ranking where occupation_en is null"), "every ranked occupation titled");
  }
}
