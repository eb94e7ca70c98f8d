package io.skillgap.ops;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A Spark standalone master and workers on 127.0.0.1, started from the project's own dependencies (no
 * Spark download), as docs/CLUSTER.md does by hand. The processes are this object's: {@link #close()}
 * stops them.
 */
final class StandaloneCluster implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final Path root;
  private final String classpath;
  final String masterUrl;

  private StandaloneCluster(Path root, String classpath, int port) {
    this.root = root;
    this.classpath = classpath;
    this.masterUrl = "spark://127.0.0.1:" + port;
  }

  /** Starts a master and {@code workers} workers of one core and {@code workerMemory} each, and waits until all registered. */
  static StandaloneCluster start(Path root, int workers, String workerMemory) throws Exception {
    StandaloneCluster c = new StandaloneCluster(root, String.join(File.pathSeparator, dependencies()), freePort());
    try {
      Path masterLog = root.resolve("master.log");
      c.launch(masterLog, List.of("-Dspark.master.rest.enabled=false"), "org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", c.masterUrl.substring(c.masterUrl.lastIndexOf(':') + 1), "--webui-port", String.valueOf(freePort()));
      CrashAndLockTest.waitFor(masterLog, "I have been elected leader", c.processes.get(0), 120);
      for (int i = 0; i < workers; i++) {
        Path log = root.resolve("worker" + i + ".log");
        c.launch(log, List.of(), "org.apache.spark.deploy.worker.Worker", c.masterUrl, "--host", "127.0.0.1", "--cores", "1",
            "--memory", workerMemory, "--webui-port", String.valueOf(freePort()), "--work-dir", root.resolve("work" + i).toString());
        CrashAndLockTest.waitFor(log, "Successfully registered with master", c.processes.get(c.processes.size() - 1), 120);
      }
      return c;
    } catch (Exception | AssertionError e) {
      c.close();
      throw e;
    }
  }

  /** A JVM on the dependency classpath with the flags Spark needs, in the environment a worker expects. */
  Process launch(Path log, List<String> jvmOptions, String mainClass, String... args) throws IOException {
    List<String> cmd = Ops.java("1g", root);
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", classpath, mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    // A worker builds its executors' classpath from SPARK_HOME/jars and SPARK_DIST_CLASSPATH: an empty jars
    // folder and the Maven classpath stand in for a Spark distribution.
    Path home = root.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_DIST_CLASSPATH", classpath);
    env.put("SPARK_LOCAL_DIRS", root.resolve("scratch").toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  /** Executor folders the workers made for applications (work-dir/app-id/executor-id). */
  List<Path> executorDirs() throws IOException {
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> roots = Files.list(root)) {
      for (Path work : roots.filter(p -> p.getFileName().toString().startsWith("work")).toList()) {
        try (Stream<Path> s = Files.walk(work, 2)) {
          s.filter(p -> work.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).forEach(dirs::add);
        }
      }
    }
    return dirs;
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  /** The test classpath without the project's own classes: what a Spark installation plus Delta would hold. */
  static List<String> dependencies() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(cp.split(File.pathSeparator))
        .filter(e -> !e.endsWith("classes") && !e.endsWith("classes" + File.separator)).toList();
  }

  /** The application jar, made from the compiled classes and resources (the test phase runs before packaging). */
  static Path appJar(Path classes, Path jar) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m); Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  static String tail(Path log) {
    try {
      String s = Files.readString(log, StandardCharsets.UTF_8);
      return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
