package io.skillgap.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** The files of a landing folder: listing, content hash and whether the text is valid UTF-8. */
public final class LandingFiles {
  private LandingFiles() {}

  /**
   * A landing file as listed: {@code path} relative to the landing folder ("vacancies/hh_2024.csv"), which
   * identifies the file from night to night even when each night's files arrive in a folder of their own;
   * {@code location} is where it is tonight.
   */
  public record LandingFile(Source source, String path, String location, long size, long modified) {}

  /** The landing folder as Hadoop writes paths under it ("file:/data/landing"). */
  public static String root(Configuration conf, String landingRoot) {
    Path p = new Path(landingRoot);
    try {
      return p.getFileSystem(conf).makeQualified(p).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve landing folder " + landingRoot, e);
    }
  }

  /** Content facts read in one pass: SHA-256 of the bytes, and the first line that is not valid UTF-8 (0 when all is). */
  public record Content(String checksum, long firstNonUtf8Line) {}

  /** The data files under {@code <landing>/<source>/}, sorted by path; hidden files and markers are skipped. */
  public static List<LandingFile> list(Configuration conf, String landingRoot, Source source, List<String> warnings) {
    Path dir = new Path(landingRoot, source.folder());
    List<LandingFile> out = new ArrayList<>();
    String root = root(conf, landingRoot);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        if (!source.optional()) {
          warnings.add("no landing folder " + dir + ": nothing to load for it");
        }
        return out;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String name = f.getPath().getName();
        // Hidden files and markers such as _SUCCESS or .crc are not data.
        if (f.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
          String location = fs.makeQualified(f.getPath()).toString();
          out.add(new LandingFile(source, location.substring(root.length() + 1), location, f.getLen(), f.getModificationTime()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing folder " + dir, e);
    }
    out.sort((a, b) -> a.path().compareTo(b.path()));
    return out;
  }

  /** Reads the file once: its hash, and where (if anywhere) it stops being UTF-8. */
  public static Content content(Configuration conf, String path) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    long line = 1;
    long badLine = 0;
    Path p = new Path(path);
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      byte[] buf = new byte[1 << 16];
      ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 8);
      CharBuffer chars = CharBuffer.allocate(1 << 17);
      int n;
      while ((n = in.read(buf)) > 0) {
        sha.update(buf, 0, n);
        if (badLine != 0) {
          continue;
        }
        pending.put(buf, 0, n).flip();
        CoderResult r = utf8.decode(pending, chars, false);
        chars.flip();
        for (int i = 0; i < chars.length(); i++) {
          if (chars.charAt(i) == '\n') {
            line++;
          }
        }
        chars.clear();
        if (r.isError()) {
          badLine = line;
        }
        pending.compact();
      }
      if (badLine == 0) {
        pending.flip();
        if (utf8.decode(pending, chars, true).isError()) {
          badLine = line;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return new Content(HexFormat.of().formatHex(sha.digest()), badLine);
  }

  /** True when the bytes decode as UTF-8 (for tests and small checks). */
  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
