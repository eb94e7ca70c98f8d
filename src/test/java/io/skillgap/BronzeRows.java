package io.skillgap;

import io.skillgap.ingest.ParsedRecord;
import io.skillgap.conform.Source;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Bronze rows for tests: a base row of valid values, each test row changing a few of them. */
public final class BronzeRows {
  private final Source source;
  private final Map<String, String> base;
  private final List<Map<String, String>> rows = new ArrayList<>();

  public BronzeRows(Source source, Map<String, String> base) {
    this.source = source;
    this.base = base;
  }

  /** Adds the base row with {@code changes} applied: column, value, column, value... (value may be null). */
  public BronzeRows add(String... changes) {
    Map<String, String> r = new LinkedHashMap<>(base);
    for (int i = 0; i < changes.length; i += 2) {
      r.put(changes[i], changes[i + 1]);
    }
    rows.add(r);
    return this;
  }

  /**
   * The rows in bronze shape; _row_id is the position (1-based) in the order added. A row given raw text
   * ({@link Source#CORRUPT}) is one the parser could not read: MALFORMED_ROW unless it names its fault.
   */
  public Dataset<Row> build(SparkSession spark) {
    List<Row> out = new ArrayList<>();
    Timestamp now = Timestamp.valueOf("2026-12-01 01:00:00");
    for (int i = 0; i < rows.size(); i++) {
      List<Object> values = new ArrayList<>();
      for (String c : source.columns()) {
        values.add(rows.get(i).get(c));
      }
      values.add(rows.get(i).get(Source.CORRUPT));
      values.add(rows.get(i).getOrDefault(Source.SOURCE_FILE, "file:/landing/test.csv"));
      values.add((long) i + 1);
      values.add(1);
      values.add(rows.get(i).getOrDefault(io.skillgap.store.Bronze.PARSE_ERROR,
          rows.get(i).get(Source.CORRUPT) == null ? null : ParsedRecord.MALFORMED_ROW));
      values.add("b1");
      values.add(now);
      out.add(RowFactory.create(values.toArray()));
    }
    return spark.createDataFrame(out, source.bronze().schema());
  }
}
