package io.skillgap.classify;

import io.skillgap.classify.TitleClassifier.Coding;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The classifier measured on a labelled set (title, role_id, isco_code, sure, certain_code; `;` or `,`
 * separated): precision at the unit group and at the major group with Wilson 95% intervals, on the titles
 * the labeller was sure of and on all, coverage at each level, by method and by major group, and the
 * calibration of the confidence. A code is right at its level when the label's unit group starts with it.
 */
final class ClassifierEvaluation {
  private ClassifierEvaluation() {}

  /** One labelled title and its coding. */
  record Case(String title, String role, String label, boolean sure, Coding got) {
    boolean coded() {
      return got.isco() != null;
    }

    boolean rightAtLevel() {
      return coded() && label.startsWith(got.isco());
    }

    boolean unitRight() {
      return coded() && got.level() == 4 && got.isco().equals(label);
    }

    boolean majorRight() {
      return coded() && got.isco().charAt(0) == label.charAt(0);
    }
  }

  /** A share with its Wilson 95% interval. */
  record Share(long hits, long n) {
    double value() {
      return n == 0 ? 0 : (double) hits / n;
    }

    double low() {
      return wilson(-1);
    }

    double high() {
      return wilson(1);
    }

    private double wilson(int sign) {
      if (n == 0) {
        return 0;
      }
      double z = 1.96;
      double p = value();
      double centre = p + z * z / (2 * n);
      double margin = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
      return Math.max(0, Math.min(1, (centre + sign * margin) / (1 + z * z / n)));
    }

