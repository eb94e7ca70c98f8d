package io.skillgap.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skillgap.store.Files;
import io.skillgap.store.Table;
import io.skillgap.store.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The run manifest: one row per run in a Delta table and a JSON file beside the warehouse (run id, start,
 * end, status, exit code, input files, rows per stage, quarantined by reason, seconds per stage, code
 * version, configuration hash). A run is written as "running" when it starts, so a run killed midway
 * leaves a trace that the next run finds and marks "crashed".
 */
public final class RunManifest {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SparkSession spark;
  private final Warehouse wh;
  private final String warehouseRoot;
  private final String runId;
  private final String batchId;
  private final String command;
  private final Instant started = Instant.now();
  private final String configHash;
  private boolean recovery;
  private final List<String> inputFiles = new ArrayList<>();
  private final Map<String, Long> rowsPerStage = new LinkedHashMap<>();
  private final Map<String, Long> quarantinedByReason = new LinkedHashMap<>();
  private final Map<String, Double> secondsPerStage = new LinkedHashMap<>();

  public RunManifest(SparkSession spark, Warehouse wh, String warehouseRoot, String batchId, String command, String configHash) {
    this.spark = spark;
    this.wh = wh;
    this.warehouseRoot = warehouseRoot;
    this.batchId = batchId;
    this.command = command;
    this.configHash = configHash;
    this.runId = batchId + "@" + started.toString();
  }

  public String runId() {
    return runId;
  }

  /**
   * Records the start; marks runs still "running" (their process died: the lock guarantees no other run is
   * active) as crashed and returns how many there were.
   */
  public int start() {
    int crashed = 0;
    if (wh.exists(Table.RUN_MANIFEST)) {
      crashed = (int) wh.read(Table.RUN_MANIFEST).where(col("status").equalTo("running")).count();
      if (crashed > 0) {
        wh.update(Table.RUN_MANIFEST, col("status").equalTo("running"),
            Map.of("status", lit("crashed"), "message", lit("the process ended without finishing; the next run recovered")));
      }
    }
    wh.append(spark.createDataFrame(List.of(row("running", null, null)), Table.RUN_MANIFEST.schema()), Table.RUN_MANIFEST);
    return crashed;
  }

  /** The run repairs the work of a run that died. */
  public void recovering(boolean recovery) {
    this.recovery = recovery;
  }

  public void inputFiles(List<String> files) {
    inputFiles.addAll(files);
  }

  /** A stage's rows (what it produced) and its seconds since {@code startNanos}. */
  public void stage(String name, long rows, long startNanos) {
    rowsPerStage.merge(name, rows, Long::sum);
    secondsPerStage.merge(name, Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0, Double::sum);
  }

  /** A count recorded beside the stages' rows (the accepted rows of each source). */
  public void rows(String name, long rows) {
    rowsPerStage.merge(name, rows, Long::sum);
  }

  public void quarantined(Map<String, Long> byReason) {
    byReason.forEach((k, v) -> quarantinedByReason.merge(k, v, Long::sum));
  }

  /** Records the end in the table (one merge) and writes the JSON file. */
  public void finish(String status, ExitCode exit, String message) {
    wh.upsert(spark.createDataFrame(List.of(row(status, exit.code(), message)), Table.RUN_MANIFEST.schema()), Table.RUN_MANIFEST, "run_id");
    Files.writeText(spark.sparkContext().hadoopConfiguration(), warehouseRoot + "/_runs/" + runId.replace(':', '-') + ".json",
        json(status, exit.code(), message));
  }

  private Row row(String status, Integer exitCode, String message) {
    return RowFactory.create(runId, batchId, command, Timestamp.from(started),
        status.equals("running") ? null : Timestamp.from(Instant.now()), status, exitCode, recovery,
        scala.jdk.javaapi.CollectionConverters.asScala(inputFiles).toSeq(),
        scala.jdk.javaapi.CollectionConverters.asScala(rowsPerStage),
        scala.jdk.javaapi.CollectionConverters.asScala(quarantinedByReason),
        scala.jdk.javaapi.CollectionConverters.asScala(secondsPerStage),
        codeVersion(), configHash, message);
  }

  String json(String status, int exitCode, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("batch_id", batchId);
    m.put("command", command);
    m.put("started_at", started.toString());
    m.put("ended_at", Instant.now().toString());
    m.put("status", status);
    m.put("exit_code", exitCode);
    m.put("recovery", recovery);
    m.put("input_files", inputFiles);
    m.put("rows_per_stage", rowsPerStage);
    m.put("quarantined_by_reason", quarantinedByReason);
    m.put("seconds_per_stage", secondsPerStage);
    m.put("code_version", codeVersion());
    m.put("config_hash", configHash);
    m.put("message", message);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String codeVersion() {
    String v = RunManifest.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
