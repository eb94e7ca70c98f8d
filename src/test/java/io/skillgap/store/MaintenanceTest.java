package io.skillgap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillgap.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class MaintenanceTest extends SparkTestBase {
  /** A table as nights leave one: appended to, with rows a MERGE removed through deletion vectors. */
  record Log(String folder) implements StoredTable {
    @Override
    public Layer layer() {
      return Layer.OPERATIONS;
    }

    @Override
    public StructType schema() {
      return StructType.fromDDL("id INT, night STRING");
    }

    @Override
    public List<String> partitionBy() {
      return List.of();
    }
  }

  @Test
  void housekeepingKeepsTheRowsAndDeletesOnlyFilesNoRetainedVersionReads() throws IOException {
    Path root = Files.createTempDirectory(Path.of("target"), "maintain");
    Warehouse wh = new Warehouse(spark, root.toString());
    Log t = new Log("log");
    // Three nights append two rows each, one file a night; deletion vectors on; a MERGE removes id 3 (night 2's
    // file keeps it, marked in a deletion vector).
    for (int night = 1; night <= 3; night++) {
      wh.append(df("id INT, night STRING", row(2 * night - 1, "n" + night), row(2 * night, "n" + night)).repartition(1), t);
      if (night == 1) {
        wh.setProperties(t, Map.of("delta.enableDeletionVectors", "true"));
      }
    }
    wh.deleteMatching(t, df("id INT", row(3)), "id");
    String rows = "select id, night from t order by id";
    List<List<Object>> expected = List.of(values(1, "n1"), values(2, "n1"), values(4, "n2"), values(5, "n3"), values(6, "n3"));
    assertRows("rows before", expected, rows(wh.read(t), rows));
    assertEquals(1, files(root, ".bin"), "deletion vector files before");
    long onDisk = files(root, ".parquet") + 1; // the three nights' files (and any a write left uncommitted), the vector

    String check = spark.conf().get(Maintenance.RETENTION_CHECK);
    // A week's retention: the three files (and the deletion vector: 4 on disk) are compacted into one, with id 3
    // left out; the old files stay on disk for the versions of the week.
    Maintenance.Outcome week = Maintenance.run(spark, wh, List.of(t), 168).get(0);
    assertRows("rows after a week's retention", expected, rows(wh.read(t), rows));
    assertEquals(List.of(3L, onDisk, 1L), List.of(week.liveBefore(), week.filesBefore(), week.liveAfter()),
        "files read by the latest version before, on disk before, read after");
    // On disk after: the old files, the deletion vector and the compacted file (nothing is a week old).
    assertEquals(onDisk + 1, week.filesAfter(), "nothing younger than a week deleted");
    assertEquals(check, spark.conf().get(Maintenance.RETENTION_CHECK), "Delta's retention check untouched at 168 h");

    // Three days: the tables' own retention becomes three days (Delta 4 reads VACUUM's argument only when it is 0),
    // and the files of an hour ago stay.
    Maintenance.Outcome days = Maintenance.run(spark, wh, List.of(t), 72).get(0);
    assertEquals("interval 72 hours", wh.properties(t).get(Maintenance.RETENTION), "retention set on the table");
    assertEquals(List.of(onDisk + 1, onDisk + 1), List.of(days.filesBefore(), days.filesAfter()), "nothing three days old");

    // No retention: only the compacted file is left, and Delta's check is back as it was.
    Maintenance.Outcome none = Maintenance.run(spark, wh, List.of(t), 0).get(0);
    assertRows("rows after no retention", expected, rows(wh.read(t), rows));
    assertEquals(List.of(onDisk + 1, 1L), List.of(none.filesBefore(), none.filesAfter()), "files on disk before and after VACUUM");
    assertEquals(List.of(1L, 0L), List.of(files(root, ".parquet"), files(root, ".bin")), "data and deletion vector files left");
    assertEquals(check, spark.conf().get(Maintenance.RETENTION_CHECK), "Delta's retention check restored");
    assertEquals(List.of(), Maintenance.run(spark, wh, List.of(new Log("missing")), 0), "a table not written yet is skipped");
  }

  private static long files(Path root, String suffix) throws IOException {
    try (var walk = Files.walk(root)) {
      return walk.filter(f -> f.getFileName().toString().endsWith(suffix) && !f.toString().contains("_delta_log")).count();
    }
  }
}
