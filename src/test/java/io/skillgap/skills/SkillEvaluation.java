package io.skillgap.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillgap.classify.TitleClassifier;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.conform.PersonalData;
import io.skillgap.reference.Reference;
import io.skillgap.reference.ReferenceTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;

/**
 * Skill extraction measured on real hh.kz requirement snippets labelled by hand
 * (src/test/resources/skills/labelled_snippets.csv: the vacancy ids and the labels, never the text, which
 * is read from ../shared/real-samples). Precision and recall with Wilson 95% intervals, and the share of
 * the sample's vacancies naming at least one skill, by innovation sector (the sector of the occupation the
 * title classifier gives). Prints Markdown; {@code -Dmisses=true} lists disagreements (only ever look at them
 * on a tuning set: the labelled snippets are the test part).
 *
 * <p>{@code java -cp target/classes:target/test-classes:<test classpath> io.skillgap.skills.SkillEvaluation [samples.jsonl]}
 */
public final class SkillEvaluation {
  private SkillEvaluation() {}

  public static final String LABELS = System.getProperty("labels", "src/test/resources/skills/labelled_snippets.csv");
  public static final String SAMPLE = "../shared/real-samples/hhkz_astana_vacancies_2026.jsonl";

  /** A share with its Wilson 95% interval. */
  record Share(long hits, long n) {
    String show() {
      if (n == 0) {
        return "n/a (0)";
      }
      double p = (double) hits / n;
      double z = 1.959964;
      double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
      double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
      return String.format(java.util.Locale.ROOT, "%.1f%% [%.1f, %.1f] (%d/%d)", 100 * p, 100 * (centre - half), 100 * (centre + half), hits, n);
    }
  }

  /** One vacancy of the sample: its title, roles and the text the pipeline reads. */
  record Vacancy(String id, String title, List<String> roles, String keySkills, String text) {}

  static Map<String, Vacancy> sample(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Vacancy> out = new java.util.LinkedHashMap<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode o = json.readTree(line);
      List<String> roles = new ArrayList<>();
      o.path("professional_roles").forEach(r -> roles.add(r.path("id").asText()));
      List<String> keys = new ArrayList<>();
      o.path("key_skills").forEach(k -> keys.add(k.path("name").asText()));
      String text = String.join("\n", o.path("snippet").path("requirement").asText(""), o.path("snippet").path("responsibility").asText(""),
          o.path("description").asText(""));
      out.put(o.path("id").asText(), new Vacancy(o.path("id").asText(), o.path("name").asText(), roles, String.join("; ", keys), text));
    }
    return out;
  }

  public static void main(String[] args) throws IOException {
    Path jsonl = Path.of(args.length > 0 ? args[0] : SAMPLE);
    SkillgapConfig cfg = SkillgapConfig.load(null, Map.of());
    Map<ReferenceTable, List<Row>> rows = Reference.rows(new org.apache.hadoop.conf.Configuration(), cfg.reference());
    SkillMatcher matcher = Reference.skills(rows);
    Map<String, String> groupOf = new HashMap<>();
    rows.get(ReferenceTable.SKILLS).forEach(r -> groupOf.put(r.getString(0), r.getString(5)));
    TitleClassifier classifier = Reference.classifier(new org.apache.hadoop.conf.Configuration(), cfg.reference());
    Map<String, String> sectorOf = new HashMap<>();
    rows.get(ReferenceTable.SECTOR_CODES).stream().filter(r -> r.getString(1).equals("isco08"))
        .forEach(r -> sectorOf.put(r.getString(2), r.getString(0)));
    Map<String, Vacancy> sample = sample(jsonl);
    boolean misses = Boolean.getBoolean("misses");

    long found = 0;
    long right = 0;
    long labelled = 0;
    long recalled = 0;
    long mentions = 0;
    Map<String, long[]> byGroup = new TreeMap<>();
    StringBuilder log = new StringBuilder();
    try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(Path.of(LABELS), StandardCharsets.UTF_8))) {
      for (CSVRecord r : parser) {
        Vacancy v = sample.get(r.get("vacancy_id"));
        if (v == null) {
          throw new IllegalStateException("labelled vacancy " + r.get("vacancy_id") + " is not in " + jsonl);
        }
        Set<String> gold = new LinkedHashSet<>(ids(r.get("skill_ids")));
        Set<String> got = matcher.found(v.keySkills(), PersonalData.mask(v.text())).keySet();
        found += got.size();
        labelled += gold.size();
        mentions += gold.size() + (r.get("not_in_vocabulary").isBlank() ? 0 : r.get("not_in_vocabulary").split("\\|").length);
        for (String s : got) {
          long[] g = byGroup.computeIfAbsent(groupOf.get(s), k -> new long[4]);
          g[0]++;
          if (gold.contains(s)) {
            right++;
            g[1]++;
          }
        }
        for (String s : gold) {
          long[] g = byGroup.computeIfAbsent(groupOf.get(s), k -> new long[4]);
          g[2]++;
          if (got.contains(s)) {
            recalled++;
            g[3]++;
          }
        }
        if (misses) {
          Set<String> extra = new LinkedHashSet<>(got);
          extra.removeAll(gold);
          Set<String> missed = new LinkedHashSet<>(gold);
          missed.removeAll(got);
          log.append("- ").append(v.id()).append(" extra ").append(extra).append(" missed ").append(missed).append('\n');
        }
      }
    }
    System.out.println("## Skill extraction on " + LABELS + " (hh.kz snippets, labelled blind)\n");
    System.out.println("| measure | value |\n|---|---|");
    System.out.println("| precision: skills found that the labeller named | " + new Share(right, found).show() + " |");
    System.out.println("| recall of labelled skills the vocabulary has | " + new Share(recalled, labelled).show() + " |");
    System.out.println("| recall of every labelled skill (vocabulary coverage included) | " + new Share(recalled, mentions).show() + " |");
    System.out.println("\n| group | precision | recall |\n|---|---|---|");
    byGroup.forEach((g, c) -> System.out.println("| " + g + " | " + new Share(c[1], c[0]).show() + " | " + new Share(c[3], c[2]).show() + " |"));

    Map<String, long[]> bySector = new TreeMap<>();
    for (Vacancy v : sample.values()) {
      String isco = classifier.classify(v.title(), v.roles()).isco();
      String sector = isco != null && isco.length() == 4 ? sectorOf.getOrDefault(isco, "non_innovation") : "not coded to a unit group";
      boolean any = !matcher.found(v.keySkills(), PersonalData.mask(v.text())).isEmpty();
      for (String key : List.of(sector, "all")) {
        long[] c = bySector.computeIfAbsent(key, k -> new long[2]);
        c[0] += any ? 1 : 0;
        c[1]++;
      }
    }
    System.out.println("\n| sector (title classifier) | vacancies naming at least one skill |\n|---|---|");
    bySector.forEach((s, c) -> System.out.println("| " + s + " | " + new Share(c[0], c[1]).show() + " |"));
    if (misses) {
      System.out.println("\n" + log);
    }
  }

  private static List<String> ids(String s) {
    List<String> out = new ArrayList<>();
    for (String x : s.split(";")) {
      if (!x.isBlank()) {
        out.add(x.strip());
      }
    }
    return out;
  }
}
