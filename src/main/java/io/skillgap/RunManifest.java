package io.skillgap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.delta.tables.DeltaTable;
import io.skillgap.config.Files;
import io.skillgap.config.Warehouse;
import io.skillgap.config.Warehouse.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The run manifest: one row per run in a Delta table and a JSON file beside the warehouse (run id, start,
 * end, status, exit code, input files, rows per stage, quarantined by reason, seconds per stage, code
 * version, configuration hash). A run is written as "running" when it starts, so a run killed midway
 * leaves a trace that the next run finds and marks "crashed".
 */
public final class RunManifest {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static final StructType SCHEMA = StructType.fromDDL(String.join(",",
      "run_id STRING NOT NULL", "batch_id STRING NOT NULL", "command STRING NOT NULL", "started_at TIMESTAMP NOT NULL",
      "ended_at TIMESTAMP", "status STRING NOT NULL COMMENT 'running, succeeded, failed, crashed, quality_failed, ...'",
      "exit_code INT", "recovery BOOLEAN NOT NULL COMMENT 'the run repaired the work of a run that died'",
      "input_files ARRAY<STRING>", "rows_per_stage MAP<STRING, BIGINT>", "quarantined_by_reason MAP<STRING, BIGINT>",
      "seconds_per_stage MAP<STRING, DOUBLE>", "code_version STRING", "config_hash STRING", "message STRING"));

  private final SparkSession spark;
  private final Warehouse wh;
  private final String warehouseRoot;
  final String runId;
  final String batchId;
  final String command;
  final Instant started = Instant.now();
  final String configHash;
  boolean recovery;
  final List<String> inputFiles = new ArrayList<>();
  final Map<String, Long> rowsPerStage = new LinkedHashMap<>();
  final Map<String, Long> quarantinedByReason = new LinkedHashMap<>();
  final Map<String, Double> secondsPerStage = new LinkedHashMap<>();

  RunManifest(SparkSession spark, Warehouse wh, String warehouseRoot, String batchId, String command, String configHash) {
    this.spark = spark;
    this.wh = wh;
    this.warehouseRoot = warehouseRoot;
    this.batchId = batchId;
    this.command = command;
    this.configHash = configHash;
    this.runId = batchId + "@" + started.toString();
  }

  /**
   * Records the start; marks runs still "running" (their process died: the lock guarantees no other run is
   * active) as crashed and returns how many there were.
   */
  int start() {
    int crashed = 0;
    if (wh.exists(Table.RUN_MANIFEST)) {
      crashed = (int) wh.read(Table.RUN_MANIFEST).where(col("status").equalTo("running")).count();
      if (crashed > 0) {
        DeltaTable.forPath(spark, wh.path(Table.RUN_MANIFEST)).update(col("status").equalTo("running"),
            Map.of("status", lit("crashed"), "message", lit("the process ended without finishing; the next run recovered")));
      }
    }
    wh.append(spark.createDataFrame(List.of(row("running", null, null)), SCHEMA), Table.RUN_MANIFEST);
    return crashed;
  }

  void stage(String name, long rows, long startNanos) {
    rowsPerStage.merge(name, rows, Long::sum);
    secondsPerStage.merge(name, Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0, Double::sum);
  }

  /** Records the end in the table (one update) and writes the JSON file. */
  void finish(String status, int exitCode, String message) {
    Row r = row(status, exitCode, message);
    DeltaTable.forPath(spark, wh.path(Table.RUN_MANIFEST)).as("t")
        .merge(spark.createDataFrame(List.of(r), SCHEMA).as("s"), "t.run_id = s.run_id")
        .whenMatched().updateAll().whenNotMatched().insertAll().execute();
    Files.writeText(spark.sparkContext().hadoopConfiguration(), warehouseRoot + "/_runs/" + runId.replace(':', '-') + ".json",
        json(status, exitCode, message));
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
