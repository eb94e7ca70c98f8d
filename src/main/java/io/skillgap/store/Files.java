package io.skillgap.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Small text files (run reports, the published summary) through Hadoop's file systems, so s3a:// works too. */
public final class Files {
  private Files() {}

  public static void writeText(Configuration conf, String path, String text) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(conf);
      try (OutputStream out = fs.create(p, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** The file's text, or null when it does not exist. */
  public static String readText(Configuration conf, String path) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) {
        return null;
      }
      try (InputStream in = fs.open(p)) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The names of the files in a folder (not hidden ones), none when it does not exist. */
  public static java.util.List<String> list(Configuration conf, String dir) {
    Path p = new Path(dir);
    java.util.List<String> out = new java.util.ArrayList<>();
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (fs.exists(p)) {
        for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(p)) {
          if (s.isFile() && !s.getPath().getName().startsWith(".")) {
            out.add(s.getPath().getName());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    java.util.Collections.sort(out);
    return out;
  }

  /** Removes a file (nothing when it does not exist). */
  public static void delete(Configuration conf, String path) {
    Path p = new Path(path);
    try {
      p.getFileSystem(conf).delete(p, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + path, e);
    }
  }
}
