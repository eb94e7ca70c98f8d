package io.skillgap.store;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Puts a DataFrame into a declared table schema: that schema's columns, order and types, nothing else. */
public final class Schemas {
  private Schemas() {}

  /** Selects and casts to {@code schema}; a missing column is a programming error and fails at once. */
  public static Dataset<Row> shape(Dataset<Row> rows, StructType schema) {
    Set<String> have = new HashSet<>(Arrays.asList(rows.columns()));
    List<String> missing = Arrays.stream(schema.fieldNames()).filter(f -> !have.contains(f)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("columns " + missing + " missing for schema " + schema.simpleString()
          + "; have " + have);
    }
    Column[] cols = Arrays.stream(schema.fields()).map(Schemas::typed).toArray(Column[]::new);
    return rows.select(cols);
  }

  private static Column typed(StructField f) {
    return col(f.name()).cast(f.dataType()).as(f.name(), f.metadata());
  }
}
