package io.skillgap.store;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The bronze table of a landing source: its rows as read (every landing column as text) with the ingest
 * bookkeeping. One per source, named after its landing folder, so a new source needs no table of its own
 * here.
 */
public record Bronze(String source, StructType landing) implements StoredTable {
  /** The text of a record the parser could not read. */
  public static final String CORRUPT = "_corrupt_record";
  /** The file a row came from, relative to the landing folder. */
  public static final String SOURCE_FILE = "_source_file";
  /** The line of the file where the record starts (its number in a Parquet file). */
  public static final String LINE = "_row_id";
  /** The physical lines the record took (with the blank lines before it). */
  public static final String LINES = "_lines";
  /** The parser's reason code for a record it could not read; null when it parsed. */
  public static final String PARSE_ERROR = "_parse_error";
  public static final String BATCH = "_batch_id";
  public static final String LOAD_TIME = "_load_time";

  /** A landing schema: the columns, all nullable text, and the raw text of an unreadable record. */
  public static StructType landing(List<String> columns) {
    StructType s = new StructType();
    for (String c : columns) {
      s = s.add(c, DataTypes.StringType, true);
    }
    return s.add(CORRUPT, DataTypes.StringType, true);
  }

  /** The rows a landing file gives: the landing columns and the parser's bookkeeping. */
  public static StructType parsed(StructType landing) {
    return landing.add(SOURCE_FILE, DataTypes.StringType, false)
        .add(LINE, DataTypes.LongType, false)
        .add(LINES, DataTypes.IntegerType, false)
        .add(PARSE_ERROR, DataTypes.StringType, true);
  }

  @Override
  public String folder() {
    return "bronze/" + source;
  }

  @Override
  public Layer layer() {
    return Layer.BRONZE;
  }

  @Override
  public StructType schema() {
    return parsed(landing).add(BATCH, DataTypes.StringType, false).add(LOAD_TIME, DataTypes.TimestampType, false);
  }

  @Override
  public List<String> partitionBy() {
    return List.of(BATCH);
  }
}
