package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;

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
    if (wh.exists(Table.QUARANTINE)) {
      for (Row r : batch(wh, Table.QUARANTINE, batchId).groupBy("source", "reason").count().collectAsList()) {
        reasons.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
      }
    }
    Map<String, Map<String, Long>> coding = new TreeMap<>();
    if (wh.exists(Table.SILVER_VACANCY_ADS)) {
      for (Row r : batch(wh, Table.SILVER_VACANCY_ADS, batchId).groupBy("origin", "occupation_method").count().collectAsList()) {
        coding.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(String.valueOf(r.get(1)), r.getLong(2));
      }
    }
    Map<String, Counts> out = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      long read = rows(wh, s.bronze(), batchId);
      long accepted = read == 0 ? 0 : accepted(wh, s, batchId);
      Map<String, Long> byReason = reasons.getOrDefault(s.folder(), Map.of());
      out.put(s.folder(), new Counts(read, accepted, byReason.values().stream().mapToLong(Long::longValue).sum(), byReason,
          coding.getOrDefault(s.folder(), Map.of())));
    }
    return out;
  }

  /**
   * Input records of a source that reached silver: its rows in its silver table (by origin where the table
   * holds several sources), counted once per record (a stat.gov.kz row gives a wage row per group).
   */
  private static long accepted(Warehouse wh, Source s, String batchId) {
    if (!wh.exists(s.silver())) {
      return 0;
    }
    Dataset<Row> rows = batch(wh, s.silver(), batchId);
    if (List.of(s.silver().schema().fieldNames()).contains("origin")) {
      rows = rows.where(col("origin").equalTo(s.folder()));
    }
    return rows.select(Bronze.SOURCE_FILE, Bronze.LINE).distinct().count();
  }

  /** Rows of the batch in a table (0 when the table does not exist). */
  static long rows(Warehouse wh, StoredTable t, String batchId) {
    return wh.exists(t) ? batch(wh, t, batchId).count() : 0;
  }

  private static Dataset<Row> batch(Warehouse wh, StoredTable t, String batchId) {
    return wh.read(t).where(col(Bronze.BATCH).equalTo(batchId));
  }
}
