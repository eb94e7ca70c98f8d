package io.skillgap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.Publications;
import io.skillgap.SkillGap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The same jar on a real cluster: a standalone master and two one-core workers on 127.0.0.1, the
 * pipeline submitted with spark-submit in client mode, and its publication compared with the local-mode
 * sample night on the same landing files. Executors are separate JVMs that get the application classes
 * only from the submitted jar, so a closure or UDF that does not serialise, or a path only the driver
 * can see, fails here and not in local mode.
 */
class ClusterTest {

  @Test
  void thePipelineJarOnAStandaloneClusterPublishesWhatALocalRunDoes() throws Exception {
    Publications.Night local = Publications.sample();
    assertEquals(0, local.exitCode(), "local-mode sample night");
    Path root = Files.createTempDirectory(Path.of("target"), "cluster").toAbsolutePath();
    Path jar = StandaloneCluster.appJar(Path.of("target/classes"), root.resolve("skillgap-app.jar"));
    Path out = root.resolve("out");
    Path driverLog = root.resolve("driver.log");
    try (StandaloneCluster cluster = StandaloneCluster.start(root, 2, "1536m")) {
      List<String> submit = new ArrayList<>(List.of("--master", cluster.masterUrl, "--deploy-mode", "client",
          "--class", SkillGap.class.getName(), "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
          "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2",
          "--conf", "spark.ui.enabled=false", jar.toString(),
          // The arguments of the local sample night (Publications.sample), outputs elsewhere. Generated code
          // although the input is small: it is what executors run at scale, and no other test runs it there
          // (interpreted, this test takes 211 s instead of 252 s alone: docs/BENCHMARKS.md).
          "run", "--landing", local.root().resolve("landing").toString(),
          "--warehouse", out.resolve("warehouse").toString(), "--publish", out.resolve("publish").toString(),
          "--set", "run.as-of-date=2026-12-01", "--set", "run.batch-id=e2e", "--set", "spark.conf.spark.sql.shuffle.partitions=2", "--set", "run.interpreted-below=0"));
      Process driver = cluster.launch(driverLog, List.of("-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.xml").toAbsolutePath(),
          "-Dskillgap.log.dir=" + root), "org.apache.spark.deploy.SparkSubmit", submit.toArray(String[]::new));
      assertTrue(driver.waitFor(900, TimeUnit.SECONDS), "the submitted run finished within 15 minutes");
      assertEquals(0, driver.exitValue(), "exit code of the submitted run:\n" + StandaloneCluster.tail(driverLog));

      // Both workers ran an executor of the application, and both executors ran tasks.
      List<Path> executors = cluster.executorDirs();
      assertEquals(2, executors.size(), "executor folders under the workers' work dirs: " + executors);
      for (Path e : executors) {
        assertTrue(Files.readString(e.resolve("stderr")).contains("Finished task"), "tasks ran in executor " + e);
      }
    }

    SparkSession spark = Ops.session();
    try {
      Ops.assertSamePublications(spark, out, local.root());
    } finally {
      spark.stop();
    }
  }
}
