package io.skillgap.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SkillGap;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skillgap classify}: a CSV of titles in, the same rows with their coding out, nothing lost or run as a formula. */
class TitleFileTest {
  private static TitleClassifier classifier;

  @BeforeAll
  static void build() {
    classifier = Reference.classifier(new org.apache.hadoop.conf.Configuration(), SkillgapConfig.load(null, Map.of()).reference());
  }

  @Test
  void everyRowComesOutInOrderWithItsColumnsAndItsCoding() throws IOException {
    String in = "id,title,role_id\n"
        + "1,Геолог,28\n"          // a term (2114) that role 28 agrees with
        + "2,=1+1,\n"              // a formula: no words of a job, and written so no spreadsheet runs it
        + "3,,\n"                  // no title: uncoded, still written
        + "4,Специалист,40\n";     // a generic word and a role without a code: nothing to go on
    StringWriter out = new StringWriter();
    TitleFile.Summary s = TitleFile.code(classifier, new StringReader(in), out, false);
    List<String> lines = out.toString().lines().toList();
    assertEquals("id,title,role_id,isco_code,isco_level,method,confidence", lines.get(0), "header");
    assertTrue(lines.get(1).startsWith("1,Геолог,28,2114,4,title+role,"), "the geologist: " + lines.get(1));
    assertEquals("2,'=1+1,,,,none,", lines.get(2), "the formula, neutralised and uncoded");
    assertEquals("3,,,,,none,", lines.get(3), "the empty title");
    assertEquals("4,Специалист,40,,,none,", lines.get(4), "the generic title");
    assertEquals(5, lines.size(), "a header and the four rows");
    assertEquals(4, s.rows(), "rows read");
    assertEquals(List.of(3L, 0L, 0L, 0L, 1L), java.util.Arrays.stream(s.byLevel()).boxed().toList(), "rows by level coded");
  }

  @Test
  void aFileWithoutATitleColumnIsRefusedWithItsHeader() {
    TitleFile.BadInputException e = assertThrows(TitleFile.BadInputException.class,
        () -> TitleFile.code(classifier, new StringReader("name;role\nГеолог;28\n"), new StringWriter(), false));
    assertTrue(e.getMessage().contains("no 'title' column") && e.getMessage().contains("name;role"), e.getMessage());
  }

  @Test
  void theCommandWritesTheFileWholeOrNotAtAll(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("titles.csv");
    // A spreadsheet's UTF-8 byte-order mark before the header.
    Files.writeString(good, "\uFEFFtitle\nPython Developer\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("coded.csv");
    assertEquals(0, SkillGap.commandLine().execute("classify", "--input", good.toString(), "--output", out.toString(), "--evidence"),
        "exit code on a good file");
    List<String> lines = Files.readAllLines(out);
    assertEquals("title,isco_code,isco_level,method,confidence,evidence", lines.get(0), "header with evidence");
    assertTrue(lines.get(1).startsWith("Python Developer,2512,4,title,"), lines.get(1));

    // Latin-1 bytes for "é" (0xE9) in the second record are not UTF-8: exit 2, and no output left behind.
    Path bad = dir.resolve("latin1.csv");
    Files.write(bad, new byte[] {'t', 'i', 't', 'l', 'e', '\n', 'C', 'h', 'e', 'f', '\n', 'C', 'a', 'f', (byte) 0xE9, '\n'});
    Path badOut = dir.resolve("bad-coded.csv");
    assertEquals(2, SkillGap.commandLine().execute("classify", "--input", bad.toString(), "--output", badOut.toString()),
        "exit code on a file that is not UTF-8");
    assertFalse(Files.exists(badOut), "no output for a refused file");
    assertFalse(Files.exists(dir.resolve("bad-coded.csv.partial")), "no partial file left");
    assertEquals(2, SkillGap.commandLine().execute("classify", "--input", dir.resolve("missing.csv").toString()), "a missing file");
  }
}