    @Override
    public String toString() {
      if (n == 0) {
        return "– (0/0)";
      }
      return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f] (%d/%d)", 100 * value(), 100 * low(), 100 * high(), hits, n);
    }
  }

  /** The measures of one labelled set. */
  record Result(List<Case> cases) {
    List<Case> sure() {
      return cases.stream().filter(Case::sure).toList();
    }

    /** Right at the unit group, among the titles given a unit group. */
    static Share unitPrecision(List<Case> cs) {
      List<Case> at4 = cs.stream().filter(c -> c.coded() && c.got().level() == 4).toList();
      return new Share(at4.stream().filter(Case::unitRight).count(), at4.size());
    }

    /** Right at the major group, among the titles given any code. */
    static Share majorPrecision(List<Case> cs) {
      List<Case> coded = cs.stream().filter(Case::coded).toList();
      return new Share(coded.stream().filter(Case::majorRight).count(), coded.size());
    }

    Share unitCoverage() {
      return new Share(cases.stream().filter(c -> c.coded() && c.got().level() == 4).count(), cases.size());
    }

    Share anyCoverage() {
      return new Share(cases.stream().filter(Case::coded).count(), cases.size());
    }

    /** Among codes with confidence at least {@code c}, the share right at their level. */
    Share confidentRight(double c) {
      List<Case> confident = cases.stream().filter(x -> x.coded() && x.got().confidence() >= c).toList();
      return new Share(confident.stream().filter(Case::rightAtLevel).count(), confident.size());
    }

    /** Codes from the role alone right at the unit group, and at the level they were given. */
    Share roleOnlyUnit() {
      List<Case> role = cases.stream().filter(c -> TitleClassifier.BY_ROLE.equals(c.got().method())).toList();
      return new Share(role.stream().filter(Case::unitRight).count(), role.size());
    }

    Share roleOnlyAtLevel() {
      List<Case> role = cases.stream().filter(c -> TitleClassifier.BY_ROLE.equals(c.got().method())).toList();
      return new Share(role.stream().filter(Case::rightAtLevel).count(), role.size());
    }

    /** The measures as a Markdown report. */
    String report(String name) {
      StringBuilder b = new StringBuilder("## " + name + " (" + cases.size() + " titles, " + sure().size() + " sure)\n\n");
      b.append("| measure | all labels | labels the labeller is sure of |\n|---|---|---|\n");
      b.append("| unit group right (of titles given one) | ").append(unitPrecision(cases)).append(" | ").append(unitPrecision(sure()))
          .append(" |\n");
      b.append("| major group right (of titles given a code) | ").append(majorPrecision(cases)).append(" | ").append(majorPrecision(sure()))
          .append(" |\n");
      b.append("| given a unit group | ").append(unitCoverage()).append(" | |\n");
      b.append("| given at least a major group | ").append(anyCoverage()).append(" | |\n");
      b.append("| confidence >= 0.9 right at its level | ").append(confidentRight(0.9)).append(" | |\n");
      b.append("| role alone: right at the unit group / at the level given | ").append(roleOnlyUnit()).append(" / ").append(roleOnlyAtLevel())
          .append(" | |\n\n");
      b.append("Level given: ").append(count(c -> String.valueOf(c.got().level()))).append("; method: ")
          .append(count(c -> c.got().method())).append("\n\n");
      b.append("| method | titles | unit group right (of given one) | major group right |\n|---|---:|---|---|\n");
      Map<String, List<Case>> byMethod = new TreeMap<>();
      cases.forEach(c -> byMethod.computeIfAbsent(c.got().method() + " / " + kind(c.got()), k -> new ArrayList<>()).add(c));
      byMethod.forEach((m, cs) -> b.append("| ").append(m).append(" | ").append(cs.size()).append(" | ").append(unitPrecision(cs))
          .append(" | ").append(majorPrecision(cs)).append(" |\n"));
      b.append("\n| major group of the label | titles | unit group right (of given one) | major group right |\n|---|---:|---|---|\n");
      Map<String, List<Case>> byMajor = new TreeMap<>();
      cases.forEach(c -> byMajor.computeIfAbsent(c.label().substring(0, 1), k -> new ArrayList<>()).add(c));
      byMajor.forEach((m, cs) -> b.append("| ").append(m).append(" | ").append(cs.size()).append(" | ").append(unitPrecision(cs))
          .append(" | ").append(majorPrecision(cs)).append(" |\n"));
      b.append("\n| confidence | codes | right at their level |\n|---|---:|---|\n");
      for (int d = 0; d < 10; d++) {
        final double lo = d / 10.0;
        final double hi = d == 9 ? 1.01 : (d + 1) / 10.0;
        List<Case> in = cases.stream().filter(c -> c.coded() && c.got().confidence() >= lo && c.got().confidence() < hi).toList();
        if (!in.isEmpty()) {
          b.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %s |%n", lo, Math.min(1.0, hi), in.size(),
              new Share(in.stream().filter(Case::rightAtLevel).count(), in.size())));
        }
      }
      return b.toString();
    }

    private String count(java.util.function.Function<Case, String> f) {
      Map<String, Integer> m = new TreeMap<>();
      cases.forEach(c -> m.merge(f.apply(c), 1, Integer::sum));
      return m.toString();
    }
  }

  /** The evidence kind of a coding (its evidence text's first word). */
  static String kind(Coding c) {
    String e = c.evidence();
    if (e.startsWith("rule")) {
      return "rule";
    }
    if (e.startsWith("labelled")) {
      return "index";
    }
    if (e.startsWith("similar")) {
      return "similar";
    }
    if (e.startsWith("term")) {
      return "term";
    }
    return e.startsWith("the professional role") ? "role" : "none";
  }

  /** Labelled titles from a file with a header naming title, role_id, isco_code (and sure: 1 when absent). */
  static List<String[]> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    char sep = text.substring(0, text.indexOf('\n')).contains(";") ? ';' : ',';
    List<String[]> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setDelimiter(sep).setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        out.add(new String[] {rec.get("title"), rec.get("role_id"), rec.get("isco_code"),
            rec.isMapped("sure") ? rec.get("sure") : "1"});
      }
    }
    return out;
  }

  /** Codes every labelled title of the file that has a label (titles labelled uncodable are left out). */
  static Result run(TitleClassifier c, Path file) throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String[] f : read(file)) {
      if (f[2].isBlank()) {
        continue;
      }
      Coding got = c.classify(f[0], f[1].isBlank() ? List.of() : List.of(f[1].split(",")));
      cases.add(new Case(f[0], f[1], f[2], "1".equals(f[3]), got));
    }
    return new Result(cases);
  }
}
