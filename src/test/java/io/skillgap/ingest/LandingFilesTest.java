package io.skillgap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.conform.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the landing folder: names taken exactly, links not followed silently, files still being written held back. */
class LandingFilesTest {
  final Configuration conf = new Configuration();
  @TempDir Path root;

  LandingFiles.Listing list(boolean follow) {
    return LandingFiles.list(conf, root.resolve("landing").toString(), Source.VACANCIES, follow, new ArrayList<>());
  }

  @Test
  void anyLegalFileNameIsListedAndOpenedAsItself() throws IOException {
    Path v = Files.createDirectories(root.resolve("landing/vacancies"));
    List<String> names = List.of("a+b.csv", "100% real.csv", "night 1:2.csv", "#hash?.csv", "тест.csv");
    for (String n : names) {
      Files.writeString(v.resolve(n), "x," + n + "\n");
    }
    List<LandingFiles.LandingFile> files = list(false).files();
    assertEquals(names.stream().map(n -> "vacancies/" + n).sorted().toList(), files.stream().map(LandingFiles.LandingFile::path).toList(),
        "paths as written");
    for (LandingFiles.LandingFile f : files) {
      // The location opens the very file (no '+' read as a space, no '%' decoded).
      try (var in = FileRecords.openRaw(conf, f.location())) {
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("x," + f.path().substring("vacancies/".length()) + "\n", text, "content of " + f.path());
      }
    }
  }

  @Test
  void symbolicLinksAreRefusedUnlessAllowedAndInside() throws IOException {
    Path v = Files.createDirectories(root.resolve("landing/vacancies"));
    Path outside = Files.createDirectories(root.resolve("elsewhere"));
    Files.writeString(outside.resolve("secret.csv"), "x\n");
    Files.writeString(v.resolve("real.csv"), "x\n");
    Files.createSymbolicLink(v.resolve("to_file.csv"), outside.resolve("secret.csv"));
    Files.createSymbolicLink(v.resolve("to_folder"), outside);
    Files.createSymbolicLink(v.resolve("inside.csv"), v.resolve("real.csv"));

    LandingFiles.Listing off = list(false);
    assertEquals(List.of("vacancies/real.csv"), off.files().stream().map(LandingFiles.LandingFile::path).toList(), "followed nothing");
    assertEquals(List.of("vacancies/inside.csv", "vacancies/to_file.csv", "vacancies/to_folder"),
        off.refused().stream().map(LandingFiles.Refused::path).sorted().toList(), "every link refused and named");
    assertTrue(off.refused().stream().allMatch(r -> r.reason().equals("SYMLINK")), off.refused().toString());

    LandingFiles.Listing on = list(true);
    assertEquals(List.of("vacancies/inside.csv", "vacancies/real.csv"), on.files().stream().map(LandingFiles.LandingFile::path).toList(),
        "a link to a file inside the landing folder is followed when allowed");
    assertEquals(List.of("vacancies/to_file.csv", "vacancies/to_folder"), on.refused().stream().map(LandingFiles.Refused::path).sorted().toList(),
        "links that leave it are not");
  }

  @Test
  void aFileStillBeingWrittenWaitsForTheNextNight() throws Exception {
    Path v = Files.createDirectories(root.resolve("landing/vacancies"));
    Path growing = v.resolve("growing.csv");
    Path done = v.resolve("done.csv");
    Files.writeString(done, "x\n");
    Files.setLastModifiedTime(done, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    Files.writeString(growing, "x\n");
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.APPEND)) {
        for (int i = 0; i < 15; i++) {
          Thread.sleep(100);
          out.write("more\n".getBytes());
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    List<LandingFiles.LandingFile> changing = new ArrayList<>();
    List<LandingFiles.LandingFile> settled = LandingFiles.settled(conf, list(false).files(), 700, changing);
    writer.join();
    assertEquals(List.of("vacancies/done.csv"), settled.stream().map(LandingFiles.LandingFile::path).toList(), "settled");
    assertEquals(List.of("vacancies/growing.csv"), changing.stream().map(LandingFiles.LandingFile::path).toList(), "still being written");
  }
}
