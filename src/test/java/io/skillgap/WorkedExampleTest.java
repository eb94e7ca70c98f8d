package io.skillgap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * docs/METHODOLOGY.md and the published tables agree: the pipeline runs on the worked example's fixture
 * and every number of the document's example tables (computed independently by docs/worked_example.py)
 * is found in the published occupation_region_gap.
 */
class WorkedExampleTest {
  @Test
  void theDocumentsWorkedExampleIsWhatThePipelinePublishes() throws IOException {
    Publications.Night night = Publications.worked();
    Path out = night.root();
    int code = night.exitCode();
    assertEquals(0, code, "exit code of run");

    String doc = Files.readString(Path.of("docs/METHODOLOGY.md"), StandardCharsets.UTF_8);
    List<Map<String, String>> expected = new ArrayList<>(table(doc, "indicators"));
    List<Map<String, String>> scores = table(doc, "scores");
    assertEquals(4, expected.size(), "four occupations in the example");
    SparkSession spark = TestSessions.session();
    try {
      spark.read().parquet(out.resolve("publish/occupation_region_gap").toString()).createOrReplaceTempView("gap");
      int checked = 0;
      for (int i = 0; i < expected.size(); i++) {
        Map<String, String> row = new LinkedHashMap<>(expected.get(i));
        row.putAll(scores.get(i));
        Row actual = spark.sql("select * from gap where year = 2024 and isco_code = '" + row.get("isco_code") + "'").first();
        for (Map.Entry<String, String> e : row.entrySet()) {
          Object value = actual.get(actual.fieldIndex(e.getKey()));
          String context = row.get("isco_code") + " " + e.getKey();
          if (e.getValue().isEmpty()) {
            assertEquals(null, value, context);
          } else if (value instanceof Number n) {
            assertEquals(Double.parseDouble(e.getValue()), n.doubleValue(), 5e-5, context);
          } else {
            assertEquals(e.getValue(), String.valueOf(value), context);
          }
          checked++;
        }
      }
      assertTrue(checked >= 4 * 23, "every cell of both tables compared: " + checked);
    } finally {
      spark.stop();
    }
  }

  /** The markdown table between the worked-example markers, as rows of column name to text. */
  static List<Map<String, String>> table(String doc, String name) {
    String begin = "<!-- worked-example:" + name + ":begin -->";
    String end = "<!-- worked-example:" + name + ":end -->";
    int from = doc.indexOf(begin);
    int to = doc.indexOf(end);
    assertTrue(from >= 0 && to > from, "METHODOLOGY.md has the " + name + " table between its markers");
    List<String> lines = doc.substring(from + begin.length(), to).strip().lines().toList();
    List<String> header = cells(lines.get(0));
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      List<String> c = cells(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), c.get(i));
      }
      out.add(row);
    }
    return out;
  }

  private static List<String> cells(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.length() - 1);
    List<String> out = new ArrayList<>();
    for (String c : inner.split("\\|", -1)) {
      out.add(c.strip());
    }
    return out;
  }
}
