package io.skillgap.conform;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** How a source's bronze rows become silver rows and quarantine: one of two kinds. */
public sealed interface SourceAdapter extends Serializable permits SourceAdapter.Vacancies, SourceAdapter.Rows {

  /** What an adapter may use: the reference tables, the region aliases as join keys, the configuration. */
  record Context(Reference ref, Dataset<Row> aliasKeys, SkillgapConfig cfg) {}

  /**
   * A vacancy board: its rows brought to the common vacancy shape ({@link VacancyInput}); one set of rules
   * then judges the boards' rows together (an id seen on two nights, or twice tonight, is one ad).
   */
  @FunctionalInterface
  non-sealed interface Vacancies extends SourceAdapter {
    Dataset<Row> input(Dataset<Row> bronze, Context c);
  }

  /** Any other source: typed and judged on its own, into accepted silver rows and quarantined rows. */
  @FunctionalInterface
  non-sealed interface Rows extends SourceAdapter {
    Conform.Checked check(Dataset<Row> bronze, Context c);
  }
}
