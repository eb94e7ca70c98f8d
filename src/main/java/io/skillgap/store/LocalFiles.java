package io.skillgap.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FSLinkResolver;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system without child processes. Without Hadoop's native library (not on Maven
 * Central), the stock one starts a {@code chmod} process for every file and folder it creates and a
 * {@code readlink} process for every status of a link a rename asks for: several hundred processes a
 * night. These classes do both with java.nio and inherit everything else. {@link #install()} registers them
 * for {@code file:} in both of Hadoop's file system APIs, so Spark, Parquet and Delta's log store all use
 * them.
 */
public final class LocalFiles {
  private LocalFiles() {}

  /**
   * Adds local-files.xml to Hadoop's default resources: every Configuration, made before or after, then
   * names these classes for {@code file:}, unless the site configuration names its own. Call it before the
   * first local file system is made (Hadoop caches file systems per scheme); a JVM where one was made
   * earlier keeps Hadoop's, which is slower, not wrong.
   */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    // A site configuration (core-site.xml) that names its own classes for file: keeps them.
    Configuration site = new Configuration();
    if (site.get("fs.file.impl") == null && LOCAL_FS.equals(site.get("fs.AbstractFileSystem.file.impl", LOCAL_FS))) {
      Configuration.addDefaultResource("io/skillgap/store/local-files.xml");
    }
  }

  private static final String LOCAL_FS = "org.apache.hadoop.fs.local.LocalFs";
  private static boolean installed;

  /** The raw local file system with permission changes and link lookups in-process. */
  public static class Raw extends RawLocalFileSystem {
    /**
     * As {@code chmod} with Hadoop's four octal digits: the permission bits and the sticky bit are set, and a
     * folder keeps its set-user-ID and set-group-ID bits (GNU chmod keeps them; a group-shared warehouse
     * relies on set-group-ID folders).
     */
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      java.nio.file.Path path = pathToFile(p).toPath();
      try {
        int keep = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? (Integer) Files.getAttribute(path, "unix:mode") & 06000 : 0;
        Files.setAttribute(path, "unix:mode", (permission.toShort() & 01777) | keep);
      } catch (NoSuchFileException e) {
        throw notFound(p);
      }
    }

    /** The status of the path itself: for a symbolic link, the link (its target in {@code getSymlink}), not the file. */
    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      java.nio.file.Path p = pathToFile(f).toPath();
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        throw notFound(f);
      }
      if (!a.isSymbolicLink()) {
        return getFileStatus(f);
      }
      // As Hadoop's: the target qualified against the link's folder.
      Path target = FSLinkResolver.qualifySymlinkTarget(getUri(), makeQualified(f), getLinkTarget(f));
      return new FileStatus(0, false, 0, 0, a.lastModifiedTime().toMillis(), a.lastAccessTime().toMillis(), null, null, null,
          target, makeQualified(f));
    }

    /** The target of a symbolic link as written in the link (FileContext asks for it after the status). */
    @Override
    public Path getLinkTarget(Path f) throws IOException {
      try {
        return new Path(Files.readSymbolicLink(pathToFile(f).toPath()).toString());
      } catch (NoSuchFileException e) {
        throw notFound(f);
      } catch (NotLinkException e) {
        throw new IOException("Path " + f + " is not a symbolic link");
      }
    }
  }

  /** Hadoop's own exception and message for a missing path. */
  private static FileNotFoundException notFound(Path p) {
    return new FileNotFoundException("File " + p + " does not exist");
  }

  /** {@code fs.file.impl}: the checksummed local file system over {@link Raw}. */
  public static class Checksummed extends LocalFileSystem {
    public Checksummed() {
      super(new Raw());
    }
  }

  /** {@code fs.AbstractFileSystem.file.impl} (FileContext, which Delta's log store uses): checksummed over {@link Raw}. */
  public static class Fs extends ChecksumFs {
    public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new Delegate(uri, conf));
    }
  }

  /** What Hadoop's RawLocalFs is (its constructors are not public), over {@link Raw}. */
  static class Delegate extends DelegateToFileSystem {
    Delegate(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new Raw(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    public FsServerDefaults getServerDefaults(Path f) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }
}
