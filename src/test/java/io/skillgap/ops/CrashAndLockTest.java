package io.skillgap.ops;

import io.skillgap.run.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SkillGap;
import io.skillgap.sample.SampleGenerator;
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
 * run. The runs under test are separate JVMs, as the nightly job is.
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

  static String[] run(Path landing, Path out) {
    return new String[] {"run", "--date", "2026-12-01", "--landing", landing.toString(),
        "--warehouse", out.resolve("warehouse").toString(), "--publish", out.resolve("publish").toString()};
  }

  @Test
  void aSecondRunIsRefusedAndAKilledRunRecoversToTheSameTables() throws Exception {
    Path root = Files.createTempDirectory(Path.of("target"), "crash").toAbsolutePath();
    Path landing = root.resolve("landing");
    new SampleGenerator(9, 300, 2023, 2).write(landing);

    // The reference run and the run to be killed start together (separate warehouses, two JVMs side by side).
    Path ref = root.resolve("reference");
    Path refLog = root.resolve("reference.log");
    Process a = child(refLog, run(landing, ref));
    Path crash = root.resolve("crashed");
    Path crashLog = root.resolve("crashed.log");
    Process b = child(crashLog, run(landing, crash));

    // While the reference run holds its warehouse, another run there must not start.
    waitFor(refLog, "ingest vacancies", a, 300);
    long t0 = System.nanoTime();
    int refused = Ops.cli(run(landing, ref));
    double refusedSeconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(ExitCode.LOCKED.code(), refused, "a second run on a locked warehouse");
    assertTrue(refusedSeconds < 5, "refused at once, before Spark starts: " + refusedSeconds + " s");

    // The other night is killed (SIGKILL) while it writes the publication, then started again.
    waitFor(crashLog, "publish: program_gap", b, 600);
    b.destroyForcibly();
    assertTrue(b.waitFor(60, TimeUnit.SECONDS), "killed");
    assertTrue(Files.exists(crash.resolve("warehouse/_lock")), "the killed run left its lock behind");
    assertTrue(!Files.exists(crash.resolve("publish/occupation_region_gap")), "nothing half-published: the tables were still staged");
    assertTrue(a.waitFor(600, TimeUnit.SECONDS), "reference run finished");
    assertEquals(0, a.exitValue(), "reference run exit code:\n" + Files.readString(refLog, StandardCharsets.UTF_8));

    assertEquals(0, Ops.cli(run(landing, crash)), "the restart");
    SparkSession spark = Ops.session();
    try {
      List<Row> runs = Ops.delta(spark, crash.resolve("warehouse"), "run_manifest").orderBy("started_at").collectAsList();
      assertEquals(List.of("crashed", "succeeded"), runs.stream().map(r -> (String) r.getAs("status")).toList(), "manifest");
      assertTrue((boolean) runs.get(1).getAs("recovery"), "the restart knew it was recovering");
      Ops.assertSameOutputs(spark, ref, crash);
    } finally {
      spark.stop();
    }
    assertTrue(!Files.exists(crash.resolve("warehouse/_lock")), "lock released");
    assertTrue(!new File(crash.resolve("publish/_staging").toString()).exists(), "staging cleared");
  }
}
