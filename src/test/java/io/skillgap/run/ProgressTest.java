package io.skillgap.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ProgressTest extends SparkTestBase {

  @Test
  void theLineSaysStepTimeTasksAndRows() {
    assertEquals("progress: conform running for 45.0 s; 2 Spark stages, tasks 130/200; 1,234,567 rows read so far",
        Progress.line("conform", "45.0 s", 2, 130, 200, 1_234_567), "line with Spark work");
    assertEquals("progress: report running for 31.2 s; no Spark stage running (driver or file work); 0 rows read so far",
        Progress.line("report", "31.2 s", 0, 0, 0, 0), "line without Spark work");
  }

  @Test
  void aLongStepIsReportedAndAShortOneIsNot() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "progress").resolve("t");
    spark.range(0, 1000, 1, 4).write().parquet(data.toString());
    List<String> lines = new CopyOnWriteArrayList<>();
    try (Progress progress = new Progress(spark, 250, lines::add)) {
      progress.step("slow");
      // Four tasks of 1.2 s on two cores: about 2.4 s, several intervals of 250 ms.
      spark.read().parquet(data.toString()).repartition(4).foreach((ForeachFunction<Row>) r -> {
        if (r.getLong(0) % 250 == 0) {
          Thread.sleep(1200);
        }
      });
      // Task-end events reach listeners asynchronously; the 1000 rows of the file arrive within moments.
      for (int i = 0; i < 100 && progress.rowsRead() < 1000; i++) {
        Thread.sleep(100);
      }
      assertEquals(1000, progress.rowsRead(), "rows read by the slow step's scan");
      int slowLines = lines.size();
      progress.step("fast");
      assertTrue(slowLines >= 2, "a line per interval while the slow step ran: " + lines);
      assertTrue(lines.stream().allMatch(l -> l.startsWith("progress: slow running for ")), lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.contains("Spark stage, tasks") || l.contains("Spark stages, tasks")), lines.toString());
    }
    assertTrue(lines.stream().noneMatch(l -> l.contains("fast")), "the step that ended within its first interval: " + lines);
  }
}
