package io.skillgap.ingest;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.Timing;
import io.skillgap.config.Warehouse;
import io.skillgap.config.Warehouse.Table;
import io.skillgap.ingest.LandingReader.FileProblem;
import io.skillgap.ingest.LandingReader.LandingRead;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Landing to bronze: every input row as read, with its file, batch and load time; nothing is judged yet. */
public final class Ingest {
  private static final Logger LOG = LogManager.getLogger(Ingest.class);

  private Ingest() {}

  /** What the ingest of one source did. */
  public record SourceLoad(String source, List<String> files, List<FileProblem> rejected, List<String> warnings, long rows) {}

  /** The bronze table each source lands in. */
  public static Table bronzeTable(Source s) {
    return switch (s) {
      case VACANCIES -> Table.BRONZE_VACANCIES;
      case WAGES -> Table.BRONZE_WAGES;
      case GRADUATES -> Table.BRONZE_GRADUATES;
    };
  }

  public static List<SourceLoad> run(SparkSession spark, SkillgapConfig cfg, Warehouse wh) {
    Timestamp loadTime = Timestamp.from(Instant.now());
    List<SourceLoad> loads = new ArrayList<>();
    for (Source source : Source.values()) {
      long start = System.nanoTime();
      LandingRead read = LandingReader.read(spark, source, cfg.paths().landing(), cfg.csvMultiLine());
      read.rejected().forEach(p -> LOG.error("{}: file rejected ({}): {} - {}", source.folder(), p.reason(), p.file(), p.detail()));
      read.warnings().forEach(w -> LOG.warn("{}: {}", source.folder(), w));
      long rows = 0;
      if (!read.files().isEmpty()) {
        wh.append(toBronze(read.rows(), cfg.run().batchId(), loadTime), bronzeTable(source));
        rows = wh.lastCommitRows(bronzeTable(source));
      }
      LOG.info("ingest {}: {} rows from {} files ({} rejected) in {}", source.folder(), rows, read.files().size(),
          read.rejected().size(), Timing.since(start));
      loads.add(new SourceLoad(source.folder(), read.files(), read.rejected(), read.warnings(), rows));
    }
    return loads;
  }

  /** Tags each landing row with its batch, load time and a row id unique within the batch and source. */
  public static Dataset<Row> toBronze(Dataset<Row> landing, String batchId, Timestamp loadTime) {
    return landing
        .withColumn("_row_id", monotonically_increasing_id())
        .withColumn("_batch_id", lit(batchId))
        .withColumn("_load_time", lit(loadTime));
  }
}
