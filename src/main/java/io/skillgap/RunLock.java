package io.skillgap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One run at a time per warehouse: a lock file created only if absent. A second run exits at once; a
 * lock left by a run that died (same machine, process gone, e.g. after kill -9) is taken over, and the
 * run then knows it is recovering.
 */
public final class RunLock implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(RunLock.class);

  /** Another run holds the lock. */
  public static final class LockedException extends RuntimeException {
    public LockedException(String message) {
      super(message);
    }
  }

  private final FileSystem fs;
  private final Path path;
  private final boolean tookOverStale;

  private RunLock(FileSystem fs, Path path, boolean tookOverStale) {
    this.fs = fs;
    this.path = path;
    this.tookOverStale = tookOverStale;
  }

  /** True when the previous holder died without releasing the lock. */
  public boolean tookOverStale() {
    return tookOverStale;
  }

  public static RunLock acquire(Configuration conf, String warehouse, String what) {
    Path path = new Path(warehouse, "_lock");
    try {
      FileSystem fs = path.getFileSystem(conf);
      fs.mkdirs(path.getParent());
      boolean stale = false;
      for (int attempt = 0; attempt < 2; attempt++) {
        if (tryCreate(fs, path, what)) {
          return new RunLock(fs, path, stale);
        }
        String holder = read(fs, path);
        if (!isDead(holder)) {
          throw new LockedException("another skillgap run holds " + path + " (" + holder.strip() + "); this one exits."
              + " If no run is active, delete that file.");
        }
        LOG.warn("the run that held {} is gone ({}): taking the lock over and recovering", path, holder.strip());
        fs.delete(path, false);
        stale = true;
      }
      throw new LockedException("could not take the lock " + path + " (another run took it meanwhile)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the lock " + path, e);
    }
  }

  private static boolean tryCreate(FileSystem fs, Path path, String what) throws IOException {
    try (OutputStream out = fs.create(path, false)) {
      String line = "pid=" + ProcessHandle.current().pid() + " host=" + host() + " started=" + Instant.now() + " command=" + what + "\n";
      out.write(line.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  private static String read(FileSystem fs, Path path) throws IOException {
    try (var in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.FileNotFoundException e) {
      return "";
    }
  }

  /** A holder on this machine whose process no longer exists; a holder elsewhere is never presumed dead. */
  static boolean isDead(String holder) {
    String pid = field(holder, "pid");
    String host = field(holder, "host");
    if (pid == null || host == null || !host.equals(host())) {
      return holder.isBlank();
    }
    return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
  }

  private static String field(String holder, String name) {
    for (String part : holder.strip().split(" ")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** The machine's name without a DNS lookup (name resolution is unreliable on some machines). */
  static String host() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | RuntimeException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown-host" : env.strip();
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      LOG.warn("could not remove the lock {}: {}", path, e.toString());
    }
  }
}
