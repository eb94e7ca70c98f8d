package io.skillgap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillgap.sample.SampleGenerator;
import io.skillgap.sample.SampleGenerator.Truth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two publications several test classes read, each made once per test JVM (surefire reuses one fork)
 * by running the CLI as a user would: the README's sample night, and the methodology's worked example.
 * A pipeline run costs about a minute; sharing them keeps the suite short.
 */
public final class Publications {
  /** A finished night: its root (landing, warehouse, publish), what the generator planted, and the exit code. */
  public record Night(Path root, Truth truth, int exitCode) {
    public Path publish() {
      return root.resolve("publish");
    }

    public Path warehouse() {
      return root.resolve("warehouse");
    }
  }

  /**
   * Test-sized Spark settings for a night run through the command line. On a few hundred rows, compiling
   * generated code costs more than it saves and adaptive re-planning has nothing to adapt: interpreted
   * expressions without AQE cut a 300-vacancy night from 139 s to 102 s here. The sample night keeps
   * the production settings, so that generated code is tested too.
   */
  public static final List<String> SMALL_SPARK = List.of("--set", "spark.master=local[2]",
      "--set", "spark.conf.spark.sql.shuffle.partitions=2", "--set", "spark.conf.spark.sql.codegen.wholeStage=false",
      "--set", "spark.conf.spark.sql.codegen.factoryMode=NO_CODEGEN", "--set", "spark.conf.spark.sql.adaptive.enabled=false",
      "--set", "ingest.settle-seconds=0");

  static final Path WORKED_FIXTURE = Path.of("src/test/resources/worked_example");
  private static Night sample;
  private static Night worked;

  private Publications() {}

  /** 3000 generated vacancies with seed 11, as of 2026-12-01, batch "e2e". */
  public static synchronized Night sample() {
    if (sample == null) {
      Path root = scratch("e2e");
      String landing = root.resolve("landing").toString();
      assertEquals(0, SkillGap.commandLine().execute("sample", "--landing", landing, "--vacancies", "3000", "--seed", "11"), "sample");
      // Production Spark settings (generated code, AQE) on two cores.
      int code = SkillGap.commandLine().execute("run", "--landing", landing,
          "--warehouse", root.resolve("warehouse").toString(), "--publish", root.resolve("publish").toString(),
          "--set", "run.as-of-date=2026-12-01", "--set", "run.batch-id=e2e", "--set", "spark.master=local[2]", "--set", "ingest.settle-seconds=0",
          "--set", "spark.conf.spark.sql.shuffle.partitions=2");
      try {
        sample = new Night(root, SampleGenerator.readTruth(root.resolve("landing")), code);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sample;
  }

  /** The fixture of docs/METHODOLOGY.md's worked example, with the settings the document gives. */
  public static synchronized Night worked() {
    if (worked == null) {
      Path root = scratch("worked");
      int code = cli("run", "--landing", WORKED_FIXTURE.resolve("landing").toString(),
          "--warehouse", root.resolve("warehouse").toString(), "--publish", root.resolve("publish").toString(),
          "--set", "reference.crosswalk=" + WORKED_FIXTURE.resolve("crosswalk.csv"), "--set", "index.min-observations=2",
          "--set", "disclosure.threshold=1", "--set", "run.as-of-date=2026-12-01");
      worked = new Night(root, null, code);
    }
    return worked;
  }

  /** Runs the command line in this JVM with {@link #SMALL_SPARK} and the given extra arguments; returns the exit code. */
  private static int cli(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(SMALL_SPARK);
    return SkillGap.commandLine().execute(all.toArray(String[]::new));
  }

  private static Path scratch(String prefix) {
    try {
      return Files.createTempDirectory(Path.of("target"), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
