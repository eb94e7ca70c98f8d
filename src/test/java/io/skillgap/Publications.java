package io.skillgap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillgap.sample.SampleGenerator;
import io.skillgap.sample.SampleGenerator.Truth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The two publications several test classes read, each made once per {@code mvn test} (the forks share
 * them, see {@link #shared}) by running the CLI as a user would: the README's sample night, and the
 * methodology's worked example. A pipeline run costs about a minute; sharing them keeps the suite short
 * (the operations tests share a night of their own the same way: ops.FirstNight).
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
      Path root = shared("e2e", r -> {
        String landing = r.resolve("landing").toString();
        assertEquals(0, SkillGap.commandLine().execute("sample", "--landing", landing, "--vacancies", "3000", "--seed", "11"), "sample");
        // Production Spark settings (generated code, AQE) on two cores; generated code although the input is small.
        return SkillGap.commandLine().execute("run", "--landing", landing,
            "--warehouse", r.resolve("warehouse").toString(), "--publish", r.resolve("publish").toString(),
            "--set", "run.as-of-date=2026-12-01", "--set", "run.batch-id=e2e", "--set", "spark.master=local[2]", "--set", "ingest.settle-seconds=0",
            "--set", "spark.conf.spark.sql.shuffle.partitions=2", "--set", "run.interpreted-below=0");
      });
      try {
        sample = new Night(root, SampleGenerator.readTruth(root.resolve("landing")), exitCode(root));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sample;
  }

  /** The fixture of docs/METHODOLOGY.md's worked example, with the settings the document gives. */
  public static synchronized Night worked() {
    if (worked == null) {
      Path root = shared("worked", r -> cli("run", "--landing", WORKED_FIXTURE.resolve("landing").toString(),
          "--warehouse", r.resolve("warehouse").toString(), "--publish", r.resolve("publish").toString(),
          "--set", "reference.crosswalk=" + WORKED_FIXTURE.resolve("crosswalk.csv"), "--set", "index.min-observations=2",
          "--set", "disclosure.threshold=1", "--set", "run.as-of-date=2026-12-01"));
      worked = new Night(root, null, exitCode(root));
    }
    return worked;
  }

  /**
   * The root of a fixture that {@code build} makes (returning the run's exit code), made once per
   * {@code mvn test}: surefire's forks run test classes side by side and share the folder named by the
   * system property {@code skillgap.test.fixtures} (one per invocation, see pom.xml). The first fork to
   * need the fixture builds it under a file lock while another one waits for it; a fork that died midway
   * left no exit code, so its half-built folder is built again. Without the property (a test run from an
   * IDE), each JVM builds its own.
   */
  public static Path shared(String name, Function<Path, Integer> build) {
    String dir = System.getProperty("skillgap.test.fixtures");
    if (dir == null || dir.isBlank()) {
      Path root = scratch(name);
      writeExitCode(root, build.apply(root));
      return root;
    }
    try {
      Path base = Files.createDirectories(Path.of(dir));
      Path root = base.resolve(name);
      try (FileChannel channel = FileChannel.open(base.resolve(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock lock = channel.lock()) {
        if (!Files.exists(root.resolve(EXIT_CODE))) {
          deleteTree(root);
          Files.createDirectories(root);
          writeExitCode(root, build.apply(root));
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String EXIT_CODE = "exit-code.txt";

  private static void writeExitCode(Path root, int code) {
    try {
      Files.writeString(root.resolve(EXIT_CODE), Integer.toString(code));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int exitCode(Path root) {
    try {
      return Integer.parseInt(Files.readString(root.resolve(EXIT_CODE)).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
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
