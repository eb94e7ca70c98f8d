package io.skillgap.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files of a landing folder, listed exactly: each by its name as written (a location URI, so "+",
 * "%", ":" or spaces in a name are never decoded into another file), symbolic links refused unless a
 * setting allows those that stay inside the landing folder, and files still being written held back
 * until they have stopped changing.
 */
public final class LandingFiles {
  private LandingFiles() {}

  /**
   * A landing file as listed: {@code path} relative to the landing folder ("vacancies/hh_2024.csv"), which
   * identifies the file from night to night even when each night's files arrive in a folder of their own;
   * {@code location} is where it is tonight, as a URI.
   */
  public record LandingFile(LandingSource source, String path, String location, long size, long modified) {}

  /** A listed entry that is not loaded, and why (SYMLINK). */
  public record Refused(LandingSource source, String path, String reason, String detail) {}

  /** What a listing found. */
  public record Listing(List<LandingFile> files, List<Refused> refused) {}

  /** The data files under {@code <landing>/<source>/}, sorted by path; hidden files and markers are skipped. */
  public static Listing list(Configuration conf, String landingRoot, LandingSource source, boolean followSymlinks, List<String> warnings) {
    Path dir = new Path(landingRoot, source.folder());
    List<LandingFile> out = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        if (!source.optional()) {
          warnings.add("no landing folder " + dir + ": nothing to load for it");
        }
        return new Listing(out, refused);
      }
      if ("file".equals(fs.getUri().getScheme())) {
        listLocal(java.nio.file.Path.of(fs.makeQualified(new Path(landingRoot)).toUri()), source, followSymlinks, out, refused);
      } else {
        String root = fs.makeQualified(new Path(landingRoot)).toUri().getPath();
        listRemote(fs, dir, root, source, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing folder " + dir, e);
    }
    out.sort((a, b) -> a.path().compareTo(b.path()));
    return new Listing(out, refused);
  }

  /** Hidden files and markers such as _SUCCESS or .crc are not data. */
  static boolean isData(String name) {
    return !name.startsWith(".") && !name.startsWith("_");
  }

  /** A local landing folder, walked without following links: a link is looked at, not silently entered. */
  private static void listLocal(java.nio.file.Path root, LandingSource source, boolean followSymlinks, List<LandingFile> out,
      List<Refused> refused) throws IOException {
    java.nio.file.Path realRoot = root.toRealPath();
    java.nio.file.Path dir = root.resolve(source.folder());
    if (Files.isSymbolicLink(dir)) {
      refused.add(new Refused(source, source.folder(), "SYMLINK", "the source folder is a symbolic link: not followed"));
      return;
    }
    Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult preVisitDirectory(java.nio.file.Path d, BasicFileAttributes a) {
        return d.equals(dir) || isData(d.getFileName().toString())
            ? java.nio.file.FileVisitResult.CONTINUE : java.nio.file.FileVisitResult.SKIP_SUBTREE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFile(java.nio.file.Path f, BasicFileAttributes a) throws IOException {
        String name = f.getFileName().toString();
        String rel = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        if (!isData(name)) {
          return java.nio.file.FileVisitResult.CONTINUE;
        }
        if (a.isSymbolicLink()) {
          java.nio.file.Path target;
          try {
            target = f.toRealPath();
          } catch (IOException e) {
            refused.add(new Refused(source, rel, "SYMLINK", "a symbolic link to a missing target: not followed"));
            return java.nio.file.FileVisitResult.CONTINUE;
          }
          boolean inside = target.startsWith(realRoot);
          if (!followSymlinks || !inside || !Files.isRegularFile(target)) {
            refused.add(new Refused(source, rel, "SYMLINK", "a symbolic link to " + Text.quote(target.toString()) + ": not followed ("
                + (followSymlinks ? "only links to files inside the landing folder are" : "ingest.follow-symlinks is off") + ")"));
            return java.nio.file.FileVisitResult.CONTINUE;
          }
          BasicFileAttributes t = Files.readAttributes(target, BasicFileAttributes.class);
          out.add(new LandingFile(source, rel, target.toUri().toString(), t.size(), t.lastModifiedTime().toMillis()));
        } else if (a.isRegularFile()) {
          out.add(new LandingFile(source, rel, f.toUri().toString(), a.size(), a.lastModifiedTime().toMillis()));
        }
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
  }

  /** Object stores and HDFS: no links to follow; names as the file system gives them. */
  private static void listRemote(FileSystem fs, Path dir, String root, LandingSource source, List<LandingFile> out) throws IOException {
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (!isData(name)) {
        continue;
      }
      if (f.isDirectory()) {
        listRemote(fs, f.getPath(), root, source, out);
      } else if (f.isFile()) {
        String path = f.getPath().toUri().getPath();
        out.add(new LandingFile(source, path.substring(root.length() + (root.endsWith("/") ? 0 : 1)), f.getPath().toUri().toString(),
            f.getLen(), f.getModificationTime()));
      }
    }
  }

  /** A file's size and modification time as the listing sees them (local files without Hadoop's wrapper). */
  private static long[] sizeAndTime(Configuration conf, String location) throws IOException {
    java.nio.file.Path local = FileRecords.local(location);
    if (local != null) {
      BasicFileAttributes a = Files.readAttributes(local, BasicFileAttributes.class);
      return new long[] {a.size(), a.lastModifiedTime().toMillis()};
    }
    Path p = FileRecords.path(location);
    FileStatus s = p.getFileSystem(conf).getFileStatus(p);
    return new long[] {s.getLen(), s.getModificationTime()};
  }

  /**
   * The files that have stopped changing: when any was modified within the last {@code settleMillis}, the
   * listing waits that long once and looks again; a file whose size or modification time moved meanwhile
   * is still being written and waits for the next night. Returns the settled files; the others go to
   * {@code changing}.
   */
  public static List<LandingFile> settled(Configuration conf, List<LandingFile> files, long settleMillis, List<LandingFile> changing) {
    long now = System.currentTimeMillis();
    if (settleMillis <= 0 || files.stream().noneMatch(f -> f.modified() > now - settleMillis)) {
      return files;
    }
    try {
      Thread.sleep(settleMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for landing files to settle", e);
    }
    List<LandingFile> out = new ArrayList<>();
    for (LandingFile f : files) {
      if (f.modified() <= now - settleMillis) {
        out.add(f);
        continue;
      }
      try {
        long[] now2 = sizeAndTime(conf, f.location());
        if (now2[0] == f.size() && now2[1] == f.modified()) {
          out.add(f);
        } else {
          changing.add(f);
        }
      } catch (IOException e) {
        changing.add(f); // gone meanwhile: it was being moved or replaced
      }
    }
    return out;
  }
}
