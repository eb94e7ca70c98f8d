package io.skillgap.ops;

import io.skillgap.run.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillgap.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch whose runs keep dying (a poison input that kills the JVM) is not retried for ever: the night that
 * would run it a fourth time refuses it with exit code 7, and a later night leaves it out of recovery,
 * does its own work and says so (exit code 7). Both leave the manifest and _runs/ right.
 */
class PoisonBatchTest {

  @Test
  void aBatchThatDiedInEveryAttemptIsRefusedThenLeftOut() throws IOException {
    Path root = Files.createTempDirectory(Path.of("target"), "poison");
    Path warehouse = root.resolve("warehouse");
    Files.writeString(Files.createDirectories(root.resolve("landing/vacancies")).resolve("v.csv"), BadInputTest.HEADER + "\n"
        + BadInputTest.good("v1", "Геолог") + "\n" + BadInputTest.good("v2", "Маркшейдер") + "\n");
    Files.writeString(Files.createDirectories(root.resolve("landing/graduates")).resolve("g.csv"),
        "year,region,field_code,level,graduates\n2025,KZ-75,6B06101,bachelor,30\n");
    Files.createDirectories(warehouse.resolve("_attempts"));
    // Three runs of 2026-12-01 started its work and never finished (run.max-attempts is 3).
    Files.writeString(warehouse.resolve("_attempts/2026-12-01"), "3\n");

    int refused = Ops.cli("run", "--date", "2026-12-01", "--landing", root.resolve("landing").toString(), "--warehouse", warehouse.toString(),
        "--publish", root.resolve("publish").toString());
    assertEquals(ExitCode.POISON_BATCH.code(), refused, "tonight's batch is refused");
    assertEquals(List.of("refused"), statuses(warehouse), "manifest");

    int next = Ops.cli("run", "--date", "2026-12-02", "--landing", root.resolve("landing").toString(), "--warehouse", warehouse.toString(),
        "--publish", root.resolve("publish").toString());
    assertEquals(ExitCode.POISON_BATCH.code(), next, "the next night runs, and says a batch was left out");
    assertEquals(List.of("batch_abandoned", "refused"), statuses(warehouse), "manifest");
    assertTrue(Files.exists(warehouse.resolve("_attempts/2026-12-01")), "the poison batch's count stays until the operator clears it");
    assertTrue(!Files.exists(warehouse.resolve("_attempts/2026-12-02")), "tonight's work finished: its count is gone");
  }

  /** Statuses of the _runs/*.json files, sorted. */
  private static List<String> statuses(Path warehouse) throws IOException {
    try (var runs = Files.list(warehouse.resolve("_runs"))) {
      return runs.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
          .map(p -> {
            try {
              return new ObjectMapper().readTree(p.toFile()).get("status").asText();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).sorted().toList();
    }
  }
}
