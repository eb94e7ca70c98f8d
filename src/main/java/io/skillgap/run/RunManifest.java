package io.skillgap.run;

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
 * version, configuration hash). A run leaves a marker when it starts ({@code _runs/running/<run>.json}, its
 * JSON so far), so a run killed midway leaves a trace that the next run finds and records as "crashed";
 * the table gets one commit per run, at its end, with the rows of the runs that died before it.
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

  /** The batches of runs that died (their markers are left): their work is redone. */
  public List<String> deadBatches() {
    return dead().stream().map(n -> n.path("batch_id").asText()).distinct().toList();
  }

  /**
   * Records the start (the marker); returns how many runs died before it (the lock guarantees no other run
   * is active), which the end of this run records as crashed.
   */
  public int start() {
    Files.writeText(conf(), marker(runId), json("running", null, null));
    return dead().size();
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

  /**
   * Records the end: this run's row and those of the runs that died before it in one commit, then the JSON
   * files; the markers go last, so a crash in between leaves them to the next run.
   */
  public void finish(String status, ExitCode exit, String message) {
    List<com.fasterxml.jackson.databind.JsonNode> died = dead();
    List<Row> rows = new ArrayList<>();
    died.forEach(n -> rows.add(crashed(n)));
    rows.add(row(status, exit.code(), message));
    wh.append(spark.createDataFrame(rows, Table.RUN_MANIFEST.schema()), Table.RUN_MANIFEST);
    for (com.fasterxml.jackson.databind.JsonNode n : died) {
      String id = n.path("run_id").asText();
      ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("status", "crashed").put("message", CRASHED);
      Files.writeText(conf(), warehouseRoot + "/_runs/" + fileName(id), n.toPrettyString());
    }
    Files.writeText(conf(), warehouseRoot + "/_runs/" + fileName(runId), json(status, exit.code(), message));
    died.forEach(n -> Files.delete(conf(), marker(n.path("run_id").asText())));
    Files.delete(conf(), marker(runId));
  }

  private static final String CRASHED = "the process ended without finishing; the next run recovered";

  /** The markers of runs other than this one: runs that died. */
  private List<com.fasterxml.jackson.databind.JsonNode> dead() {
    List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
    for (String name : Files.list(conf(), warehouseRoot + "/_runs/running")) {
      if (name.equals(fileName(runId))) {
        continue;
      }
      String text = Files.readText(conf(), warehouseRoot + "/_runs/running/" + name);
      try {
        out.add(JSON.readTree(text));
      } catch (JsonProcessingException e) {
        // A marker cut short by the crash itself: what it says is lost, that a run died is not.
        out.add(JSON.createObjectNode().put("run_id", name.replaceFirst("\\.json$", "")).put("batch_id", "")
            .put("command", "unknown").put("started_at", Instant.EPOCH.toString()));
      }
    }
    return out;
  }

  /** The manifest row of a run that died, from its marker. */
  private Row crashed(com.fasterxml.jackson.databind.JsonNode n) {
    Map<String, Long> rows = new LinkedHashMap<>();
    n.path("rows_per_stage").properties().forEach(e -> rows.put(e.getKey(), e.getValue().asLong()));
    Map<String, Long> quarantined = new LinkedHashMap<>();
    n.path("quarantined_by_reason").properties().forEach(e -> quarantined.put(e.getKey(), e.getValue().asLong()));
    Map<String, Double> seconds = new LinkedHashMap<>();
    n.path("seconds_per_stage").properties().forEach(e -> seconds.put(e.getKey(), e.getValue().asDouble()));
    List<String> files = new ArrayList<>();
    n.path("input_files").forEach(f -> files.add(f.asText()));
    return RowFactory.create(n.path("run_id").asText(), n.path("batch_id").asText(), n.path("command").asText(),
        Timestamp.from(Instant.parse(n.path("started_at").asText(Instant.EPOCH.toString()))), null, "crashed", null,
        n.path("recovery").asBoolean(false), scala.jdk.javaapi.CollectionConverters.asScala(files).toSeq(),
        scala.jdk.javaapi.CollectionConverters.asScala(rows), scala.jdk.javaapi.CollectionConverters.asScala(quarantined),
        scala.jdk.javaapi.CollectionConverters.asScala(seconds), n.path("code_version").asText(null), n.path("config_hash").asText(null),
        CRASHED);
  }

  private String marker(String id) {
    return warehouseRoot + "/_runs/running/" + fileName(id);
  }

  private static String fileName(String id) {
    return id.replace(':', '-') + ".json";
  }

  private org.apache.hadoop.conf.Configuration conf() {
    return spark.sparkContext().hadoopConfiguration();
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

  String json(String status, Integer exitCode, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("batch_id", batchId);
    m.put("command", command);
    m.put("started_at", started.toString());
    m.put("ended_at", status.equals("running") ? null : Instant.now().toString());
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
