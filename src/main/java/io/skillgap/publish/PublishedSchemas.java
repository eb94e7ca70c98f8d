package io.skillgap.publish;

import io.skillgap.store.TableSchemas;
import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The published Parquet tables: the gold columns (numbers may be null where suppressed), without
 * the internal ones, plus suppressed and suppression where counts are involved.
 */
public final class PublishedSchemas {
  private PublishedSchemas() {}

  private static StructType published(StructType gold, boolean flags, String... internal) {
    StructType s = new StructType(Arrays.stream(gold.fields())
        .filter(f -> !Arrays.asList(internal).contains(f.name()))
        // Suppression nulls numbers; keys, labels and flags keep their nullability.
        .map(f -> new StructField(f.name(), f.dataType(), f.nullable() || f.dataType().equals(DataTypes.DoubleType), f.metadata()))
        .toArray(StructField[]::new));
    if (flags) {
      s = s.add("suppressed", DataTypes.BooleanType, false, "true when a value of the row is hidden for disclosure control")
          .add("suppression", DataTypes.StringType, true, "what is hidden and why, e.g. demand:primary, supply:complementary");
    }
    return s;
  }

  public static final StructType OCCUPATION_REGION_GAP = published(TableSchemas.OCCUPATION_REGION_GAP, true);
  public static final StructType PROGRAM_GAP = published(TableSchemas.PROGRAM_GAP, true, "attributed_from");
  public static final StructType SECTOR_REGION_SUMMARY = published(TableSchemas.SECTOR_REGION_SUMMARY, true);
  public static final StructType SHORTAGE_RANKING = published(TableSchemas.SHORTAGE_RANKING, false)
      .add("suppressed", DataTypes.BooleanType, false, "true when the occupation's counts are hidden: no figures in the reasons");
  public static final StructType INDEX_SENSITIVITY = published(TableSchemas.INDEX_SENSITIVITY, false);
  public static final StructType SKILL_DEMAND = published(TableSchemas.SKILL_DEMAND, true, "cell_vacancies", "described_prev");
  public static final StructType PROGRAM_SKILL_PROFILE = published(TableSchemas.PROGRAM_SKILL_PROFILE, true,
      "weighted_vacancies_prev", "described_prev");
}
