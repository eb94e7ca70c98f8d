package io.skillgap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file system without child processes does what Hadoop's does for permissions, links and renames. */
class LocalFilesTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void bothHadoopApisUseItForFileUrisOnceInstalled() throws Exception {
    LocalFiles.install();
    Configuration conf = new Configuration();
    // Not cached: a file system another test class made in this JVM before install() would be Hadoop's.
    conf.setBoolean("fs.file.impl.disable.cache", true);
    FileSystem fs = FileSystem.get(dir.toUri(), conf);
    assertInstanceOf(LocalFiles.Checksummed.class, fs, "fs.file.impl from local-files.xml");
    assertInstanceOf(LocalFiles.Raw.class, ((LocalFiles.Checksummed) fs).getRawFileSystem(), "under the checksums");
    FileContext fc = FileContext.getFileContext(dir.toUri(), conf);
    assertInstanceOf(LocalFiles.Fs.class, fc.getDefaultFileSystem(), "fs.AbstractFileSystem.file.impl from local-files.xml");
  }

  @Test
  void permissionsAreSetAsChmodWould() throws Exception {
    LocalFiles.Checksummed fs = new LocalFiles.Checksummed();
    fs.initialize(dir.toUri(), new Configuration());
    Path folder = new Path(dir.resolve("a/b").toUri());
    // 0750 and 0640 written out: rwxr-x--- and rw-r-----.
    assertTrue(fs.mkdirs(folder, new FsPermission((short) 0750)), "mkdirs");
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))), "folder");
    Path file = new Path(folder, "f.txt");
    fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null).close();
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/f.txt"))), "file");
    assertThrows(FileNotFoundException.class, () -> fs.setPermission(new Path(folder, "missing"), new FsPermission((short) 0644)));
    // As GNU chmod with four digits: a folder keeps its set-group-ID bit (02000), the sticky bit (01000) is set.
    Files.setAttribute(dir.resolve("a/b"), "unix:mode", 02770);
    fs.setPermission(folder, new FsPermission((short) 01755));
    assertEquals(03755, (Integer) Files.getAttribute(dir.resolve("a/b"), "unix:mode") & 07777, "set-group-ID kept, sticky set");
  }

  @Test
  void aLinkIsReportedAsALinkAndAFileAsAFile() throws Exception {
    Files.writeString(dir.resolve("target.txt"), "x");
    Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("target.txt"));
    LocalFiles.Raw raw = new LocalFiles.Raw();
    raw.initialize(dir.toUri(), new Configuration());
    FileStatus link = raw.getFileLinkStatus(new Path(dir.resolve("link.txt").toUri()));
    assertTrue(link.isSymlink(), "link");
    assertEquals(dir.resolve("target.txt").toString(), link.getSymlink().toUri().getPath(), "link target");
    FileStatus file = raw.getFileLinkStatus(new Path(dir.resolve("target.txt").toUri()));
    assertFalse(file.isSymlink(), "plain file");
    assertEquals(1, file.getLen(), "its length");
    assertThrows(FileNotFoundException.class, () -> raw.getFileLinkStatus(new Path(dir.resolve("none").toUri())));
    // A relative target is qualified against the link's folder, as Hadoop's own does; the raw target stays as written.
    Files.createSymbolicLink(dir.resolve("relative.txt"), java.nio.file.Path.of("target.txt"));
    Path relative = new Path(dir.resolve("relative.txt").toUri());
    assertEquals(new Path(dir.resolve("target.txt").toUri()), raw.getFileLinkStatus(relative).getSymlink(), "qualified target");
    assertEquals(new Path("target.txt"), raw.getLinkTarget(relative), "target as written");
    assertThrows(java.io.IOException.class, () -> raw.getLinkTarget(new Path(dir.resolve("target.txt").toUri())), "not a link");
  }

  @Test
  void fileContextRenamesWithoutOverwriteAsDeltaCommitsDo() throws Exception {
    LocalFiles.install();
    FileContext fc = FileContext.getFileContext(dir.toUri(), new Configuration());
    assertInstanceOf(LocalFiles.Fs.class, fc.getDefaultFileSystem(), "the file context under test");
    Path tmp = new Path(dir.resolve(".00001.json.tmp").toUri());
    try (var out = fc.create(tmp, EnumSet.of(CreateFlag.CREATE), Options.CreateOpts.createParent())) {
      out.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    Path committed = new Path(dir.resolve("00001.json").toUri());
    fc.rename(tmp, committed, Options.Rename.NONE);
    assertEquals("{}", Files.readString(dir.resolve("00001.json")), "renamed");
    // A second writer of the same version must fail, not overwrite: Delta's mutual exclusion rests on it.
    Path other = new Path(dir.resolve(".other.tmp").toUri());
    fc.create(other, EnumSet.of(CreateFlag.CREATE)).close();
    assertThrows(FileAlreadyExistsException.class, () -> fc.rename(other, committed, Options.Rename.NONE));
    // Nor over a symbolic link (FileContext asks for the link's status and target).
    Files.createSymbolicLink(dir.resolve("00002.json"), dir.resolve("00001.json"));
    assertThrows(FileAlreadyExistsException.class, () -> fc.rename(other, new Path(dir.resolve("00002.json").toUri()), Options.Rename.NONE));
    assertTrue(Files.isSymbolicLink(dir.resolve("00002.json")), "the link is still there");
  }
}
