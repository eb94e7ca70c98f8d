package io.skillgap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeCsvTest {
  @Test
  void textAFormulaCouldStartWithIsDefused() {
    for (String s : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1")) {
      assertEquals("'" + s, SafeCsv.text(s), "defused: " + s);
    }
    assertEquals("Инженер = мастер", SafeCsv.text("Инженер = мастер"), "a sign inside the text is harmless");
    assertEquals(-5.0, SafeCsv.cell(-5.0), "a negative number stays a number");
    assertEquals("", SafeCsv.text(""), "empty");
  }
}
