package io.skillgap.classify;

import io.skillgap.classify.TitleClassifier.Coding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision and coverage of the classifier on a hand-labelled set (title;role_id;isco_code, an empty
 * code meaning "should stay uncoded"), per ISCO-08 major group of the label.
 */
final class ClassifierEvaluation {
  private ClassifierEvaluation() {}

  record Result(int labelled, int coded, int correct, int correctMajor, int abstainLabels, int abstainedRight, String table,
      List<String> misses) {
    double precision() {
      return coded == 0 ? 0 : (double) correct / coded;
    }

    double coverage() {
      return labelled == 0 ? 0 : (double) coded / labelled;
    }
  }

  static Result run(TitleClassifier c, Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, int[]> byMajor = new TreeMap<>(); // labelled, coded, correct unit, correct major
    Map<String, Integer> byMethod = new TreeMap<>();
    int labelled = 0;
    int coded = 0;
    int correct = 0;
    int correctMajor = 0;
    int abstainLabels = 0;
    int abstainedRight = 0;
    List<String> misses = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(";", -1);
      Coding got = c.classify(f[0], f[1].isBlank() ? List.of() : List.of(f[1]));
      byMethod.merge(got.method(), 1, Integer::sum);
      if (f[2].isBlank()) {
        abstainLabels++;
        if (got.isco() == null) {
          abstainedRight++;
        } else {
          misses.add(f[0] + ": expected none, got " + got.isco() + " (" + got.method() + ")");
        }
        continue;
      }
      labelled++;
      int[] m = byMajor.computeIfAbsent(f[2].substring(0, 1), k -> new int[4]);
      m[0]++;
      if (got.isco() != null) {
        coded++;
        m[1]++;
        if (got.isco().equals(f[2])) {
          correct++;
          m[2]++;
        } else {
          misses.add(f[0] + ": expected " + f[2] + ", got " + got.isco() + " (" + got.method() + ")");
        }
        if (got.isco().charAt(0) == f[2].charAt(0)) {
          correctMajor++;
          m[3]++;
        }
      } else {
        misses.add(f[0] + ": expected " + f[2] + ", got none");
      }
    }
    StringBuilder t = new StringBuilder("| ISCO major group | labelled | coded | coverage | precision (unit group) | precision (major group) |\n"
        + "|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, int[]> e : byMajor.entrySet()) {
      int[] m = e.getValue();
      t.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %.1f%% | %.1f%% |%n", e.getKey(), m[0], m[1], pct(m[1], m[0]),
          pct(m[2], m[1]), pct(m[3], m[1])));
    }
    t.append(String.format(Locale.ROOT, "| all | %d | %d | %.1f%% | %.1f%% | %.1f%% |%n", labelled, coded, pct(coded, labelled),
        pct(correct, coded), pct(correctMajor, coded)));
    t.append(String.format(Locale.ROOT, "%nTitles labelled uncodable: %d, left uncoded: %d. Methods: %s.%n", abstainLabels,
        abstainedRight, byMethod));
    t.append("\nMisses:\n");
    misses.forEach(m -> t.append("- ").append(m).append('\n'));
    return new Result(labelled, coded, correct, correctMajor, abstainLabels, abstainedRight, t.toString(), misses);
  }

  private static double pct(int a, int b) {
    return b == 0 ? 0 : 100.0 * a / b;
  }
}
