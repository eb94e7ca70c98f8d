package io.skillgap.classify;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import io.skillgap.reference.ReferenceTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/** Development aid: the cross-validated codings of the tuning part that went wrong, by evidence kind. */
public final class ClassifierStudy {
  private ClassifierStudy() {}

  public static void main(String[] args) throws Exception {
    Map<ReferenceTable, List<Row>> t = Reference.rows(new org.apache.hadoop.conf.Configuration(), SkillgapConfig.load(null, Map.of()).reference());
    Dictionaries.Tables d = Reference.classifierTables(t);
    Set<String> units = d.units();
    String only = args.length > 0 ? args[0] : "";
    for (int fold = 0; fold < CalibrationTool.FOLDS; fold++) {
      final int f = fold;
      TitleClassifier c = Dictionaries.classifier(units, d.terms(), d.esco(), d.roles(),
          d.labelled().stream().filter(r -> CalibrationTool.fold(r.getString(0)) != f).toList());
      for (Row r : d.labelled()) {
        if (CalibrationTool.fold(r.getString(0)) != f || r.isNullAt(2)) {
          continue;
        }
        TitleClassifier.Candidate k = c.candidate(r.getString(0), r.isNullAt(1) ? List.of() : List.of(r.getString(1)));
        if (only.equals("NONE")) {
          if (k == null) {
            System.out.println("NONE\t" + r.getString(2) + "\t" + r.getString(0) + "\t| role " + r.getString(1));
          }
          continue;
        }
        if (k == null) {
          continue;
        }
        if (only.equals("ROLEVS")) {
          Map<String, Double> role = c.roleDistribution(r.isNullAt(1) ? List.of() : List.of(r.getString(1)));
          if ("differs".equals(k.agreement())) {
            String rb = role.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            double rs = role.get(rb);
            System.out.println(k.stage() + "\t" + (k.best().equals(r.getString(2)) ? 1 : 0) + "\t" + (rb.equals(r.getString(2)) ? 1 : 0)
                + "\t" + String.format(java.util.Locale.ROOT, "%.1f", Math.floor(rs * 5) / 5) + "\t" + String.format(java.util.Locale.ROOT, "%.1f", Math.floor(k.strength() * 5) / 5));
          }
          continue;
        }
        if (k.best().equals(r.getString(2))) {
          continue;
        }
        String line = k.stage() + "/" + k.agreement() + "\t" + r.getString(2) + " got " + k.best() + "\t" + r.getString(0) + "\t| " + k.evidence()
            + " | role " + r.getString(1);
        if (only.equals("MAJOR") ? k.best().charAt(0) != r.getString(2).charAt(0) : line.startsWith(only)) {
          System.out.println(line);
        }
      }
    }
  }
}
