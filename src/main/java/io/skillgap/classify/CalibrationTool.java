package io.skillgap.classify;

import io.skillgap.classify.Calibration.Observation;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import io.skillgap.reference.ReferenceTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;

/**
 * Measures what the classifier's evidence is worth, by five-fold cross-validation on the labelled titles
 * of conf/reference (the tuning part of the labelled set; the test part is never read here): each fifth
 * is coded by a classifier built without it, and each coding is scored at the four ISCO levels against
 * its label. Writes conf/reference/classifier_calibration.csv. Deterministic: a title's fold is a hash of it.
 */
public final class CalibrationTool {
  static final int FOLDS = 5;

  private CalibrationTool() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "conf/reference/classifier_calibration.csv");
    SkillgapConfig cfg = SkillgapConfig.load(null, Map.of("reference.classifier-calibration", out.toAbsolutePath().toString()));
    Map<ReferenceTable, List<Row>> t = Reference.rows(new Configuration(), cfg.reference());
    List<Observation> obs = observations(Reference.classifierTables(t));
    Calibration c = Calibration.measure(obs);
    Files.writeString(out, c.toCsv(), StandardCharsets.UTF_8);
    // What the calibrated classifier does on the same cross-validated codings (optimistic: the table was measured on them).
    int[] byLevel = new int[5];
    int[] right = new int[5];
    for (Observation o : obs) {
      int level = c.level(o.stage(), c.levels(o.stage(), o.agreement(), o.strength()));
      byLevel[level]++;
      if (level > 0 && o.right()[level - 1]) {
        right[level]++;
      }
    }
    long labelled = t.get(ReferenceTable.LABELLED_TITLES).stream().filter(r -> !r.isNullAt(2)).count();
    System.out.printf(java.util.Locale.ROOT, "cross-validated: %d of %d titles coded; at level 4: %d (%.1f%% right), 3: %d, 2: %d, 1: %d;"
        + " right at their level: %.1f%%%n", obs.size() - byLevel[0], labelled, byLevel[4], 100.0 * right[4] / Math.max(1, byLevel[4]),
        byLevel[3], byLevel[2], byLevel[1], 100.0 * (right[1] + right[2] + right[3] + right[4]) / Math.max(1, obs.size() - byLevel[0]));
    System.out.println("calibration of " + t.get(ReferenceTable.LABELLED_TITLES).size() + " labelled titles written to " + out);
  }

  /** The calibration of a classifier made of these tables (their own calibration rows are ignored). */
  public static Calibration calibrate(Dictionaries.Tables t) {
    return Calibration.measure(observations(t));
  }

  /** Every labelled title coded by a classifier that has not seen its fold. */
  static List<Observation> observations(Dictionaries.Tables t) {
    Set<String> units = t.units();
    List<Observation> out = new ArrayList<>();
    for (int fold = 0; fold < FOLDS; fold++) {
      final int f = fold;
      List<Row> train = t.labelled().stream().filter(r -> fold(r.getString(0)) != f).toList();
      TitleClassifier c = Dictionaries.classifier(units, t.terms(), t.esco(), t.roles(), train);
      for (Row r : t.labelled()) {
        if (fold(r.getString(0)) != f || r.isNullAt(2) || !units.contains(r.getString(2))) {
          continue;
        }
        TitleClassifier.Candidate cand = c.candidate(r.getString(0), r.isNullAt(1) ? List.of() : List.of(r.getString(1)));
        if (cand == null) {
          continue;
        }
        String label = r.getString(2);
        boolean[] right = new boolean[4];
        for (int level = 1; level <= 4; level++) {
          right[level - 1] = label.startsWith(cand.bestPrefix(level));
        }
        out.add(new Observation(cand.stage(), cand.agreement(), cand.strength(), right));
      }
    }
    return out;
  }

  /** A title's fold: a hash of its text, so the folds do not change from run to run. */
  static int fold(String title) {
    return Math.floorMod(title.hashCode(), FOLDS);
  }
}
