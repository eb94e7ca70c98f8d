package io.skillgap.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Atomic publication. A run writes every table and the summary into {@code <publish>/_staging/<run>};
 * only when all are complete does it switch them in, one rename per table, moving the previous table to
 * {@code <publish>/_previous}. A reader never sees a half-written table; a run that dies before the switch
 * leaves yesterday's publication untouched; the previous one stays until the next publication.
 */
public final class Publication {
  private static final Logger LOG = LogManager.getLogger(Publication.class);

  private Publication() {}

  public static String staging(String publishRoot, String runId) {
    return publishRoot + "/_staging/" + runId.replaceAll("[^A-Za-z0-9_.-]", "-");
  }

  /** Removes staging folders of runs that died before switching. */
  public static void clearStaging(Configuration conf, String publishRoot) {
    Path p = new Path(publishRoot, "_staging");
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (fs.exists(p)) {
        fs.delete(p, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + p, e);
    }
  }

  /** Switches the staged tables and files in. */
  public static void switchIn(Configuration conf, String publishRoot, String stagingDir, List<String> names) {
    try {
      Path root = new Path(publishRoot);
      FileSystem fs = root.getFileSystem(conf);
      Path previous = new Path(root, "_previous");
      if (fs.exists(previous)) {
        fs.delete(previous, true);
      }
      fs.mkdirs(previous);
      for (String name : names) {
        Path staged = new Path(stagingDir, name);
        Path live = new Path(root, name);
        if (!fs.exists(staged)) {
          throw new IllegalStateException("staged " + staged + " is missing: nothing switched after it");
        }
        if (fs.exists(live) && !fs.rename(live, new Path(previous, name))) {
          throw new IOException("cannot move " + live + " aside");
        }
        if (!fs.rename(staged, live)) {
          throw new IOException("cannot move " + staged + " to " + live);
        }
      }
      Path staged = new Path(stagingDir);
      fs.delete(staged, true);
      if (fs.exists(staged.getParent()) && fs.listStatus(staged.getParent()).length == 0) {
        fs.delete(staged.getParent(), false);
      }
      LOG.info("publish: switched in {}; the previous publication is kept in {}", names, previous);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch the publication in", e);
    }
  }

  /** Moves these outputs, where present, into {@code _previous} (after a switch that did not make them). */
  public static void retire(Configuration conf, String publishRoot, List<String> names) {
    try {
      Path root = new Path(publishRoot);
      FileSystem fs = root.getFileSystem(conf);
      for (String name : names) {
        Path live = new Path(root, name);
        if (fs.exists(live) && !fs.rename(live, new Path(new Path(root, "_previous"), name))) {
          throw new IOException("cannot move " + live + " aside");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + names + " aside", e);
    }
  }

  /** True when the publish folder has every table (a first run, or a lost folder, must publish). */
  public static boolean complete(Configuration conf, String publishRoot, List<String> names) {
    try {
      Path root = new Path(publishRoot);
      FileSystem fs = root.getFileSystem(conf);
      for (String name : names) {
        if (!fs.exists(new Path(root, name))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
