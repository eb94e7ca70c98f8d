package io.skillgap.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where each Delta table of the warehouse lives, and the only place that writes them: every write is put
 * into the table's declared schema first ({@link StoredTable#schema()}), so no column a table does not
 * declare reaches it and a missing one fails at once.
 */
public final class Warehouse {

  private final SparkSession spark;
  private final String root;

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String path(StoredTable t) {
    return root + "/" + t.folder();
  }

  public boolean exists(StoredTable t) {
    return DeltaTable.isDeltaTable(spark, path(t));
  }

  public Dataset<Row> read(StoredTable t) {
    if (!exists(t)) {
      throw new IllegalStateException("table " + t.folder() + " does not exist under " + root
          + ": run the stage that writes it first (or `run` for the whole flow)");
    }
    return spark.read().format("delta").load(path(t));
  }

  /** Adds rows (the run manifest's row of a run, the quality results). */
  public void append(Dataset<Row> rows, StoredTable t) {
    writer(rows, t).mode("append").save(path(t));
  }

  /** A table rebuilt whole, in one commit; Delta keeps the previous version readable meanwhile. */
  public void overwrite(Dataset<Row> rows, StoredTable t) {
    writer(rows, t).mode("overwrite").option("overwriteSchema", "true").save(path(t));
  }

  /**
   * Replaces the rows where {@code column = value} in one commit (the batch's partition): writing the
   * same batch again leaves the same table, which makes reruns and restarts after a crash idempotent.
   */
  public void replaceBatch(Dataset<Row> rows, StoredTable t, String column, String value) {
    replaceWhere(rows, t, column + " = '" + value.replace("'", "''") + "'");
  }

  /**
   * The table may have rows of the batch (its {@code _batch_id} partition folder exists). Delta leaves a
   * partition's folder behind when its rows are removed, so "true" can be a partition emptied since (the
   * caller then does what it would have done anyway); "false" is certain. A look at the file system, where
   * asking Delta would plan a scan (about a second in local mode).
   */
  public boolean mayHaveBatch(StoredTable t, String batchId) {
    if (!t.partitionBy().contains(Bronze.BATCH)) {
      throw new IllegalArgumentException(t.folder() + " is not partitioned by " + Bronze.BATCH);
    }
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(path(t),
        Bronze.BATCH + "=" + org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.escapePathName(batchId));
    try {
      return dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot look for " + dir, e);
    }
  }

  /** Replaces the rows of the given years in one commit (gold recomputed for the years new data touches). */
  public void replaceYears(Dataset<Row> rows, StoredTable t, java.util.Collection<Integer> years) {
    if (years.isEmpty()) {
      return;
    }
    replaceWhere(rows, t, "year IN (" + String.join(", ", years.stream().map(String::valueOf).toList()) + ")");
  }

  private void replaceWhere(Dataset<Row> rows, StoredTable t, String condition) {
    if (!exists(t)) {
      writer(rows, t).mode("append").save(path(t));
      return;
    }
    writer(rows, t).mode("overwrite").option("replaceWhere", condition).save(path(t));
  }

  /** Deletes the rows matching {@code keys} on the given columns, in one commit (a MERGE). */
  public void deleteMatching(StoredTable t, Dataset<Row> keys, String... columns) {
    if (!exists(t)) {
      return;
    }
    String on = String.join(" AND ", java.util.Arrays.stream(columns).map(c -> "t." + c + " = k." + c).toList());
    DeltaTable.forPath(spark, path(t)).as("t").merge(keys.as("k"), on).whenMatched().delete().execute();
  }

  /**
   * Replaces the rows whose {@code column} is one of {@code keys} by {@code rows}, in one commit (a MERGE in
   * which the keys delete and the rows insert): a crash leaves either the old rows or the new ones.
   */
  public void replaceKeys(Dataset<Row> rows, StoredTable t, Dataset<Row> keys, String column) {
    Dataset<Row> source = Schemas.shape(rows, t.schema()).withColumn("_key", lit(null).cast("string"))
        .unionByName(keys.select(col(column).as("_key")), true);
    java.util.Map<String, String> insert = new java.util.LinkedHashMap<>();
    for (String c : t.schema().fieldNames()) {
      insert.put("`" + c + "`", "s.`" + c + "`");
    }
    // Schema evolution: a column a newer release added reaches a table an older one wrote, as in writer().
    DeltaTable.forPath(spark, path(t)).as("t").merge(source.as("s"), "t.`" + column + "` = s._key").withSchemaEvolution()
        .whenMatched().delete()
        .whenNotMatched("s._key IS NULL").insertExpr(insert)
        .execute();
  }

  /** The table's properties (TBLPROPERTIES), empty when the table does not exist. */
  public java.util.Map<String, String> properties(StoredTable t) {
    if (!exists(t)) {
      return java.util.Map.of();
    }
    return DeltaTable.forPath(spark, path(t)).detail().select("properties").first().getJavaMap(0);
  }

  /** Sets table properties, one commit. */
  public void setProperties(StoredTable t, java.util.Map<String, String> properties) {
    String list = String.join(", ", properties.entrySet().stream()
        .map(e -> "'" + e.getKey() + "' = '" + e.getValue().replace("'", "''") + "'").toList());
    spark.sql("ALTER TABLE " + sqlName(t) + " SET TBLPROPERTIES (" + list + ")");
  }

  /** How SQL names the table: by its qualified location (a relative path is not found). */
  public String sqlName(StoredTable t) {
    String location = DeltaTable.forPath(spark, path(t)).detail().select("location").first().getString(0);
    return "delta.`" + location.replace("`", "``") + "`";
  }

  private DataFrameWriter<Row> writer(Dataset<Row> rows, StoredTable t) {
    // A column added by a newer release joins a table an older one wrote (rows before it read null).
    DataFrameWriter<Row> w = Schemas.shape(rows, t.schema()).write().format("delta").option("mergeSchema", "true");
    return t.partitionBy().isEmpty() ? w : w.partitionBy(t.partitionBy().toArray(String[]::new));
  }

  /** Rows written by the latest commit to the table, from Delta's own operation metrics. */
  public long lastCommitRows(StoredTable t) {
    return Long.parseLong(lastCommitMetrics(t).getOrDefault("numOutputRows", "0"));
  }

  /** The latest commit's operation metrics (numOutputRows, numTargetRowsDeleted, ...). */
  public java.util.Map<String, String> lastCommitMetrics(StoredTable t) {
    java.util.Map<String, String> metrics = DeltaTable.forPath(spark, path(t)).history(1).select("operationMetrics").first().getJavaMap(0);
    return metrics == null ? java.util.Map.of() : metrics;
  }
}
