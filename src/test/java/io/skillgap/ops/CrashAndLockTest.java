package io.skillgap.ops;

import io.skillgap.run.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SkillGap;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A second run while one is active exits at once with its own code and changes nothing; a run killed
 * with SIGKILL in the middle of publishing, then started again, ends with the tables of an uninterrupted
 * run (the operations tests' shared night, {@link FirstNight}). The run under test is a separate JVM, as
 * the nightly job is.
 */
class CrashAndLockTest {

  /** Starts the command line in a child JVM with the flags Spark needs; its output goes to {@code log}. */
  static Process child(Path log, String... args) throws IOException {
    List<String> cmd = Ops.java("2g", Path.of("target"));
    cmd.addAll(List.of("-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.xml").toAbsolutePath(),
        "-Dskillgap.log.dir=" + log.getParent().toAbsolutePath(),
        "-cp", System.getProperty("java.class.path"), SkillGap.class.getName()));
    cmd.addAll(List.of(args));
    cmd.addAll(Ops.TEST_SETTINGS);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  static void waitFor(Path log, String text, Process p, int seconds) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      assertTrue(p.isAlive(), "the child ended before printing '" + text + "':\n" + Files.readString(log, StandardCharsets.UTF_8));
      Thread.sleep(200);
    }
    throw new AssertionError("no '" + text + "' within " + seconds + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * How many Spark contexts this test JVM has started, by the line each logs at its start in the fork's log
   * (src/test/resources/log4j2-test.xml). A count, not a time: a refusal was measured at 5.2 s on a slow
   * machine where a cold JVM loads the command line's classes, and a time says nothing of what ran.
   */
  static long sparkStarts() throws IOException {
    Path log = Path.of(System.getProperty("skillgap.test.log", "target/test.log"));
    String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
    return text.split("SparkContext - Running Spark version", -1).length - 1;
  }

  static String[] run(Path landing, Path out) {
    return new String[] {"run", "--date", FirstNight.DATE, "--landing", landing.toString(),
        "--warehouse", out.resolve("warehouse").toString(), "--publish", out.resolve("publish").toString()};
  }

  @Test
  void aSecondRunIsRefusedAndAKilledRunRecoversToTheSameTables() throws Exception {
    // The reference is the operations tests' shared night (FirstNight): the same landing, date and settings.
    Path fixture = FirstNight.root();
    assertEquals(0, io.skillgap.Publications.exitCode(fixture), "the shared night, the reference");
    Path landing = FirstNight.landing(fixture, FirstNight.DATE);
    Path root = Files.createTempDirectory(Path.of("target"), "crash").toAbsolutePath();
    Path crash = root.resolve("crashed");
    Path crashLog = root.resolve("crashed.log");
    Process b = child(crashLog, run(landing, crash));

    // While that run holds its warehouse, another run there must not start.
    waitFor(crashLog, "ingest vacancies", b, 300);
    long startsBefore = sparkStarts();
    int refused = Ops.cli(run(landing, crash));
    assertEquals(ExitCode.LOCKED.code(), refused, "a second run on a locked warehouse");
    assertEquals(startsBefore, sparkStarts(), "refused before Spark starts: no Spark context started in this JVM meanwhile");

    // The run is killed (SIGKILL) while it writes the publication, then started again.
    waitFor(crashLog, "publish: program_gap", b, 600);
    b.destroyForcibly();
    assertTrue(b.waitFor(60, TimeUnit.SECONDS), "killed");
    assertTrue(Files.exists(crash.resolve("warehouse/_lock")), "the killed run left its lock behind");
    assertTrue(!Files.exists(crash.resolve("publish/occupation_region_gap")), "nothing half-published: the tables were still staged");

    assertEquals(0, Ops.cli(run(landing, crash)), "the restart");
    assertTrue(sparkStarts() > startsBefore, "the restart's Spark context is counted: the count of the refusal could have seen one");
    SparkSession spark = Ops.session();
    try {
      List<Row> runs = Ops.delta(spark, crash.resolve("warehouse"), "run_manifest").orderBy("started_at").collectAsList();
      assertEquals(List.of("crashed", "succeeded"), runs.stream().map(r -> (String) r.getAs("status")).toList(), "manifest");
      assertTrue((boolean) runs.get(1).getAs("recovery"), "the restart knew it was recovering");
      Ops.assertSameOutputs(spark, FirstNight.out(fixture), crash);
    } finally {
      spark.stop();
    }
    assertTrue(!Files.exists(crash.resolve("warehouse/_lock")), "lock released");
    assertTrue(!new File(crash.resolve("publish/_staging").toString()).exists(), "staging cleared");
  }
}
