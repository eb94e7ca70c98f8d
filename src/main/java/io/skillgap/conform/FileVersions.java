package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.year;

import io.skillgap.ingest.IngestLog;
import io.skillgap.store.Bronze;
import io.skillgap.store.Table;
import io.skillgap.store.Warehouse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which years a batch speaks for, and the rows of landing file versions that a later version replaced:
 * gold recomputes the years; the replaced rows leave silver.
 */
final class FileVersions {
  private static final Logger LOG = LogManager.getLogger(FileVersions.class);
  private static final String[] FILE_AND_BATCH = {Bronze.SOURCE_FILE, Bronze.BATCH};

  private FileVersions() {}

  /** Years the batch's rows speak for; an ad can join a vacancy first posted up to the window earlier. */
  static Set<Integer> yearsOfBatch(Warehouse wh, String batchId, int windowDays) {
    Set<Integer> years = new TreeSet<>(adYears(wh.read(Table.SILVER_VACANCY_ADS).where(col(Bronze.BATCH).equalTo(batchId)), windowDays));
    years.addAll(distinctYears(wh.read(Table.SILVER_GRADUATES).where(col(Bronze.BATCH).equalTo(batchId)).select(col("year").as("y"))));
    years.addAll(distinctYears(wh.read(Table.SILVER_WAGES).where(col(Bronze.BATCH).equalTo(batchId)).select(col("year").as("y"))));
    return years;
  }

  /**
   * Removes the rows of file versions replaced since they were loaded; returns their years. Idempotent:
   * on a second pass there is nothing left to remove.
   */
  static Set<Integer> removeSuperseded(Warehouse wh, int windowDays) {
    Set<Integer> years = new TreeSet<>();
    if (!wh.exists(Table.INGEST_LOG) || !wh.exists(Table.SILVER_VACANCY_ADS)) {
      return years;
    }
    Dataset<Row> keys = IngestLog.superseded(wh).cache();
    try {
      if (keys.isEmpty()) {
        return years;
      }
      years.addAll(adYears(wh.read(Table.SILVER_VACANCY_ADS).join(keys, FILE_AND_BATCH), windowDays));
      for (Table t : List.of(Table.SILVER_GRADUATES, Table.SILVER_WAGES)) {
        if (wh.exists(t)) {
          years.addAll(distinctYears(wh.read(t).join(keys, FILE_AND_BATCH).select(col("year").as("y"))));
        }
      }
      if (!years.isEmpty()) {
        for (Table t : List.of(Table.SILVER_VACANCY_ADS, Table.SILVER_GRADUATES, Table.SILVER_WAGES)) {
          wh.deleteMatching(t, keys, FILE_AND_BATCH);
        }
        LOG.info("conform: removed the rows of {} replaced file versions (years {})", keys.count(), years);
      }
      return years;
    } finally {
      keys.unpersist();
    }
  }

  /** Years of the ads' postings, and of the postings a window earlier (a vacancy they may join). */
  private static Set<Integer> adYears(Dataset<Row> ads, int windowDays) {
    return distinctYears(ads.select(year(col("posted_date")).as("y")).union(ads.select(year(date_sub(col("posted_date"), windowDays)).as("y"))));
  }

  /** Distinct years of a one-column frame (a handful of values). */
  private static Set<Integer> distinctYears(Dataset<Row> years) {
    Set<Integer> out = new TreeSet<>();
    for (Row r : years.distinct().collectAsList()) {
      if (!r.isNullAt(0)) {
        out.add(r.getInt(0));
      }
    }
    return out;
  }
}
