package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.skillgap.store.Bronze;
import io.skillgap.store.StoredTable;
import io.skillgap.store.Table;
import io.skillgap.store.Warehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A batch's accounting per source, measured on the tables after the writes: bronze rows read, input rows
 * that reached silver, rows quarantined by reason, and how the accepted vacancies were coded.
 */
public final class Accounting {
  private Accounting() {}

  /** One source's accounting for the batch. */
  public record Counts(long read, long accepted, long quarantined, Map<String, Long> quarantineByReason,
      Map<String, Long> codingByMethod) {}

  public static Map<String, Counts> count(Warehouse wh, String batchId) {
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    if (wh.mayHaveBatch(Table.QUARANTINE, batchId)) {
      for (Row r : batch(wh, Table.QUARANTINE, batchId).groupBy("source", "reason").count().collectAsList()) {
        reasons.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
      }
    }
    Map<String, Map<String, Long>> coding = new TreeMap<>();
    if (wh.mayHaveBatch(Table.SILVER_VACANCY_ADS, batchId)) {
      for (Row r : batch(wh, Table.SILVER_VACANCY_ADS, batchId).groupBy("origin", "occupation_method").count().collectAsList()) {
        coding.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(String.valueOf(r.get(1)), r.getLong(2));
      }
    }
    Map<StoredTable, Map<String, Long>> acceptedByOrigin = new java.util.HashMap<>();
    Map<String, Counts> out = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      long read = rows(wh, s.bronze(), batchId);
      long accepted = read == 0 ? 0
          : acceptedByOrigin.computeIfAbsent(s.silver(), t -> accepted(wh, t, batchId)).getOrDefault(s.folder(), 0L);
      Map<String, Long> byReason = reasons.getOrDefault(s.folder(), Map.of());
      out.put(s.folder(), new Counts(read, accepted, byReason.values().stream().mapToLong(Long::longValue).sum(), byReason,
          coding.getOrDefault(s.folder(), Map.of())));
    }
    return out;
  }

  /**
   * Input records that reached a silver table, by the source folder they came from (its origin column
   * where the table holds several sources, else its one source), each counted once (a stat.gov.kz row
   * gives a wage row per group). One pass over the table for all its sources.
   */
  private static Map<String, Long> accepted(Warehouse wh, StoredTable silver, String batchId) {
    Map<String, Long> out = new TreeMap<>();
    if (!wh.mayHaveBatch(silver, batchId)) {
      return out;
    }
    boolean byOrigin = List.of(silver.schema().fieldNames()).contains("origin");
    Dataset<Row> records = batch(wh, silver, batchId).select(byOrigin ? col("origin") : lit(null).cast("string").as("origin"),
        col(Bronze.SOURCE_FILE), col(Bronze.LINE)).distinct();
    for (Row r : records.groupBy("origin").count().collectAsList()) {
      if (byOrigin) {
        out.put(r.getString(0), r.getLong(1));
      } else {
        for (Source s : Source.values()) {
          if (s.silver().equals(silver)) {
            out.put(s.folder(), r.getLong(1));
          }
        }
      }
    }
    return out;
  }

  /**
   * Rows of the batch in a table (0 when the table has no partition of the batch: a look at the file
   * system, where a count would plan a Delta scan).
   */
  static long rows(Warehouse wh, StoredTable t, String batchId) {
    return wh.mayHaveBatch(t, batchId) ? batch(wh, t, batchId).count() : 0;
  }

  private static Dataset<Row> batch(Warehouse wh, StoredTable t, String batchId) {
    return wh.read(t).where(col(Bronze.BATCH).equalTo(batchId));
  }
}
