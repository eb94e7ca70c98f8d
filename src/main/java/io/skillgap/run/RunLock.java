package io.skillgap.run;

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
import io.skillgap.ingest.Text;

/**
 * One run at a time per warehouse: a lock file created only if absent. A second run exits at once; a
 * lock left by a run that died (same machine, process gone, e.g. after kill -9) is taken over, and the
 * run then knows it is recovering. The take-over is atomic too: the runs that find the same dead holder
 * race to create one take-over file named after that holder, and only the one that creates it replaces
 * the lock; the others exit as if the lock were held (it is, a moment later).
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
      String me = holderLine(what);
      if (tryCreate(fs, path, me)) {
        return new RunLock(fs, path, false);
      }
      String holder = read(fs, path);
      if (holder.isEmpty() && !fs.exists(path)) {
        // Released between our attempt and our look: try once more, as a fresh start.
        if (tryCreate(fs, path, me)) {
          return new RunLock(fs, path, false);
        }
        holder = read(fs, path);
      }
      if (!isDead(holder)) {
        throw new LockedException("another skillgap run holds " + path + " (" + Text.quote(holder.strip()) + "); this one exits."
            + " If no run is active, delete that file.");
      }
      // Only the run that creates the take-over file of this dead holder may replace the lock.
      Path takeover = new Path(warehouse, "_lock.takeover-" + digest(holder));
      if (!tryCreate(fs, takeover, me)) {
        String other = read(fs, takeover);
        if (!isDead(other) || other.isEmpty()) {
          throw new LockedException("another skillgap run is taking over the stale lock " + path + "; this one exits.");
        }
        // The run that was taking over died as well: its take-over file is the stale holder now.
        fs.delete(takeover, false);
        if (!tryCreate(fs, takeover, me)) {
          throw new LockedException("another skillgap run is taking over the stale lock " + path + "; this one exits.");
        }
      }
      try {
        LOG.warn("the run that held {} is gone ({}): taking the lock over and recovering", path, Text.quote(holder.strip()));
        if (!holder.equals(read(fs, path)) || !replace(fs, path, me)) {
          throw new LockedException("could not take the lock " + path + " (another run took it meanwhile)");
        }
        return new RunLock(fs, path, true);
      } finally {
        fs.delete(takeover, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the lock " + path, e);
    }
  }

  /**
   * Puts our line in place of the dead holder's. Only the run owning the take-over file gets here, and the
   * lock file exists throughout, so no plain start can slip in: on a local disk a rename over it, which is
   * atomic; elsewhere a delete and a create-if-absent.
   */
  private static boolean replace(FileSystem fs, Path path, String line) throws IOException {
    if ("file".equals(fs.getUri().getScheme())) {
      java.nio.file.Path target = java.nio.file.Path.of(fs.makeQualified(path).toUri());
      java.nio.file.Path aside = java.nio.file.Files.createTempFile(target.getParent(), ".lock-", ".tmp");
      java.nio.file.Files.writeString(aside, line, StandardCharsets.UTF_8);
      java.nio.file.Files.move(aside, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return true;
    }
    fs.delete(path, false);
    return tryCreate(fs, path, line);
  }

  private static String holderLine(String what) {
    return "pid=" + ProcessHandle.current().pid() + " host=" + host() + " started=" + Instant.now() + " command=" + what
        + " token=" + java.util.UUID.randomUUID() + "\n";
  }

  private static String digest(String text) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates the file with the holder line only if it does not exist. On a local disk Hadoop's create checks
   * and then creates (two runs can both pass the check), so there the line is written aside and hard-linked
   * into place, which the operating system does atomically and refuses when the name exists.
   */
  private static boolean tryCreate(FileSystem fs, Path path, String line) throws IOException {
    if ("file".equals(fs.getUri().getScheme())) {
      java.nio.file.Path target = java.nio.file.Path.of(fs.makeQualified(path).toUri());
      java.nio.file.Path aside = java.nio.file.Files.createTempFile(target.getParent(), ".lock-", ".tmp");
      try {
        java.nio.file.Files.writeString(aside, line, StandardCharsets.UTF_8);
        java.nio.file.Files.createLink(target, aside);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      } finally {
        java.nio.file.Files.deleteIfExists(aside);
      }
    }
    try (OutputStream out = fs.create(path, false)) {
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
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false; // a lock file someone edited: not presumed dead, the message says to delete it
    }
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
