package io.skillgap.store;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** A Delta table of the warehouse: where it lives, its layer, its columns and how it is partitioned. */
public interface StoredTable {
  /** Folder under the warehouse root. */
  String folder();

  Layer layer();

  /** The columns every write is put into. */
  StructType schema();

  List<String> partitionBy();

  /** The name readers see: the last part of the folder. */
  default String tableName() {
    return folder().substring(folder().lastIndexOf('/') + 1);
  }

  /** The layers of the warehouse. */
  enum Layer { BRONZE, SILVER, GOLD, OPERATIONS }
}
