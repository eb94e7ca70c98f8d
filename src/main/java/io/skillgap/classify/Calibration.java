package io.skillgap.classify;

import io.skillgap.classify.TitleClassifier.Stage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the classifier's confidence means: for each kind of evidence, whether the role agrees, and the
 * evidence's strength (in tenths), the share of labelled titles that such evidence coded right at each
 * ISCO level, measured by cross-validation on the tuning part of the labelled set
 * (conf/reference/classifier_calibration.csv, rebuilt by {@code jobs/calibrate-classifier}). A cell with
 * few titles falls back to the evidence kind and agreement, then to the kind alone. The level a code is
 * given at is the most detailed one that is right often enough.
 */
public final class Calibration implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * A unit group is given when it is right at least this often; else a minor or sub-major group right at
   * least {@code COARSER} of the time; else a major group right at least {@code MAJOR} of the time (a title
   * that says anything gets at least its major group, as the goals ask: coverage before detail).
   */
  public static final double UNIT_GROUP = 0.40;
  public static final double COARSER = 0.60;
  public static final double MAJOR = 0.45;
  /** Titles a cell needs before its own shares are used. */
  static final int MIN_TITLES = 25;

  /** The shares right at 4, 3, 2 and 1 digits, and the titles behind them. */
  public record Levels(double p4, double p3, double p2, double p1, long n) implements Serializable {
    public double at(int level) {
      return switch (level) {
        case 4 -> p4;
        case 3 -> p3;
        case 2 -> p2;
        case 1 -> p1;
        default -> 0;
      };
    }
  }

  private final Map<String, Levels> cells;

  Calibration(Map<String, Levels> cells) {
    this.cells = Map.copyOf(cells);
  }

  /** Without measurements: the evidence's strength stands for its precision at every level (the tool's first pass). */
  static Calibration none() {
    return new Calibration(Map.of());
  }

  static String key(Stage stage, String agreement, String bucket) {
    return stage + "|" + (agreement == null ? "none" : agreement) + "|" + bucket;
  }

  static String bucket(double strength) {
    return String.valueOf(Math.max(0, Math.min(9, (int) Math.floor(strength * 10))));
  }

  Levels levels(Stage stage, String agreement, double strength) {
    if (cells.isEmpty()) {
      return new Levels(strength, strength, strength, strength, 0);
    }
    for (String k : List.of(key(stage, agreement, bucket(strength)), key(stage, agreement, "*"), key(stage, "*", "*"))) {
      Levels l = cells.get(k);
      if (l != null && l.n() >= MIN_TITLES) {
        return l;
      }
    }
    Levels any = cells.get(key(stage, "*", "*"));
    return any == null ? new Levels(0, 0, 0, 0, 0) : any;
  }

  /** A role alone names its commonest unit group only when that is right this often (a role is a broad bucket). */
  public static final double ROLE_UNIT_GROUP = 0.70;

  /** The most detailed level the shares allow for this kind of evidence; 0 when none does. */
  int level(Stage stage, Levels p) {
    if (p.p4() >= (stage == Stage.ROLE ? ROLE_UNIT_GROUP : UNIT_GROUP)) {
      return 4;
    }
    return coarser(p);
  }

  /** The most detailed level the shares allow; 0 when none does. */
  int level(Levels p) {
    if (p.p4() >= UNIT_GROUP) {
      return 4;
    }
    return coarser(p);
  }

  private int coarser(Levels p) {
    for (int level = 3; level >= 2; level--) {
      if (p.at(level) >= COARSER) {
        return level;
      }
    }
    return p.p1() >= MAJOR ? 1 : 0;
  }

  /** One coded title of the cross-validation: its evidence and whether it was right at each level. */
  record Observation(Stage stage, String agreement, double strength, boolean[] right) {}

  /** The table from cross-validated observations, with the two fallbacks of every cell. */
  static Calibration measure(List<Observation> observations) {
    Map<String, long[]> counts = new TreeMap<>();
    for (Observation o : observations) {
      for (String k : List.of(key(o.stage(), o.agreement(), bucket(o.strength())), key(o.stage(), o.agreement(), "*"),
          key(o.stage(), "*", "*"))) {
        long[] c = counts.computeIfAbsent(k, x -> new long[5]);
        c[0]++;
        for (int level = 1; level <= 4; level++) {
          if (o.right()[level - 1]) {
            c[level]++;
          }
        }
      }
    }
    Map<String, Levels> cells = new TreeMap<>();
    counts.forEach((k, c) -> cells.put(k, new Levels(c[4] / (double) c[0], c[3] / (double) c[0], c[2] / (double) c[0],
        c[1] / (double) c[0], c[0])));
    return new Calibration(cells);
  }

  /** The table as CSV rows (stage, agreement, bucket, titles, p4, p3, p2, p1). */
  String toCsv() {
    StringBuilder b = new StringBuilder("stage,agreement,bucket,titles,p4,p3,p2,p1\n");
    cells.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      String[] k = e.getKey().split("\\|");
      Levels l = e.getValue();
      b.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.4f,%.4f,%.4f,%.4f%n", k[0], k[1], k[2], l.n(), l.p4(), l.p3(), l.p2(), l.p1()));
    });
    return b.toString();
  }

  /** The table from its CSV rows: stage, agreement, bucket, titles, p4, p3, p2, p1. */
  static Calibration fromRows(List<String[]> rows) {
    Map<String, Levels> cells = new TreeMap<>();
    for (String[] r : rows) {
      cells.put(r[0] + "|" + r[1] + "|" + r[2], new Levels(Double.parseDouble(r[4]), Double.parseDouble(r[5]), Double.parseDouble(r[6]),
          Double.parseDouble(r[7]), Long.parseLong(r[3])));
    }
    return new Calibration(cells);
  }

  List<String> keys() {
    return new ArrayList<>(cells.keySet());
  }
}
