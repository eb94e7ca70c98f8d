package io.skillgap.conform;

import io.skillgap.store.TableSchemas;
import io.skillgap.SparkTestBase;
import io.skillgap.reference.Reference;
import io.skillgap.config.SkillgapConfig;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;

/** The conform tests' shared setting: the project's reference tables, their region aliases, a fixed night. */
abstract class ConformTestBase extends SparkTestBase {
  protected Reference ref;
  protected Dataset<Row> aliasKeys;
  protected final SkillgapConfig cfg = config(Map.of("run.as-of-date", "2026-12-01"));

  @BeforeAll
  void loadReference() {
    ref = reference();
    aliasKeys = Regions.aliasKeys(ref.regionAliases());
  }

  /** No ads from earlier nights. */
  protected Dataset<Row> noAds() {
    return spark.createDataFrame(List.of(), TableSchemas.VACANCY_ADS);
  }
}
