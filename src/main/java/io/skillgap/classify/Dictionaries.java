package io.skillgap.classify;

import io.skillgap.classify.TitleClassifier.RoleCode;
import io.skillgap.classify.TitleClassifier.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/** Builds the title classifier from the reference tables' rows (read once on the driver, or by the classify command). */
public final class Dictionaries {
  private Dictionaries() {}

  /** The tables the classifier is made of. */
  public record Tables(List<Row> isco, List<Row> terms, List<Row> esco, List<Row> roles, List<Row> labelled, List<Row> calibration) {
    /** The ISCO-08 unit groups: the codes a classification may give at 4 digits. */
    public Set<String> units() {
      return isco.stream().filter(r -> "unit".equals(r.getString(1))).map(r -> r.getString(0)).collect(Collectors.toSet());
    }
  }

  /**
   * @param t rows of isco08.csv (isco_code, level, ...), title_terms.csv (term, isco_code, lang),
   *     esco_occupations.csv (esco_uri, esco_label_en, isco08_unit_code, alt_labels_en), hh_professional_roles.csv
   *     (role_id, name_ru, isco_code, weight), labelled_titles.csv (title, role_id, isco_code, sure, certain_code)
   *     and classifier_calibration.csv
   */
  public static TitleClassifier classifier(Tables t) {
    Set<String> units = t.units();
    TitleClassifier base = classifier(units, t.terms(), t.esco(), t.roles(), t.labelled());
    List<String[]> cells = new ArrayList<>();
    for (Row r : t.calibration()) {
      cells.add(new String[] {r.getString(0), r.getString(1), r.getString(2), String.valueOf(r.get(3)), String.valueOf(r.get(4)),
          String.valueOf(r.get(5)), String.valueOf(r.get(6)), String.valueOf(r.get(7))});
    }
    return base.withCalibration(Calibration.fromRows(cells));
  }

  /** The classifier of these terms, labels, roles and labelled titles, without calibration. */
  static TitleClassifier classifier(Set<String> units, List<Row> terms, List<Row> esco, List<Row> roles, List<Row> labelled) {
    Map<String, Term> dictionary = new HashMap<>();
    List<SimilarTitles.Doc> docs = new ArrayList<>();
    for (Row r : esco) {
      String code = r.getString(2);
      escoLabel(dictionary, units, r.getString(1), code, true);
      if (!r.isNullAt(3)) {
        for (String alt : r.getString(3).split("\\|")) {
          escoLabel(dictionary, units, alt.trim(), code, false);
        }
      }
      if (units.contains(code)) {
        docs.add(new SimilarTitles.Doc(key(r.getString(1)), code, 0.5));
      }
    }
    for (Row r : terms) {
      String key = key(r.getString(0));
      if (!key.isEmpty() && units.contains(r.getString(1))) {
        dictionary.put(key, new Term(r.getString(1), 1.0, r.getString(0)));
        docs.add(new SimilarTitles.Doc(key, r.getString(1), 0.8));
      }
    }
    Map<String, List<RoleCode>> roleTable = new HashMap<>();
    for (Row r : roles) {
      if (!r.isNullAt(2) && !r.isNullAt(3) && units.contains(r.getString(2)) && r.getDouble(3) > 0) {
        roleTable.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new RoleCode(r.getString(2), r.getDouble(3)));
      }
    }
    roleTable.values().forEach(l -> l.sort((a, b) -> Double.compare(b.weight(), a.weight())));
    Map<String, Map<String, Integer>> index = new HashMap<>();
    Map<String, Map<String, Double>> roleCodes = new HashMap<>();
    for (Row r : labelled) {
      String code = r.getString(2);
      if (code == null || !units.contains(code)) {
        continue;
      }
      String key = String.join(" ", TitleNormaliser.core(TitleNormaliser.tokens(r.getString(0))));
      String head = String.join(" ", TitleNormaliser.core(TitleNormaliser.tokens(TitleNormaliser.head(r.getString(0)))));
      if (key.isEmpty()) {
        continue;
      }
      index.computeIfAbsent(key, k -> new HashMap<>()).merge(code, 1, Integer::sum);
      if (!head.isEmpty() && !head.equals(key)) {
        index.computeIfAbsent(head, k -> new HashMap<>()).merge(code, 1, Integer::sum);
      }
      docs.add(new SimilarTitles.Doc(head.isEmpty() ? key : head, code, 1.0));
      if (!r.isNullAt(1) && !r.getString(1).isBlank()) {
        roleCodes.computeIfAbsent(r.getString(1).trim(), k -> new HashMap<>()).merge(code, 1.0, Double::sum);
      }
    }
    // A role the role table lists without a code ("Другое", other) says nothing, however its titles were coded.
    roles.stream().filter(r -> r.isNullAt(2)).forEach(r -> roleCodes.remove(r.getString(0)));
    return new TitleClassifier(units, Map.copyOf(dictionary), Map.copyOf(roleTable), roleCodes, index, new SimilarTitles(docs),
        Calibration.none());
  }

  /** An ESCO label: kept unless a curated term or a preferred label already holds the same tokens. */
  private static void escoLabel(Map<String, Term> dictionary, Set<String> units, String text, String isco, boolean preferred) {
    String key = key(text);
    if (key.isEmpty() || !units.contains(isco) || (!preferred && !key.contains(" "))) {
      return; // one-word alternative labels ("major", "general") are too ambiguous to match inside titles
    }
    Term existing = dictionary.get(key);
    double weight = preferred ? 0.9 : 0.8;
    if (existing == null || existing.weight() < weight) {
      dictionary.put(key, new Term(isco, weight, text));
    }
  }

  static String key(String text) {
    return String.join(" ", TitleNormaliser.tokens(text));
  }
}
