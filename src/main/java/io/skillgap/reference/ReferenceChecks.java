package io.skillgap.reference;

import static io.skillgap.reference.ReferenceTable.CROSSWALK;
import static io.skillgap.reference.ReferenceTable.CURRENCY_RATES;
import static io.skillgap.reference.ReferenceTable.GRADUATE_MOBILITY;
import static io.skillgap.reference.ReferenceTable.HH_AREAS;
import static io.skillgap.reference.ReferenceTable.HH_PROFESSIONAL_ROLES;
import static io.skillgap.reference.ReferenceTable.ISCED;
import static io.skillgap.reference.ReferenceTable.ISCO;
import static io.skillgap.reference.ReferenceTable.KZ_DIRECTIONS;
import static io.skillgap.reference.ReferenceTable.NACE;
import static io.skillgap.reference.ReferenceTable.NKZ_ISCO;
import static io.skillgap.reference.ReferenceTable.REGIONS;
import static io.skillgap.reference.ReferenceTable.REGION_ALIASES;
import static io.skillgap.reference.ReferenceTable.REGION_FORMER_NAMES;
import static io.skillgap.reference.ReferenceTable.SECTORS;
import static io.skillgap.reference.ReferenceTable.SECTOR_CODES;
import static io.skillgap.reference.ReferenceTable.TITLE_TERMS;

import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.config.SkillgapConfig.ReferencePaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/**
 * Consistency of the reference tables, declared as rules (as the quality rules of the gold tables are):
 * each has a name and adds a sentence per problem it finds; the run stops before Spark work when any does.
 */
final class ReferenceChecks {
  private ReferenceChecks() {}

  /** The tables as read, with the files they came from for messages. */
  record Tables(Map<ReferenceTable, List<Row>> rows, ReferencePaths paths) {
    List<Row> of(ReferenceTable t) {
      return rows.getOrDefault(t, List.of());
    }

    String file(ReferenceTable t) {
      return paths == null ? t.configKey() : paths.path(t.configKey());
    }

    /** The values of column {@code index} in the rows that pass {@code keep}. */
    Set<String> codes(ReferenceTable t, int index, Predicate<Row> keep) {
      Set<String> out = new HashSet<>();
      for (Row r : of(t)) {
        if (keep.test(r)) {
          out.add(r.getString(index));
        }
      }
      return out;
    }

    Set<String> codes(ReferenceTable t) {
      return codes(t, 0, r -> true);
    }

    Set<String> units() {
      return codes(ISCO, 0, r -> "unit".equals(r.getString(1)));
    }
  }

  /** A named check: what it says of the tables. */
  record Check(String name, BiConsumer<Tables, List<String>> problems) {}

  static final List<Check> CHECKS = List.of(
      new Check("a key appears once", ReferenceChecks::uniqueKeys),
      new Check("ISCO has unit groups and no reserved code", (t, p) -> {
        if (t.units().isEmpty()) {
          p.add("ISCO table has no unit groups (level = unit)");
        }
        if (t.codes(ISCO).contains(Reference.OTHER_OCCUPATIONS) || t.codes(ISCO).contains(Reference.UNCODED)) {
          p.add("ISCO table must not use the reserved codes OTHER and UNCODED");
        }
      }),
      new Check("aliases name known regions", (t, p) -> {
        for (Row r : t.of(REGION_ALIASES)) {
          if (!t.codes(REGIONS).contains(r.getString(1))) {
            p.add("region alias '" + r.getString(0) + "' points to unknown region " + r.getString(1));
          }
        }
        for (Row r : t.of(REGION_FORMER_NAMES)) {
          if (!t.codes(REGIONS).contains(r.getString(1))) {
            p.add("former region name '" + r.getString(0) + "' points to unknown region " + r.getString(1));
          }
        }
        for (Row r : t.of(HH_AREAS)) {
          if (!r.isNullAt(3) && !t.codes(REGIONS).contains(r.getString(3))) {
            p.add("hh area '" + r.getString(1) + "' points to unknown region " + r.getString(3));
          }
        }
      }),
      new Check("the crosswalk links known codes with weights that sum to at most 1", ReferenceChecks::crosswalk),
      new Check("sector codes are known and in one sector each", ReferenceChecks::sectorCodes),
      new Check("currency rates are positive ISO 4217", (t, p) -> {
        for (Row r : t.of(CURRENCY_RATES)) {
          if (!(r.getDouble(2) > 0)) {
            p.add("currency rate for " + r.getString(0) + " from " + r.get(1) + " must be > 0");
          }
          if (!r.getString(0).matches("[A-Z]{3}")) {
            p.add("currency code '" + r.getString(0) + "' is not ISO 4217 (three capital letters)");
          }
        }
      }),
      new Check("training directions map to ISCED-F", (t, p) -> {
        for (Row r : t.of(KZ_DIRECTIONS)) {
          if (!r.getString(0).matches("[0-9]{3}")) {
            p.add("training direction '" + r.getString(0) + "' is not three digits");
          }
          if (!t.codes(ISCED).contains(r.getString(1))) {
            p.add("training direction " + r.getString(0) + " maps to unknown ISCED-F field " + r.getString(1));
          }
        }
      }),
      new Check("graduate mobility shares of a region sum to 1", ReferenceChecks::mobility),
      new Check("the classifier's tables name unit groups", ReferenceChecks::classifierTables),
      new Check("skills have plain ids, known groups and one skill per alias", SkillReference::checkSkills),
      new Check("entry qualifications name unit groups with a skill level", SkillReference::checkQualifications));

  static void check(Map<ReferenceTable, List<Row>> rows, ReferencePaths paths) {
    Tables t = new Tables(rows, paths);
    List<String> problems = new ArrayList<>();
    CHECKS.forEach(c -> c.problems().accept(t, problems));
    if (!problems.isEmpty()) {
      int shown = Math.min(problems.size(), 20);
      throw new InvalidConfigException("reference data is inconsistent (" + problems.size() + " problems):\n  "
          + String.join("\n  ", problems.subList(0, shown)) + (shown < problems.size() ? "\n  ..." : ""));
    }
  }

  /** Keys that appear twice, named with their file and the lines (after the header) that repeat them. */
  private static void uniqueKeys(Tables t, List<String> problems) {
    for (ReferenceTable table : ReferenceTable.values()) {
      int[] key = table.key();
      if (key.length == 0) {
        continue;
      }
      Map<String, Integer> seen = new HashMap<>();
      List<Row> rows = t.of(table);
      for (int i = 0; i < rows.size(); i++) {
        StringBuilder k = new StringBuilder();
        for (int c : key) {
          k.append(k.length() == 0 ? "" : ", ").append(rows.get(i).isNullAt(c) ? "" : rows.get(i).get(c).toString().trim());
        }
        Integer first = seen.putIfAbsent(k.toString().toLowerCase(Locale.ROOT), i + 2);
        if (first != null) {
          problems.add(t.file(table) + ": key '" + k + "' appears twice (lines " + first + " and " + (i + 2) + ")");
        }
      }
    }
  }

  private static void crosswalk(Tables t, List<String> problems) {
    String where = t.paths() == null ? "" : " (" + t.file(CROSSWALK) + ")";
    Set<String> units = t.units();
    Map<String, Double> sums = new TreeMap<>();
    for (Row r : t.of(CROSSWALK)) {
      String field = r.getString(0);
      String isco = r.getString(1);
      double w = r.getDouble(2);
      if (!t.codes(ISCED).contains(field)) {
        problems.add("crosswalk field " + field + " is not an ISCED-F code" + where);
      }
      if (!units.contains(isco)) {
        problems.add("crosswalk occupation " + isco + " (field " + field + ") is not an ISCO-08 unit group" + where);
      }
      if (!(w > 0 && w <= 1)) {
        problems.add("crosswalk weight " + w + " for " + field + "->" + isco + " is outside (0, 1]" + where);
      }
      sums.merge(field, w, Double::sum);
    }
    sums.forEach((field, sum) -> {
      if (sum > 1 + 1e-6) {
        problems.add("crosswalk weights of field " + field + " sum to " + sum + " > 1" + where);
      }
    });
  }

  private static void sectorCodes(Tables t, List<String> problems) {
    Set<String> units = t.units();
    Map<String, String> sectorOf = new HashMap<>();
    for (Row r : t.of(SECTOR_CODES)) {
      String sector = r.getString(0);
      String cls = r.getString(1);
      String code = r.getString(2);
      if (!t.codes(SECTORS).contains(sector)) {
        problems.add("sector code row names unknown sector " + sector);
      }
      boolean known = switch (cls) {
        case "isco08" -> units.contains(code);
        case "nace2" -> t.codes(NACE).contains(code);
        default -> false;
      };
      if (!known) {
        problems.add("sector " + sector + ": " + cls + " code " + code + " is unknown (classification isco08 needs a unit group, nace2 a section or division)");
      }
      String previous = sectorOf.put(cls + "|" + code, sector);
      if (previous != null && !previous.equals(sector)) {
        problems.add(cls + " code " + code + " is in two sectors: " + previous + " and " + sector);
      }
    }
  }

  private static void mobility(Tables t, List<String> problems) {
    Map<String, Double> sums = new TreeMap<>();
    for (Row r : t.of(GRADUATE_MOBILITY)) {
      for (int i = 0; i < 2; i++) {
        if (!t.codes(REGIONS).contains(r.getString(i))) {
          problems.add("graduate mobility names unknown region " + r.getString(i));
        }
      }
      if (!(r.getDouble(2) >= 0 && r.getDouble(2) <= 1)) {
        problems.add("graduate mobility share " + r.getDouble(2) + " (" + r.getString(0) + " -> " + r.getString(1) + ") is outside [0, 1]");
      }
      sums.merge(r.getString(0), r.getDouble(2), Double::sum);
    }
    sums.forEach((from, sum) -> {
      if (Math.abs(sum - 1) > 1e-6) {
        problems.add("graduate mobility shares from " + from + " sum to " + sum + ", not 1");
      }
    });
  }

  /** The tables of the classifier and the real-source adapters: every code they name must exist. */
  private static void classifierTables(Tables t, List<String> problems) {
    Set<String> units = t.units();
    for (Row r : t.of(TITLE_TERMS)) {
      if (!units.contains(r.getString(1))) {
        problems.add("title term '" + r.getString(0) + "' points to " + r.getString(1) + ", not an ISCO-08 unit group");
      }
    }
    Map<String, Double> roleSums = new TreeMap<>();
    for (Row r : t.of(HH_PROFESSIONAL_ROLES)) {
      if (!r.isNullAt(2) && !units.contains(r.getString(2))) {
        problems.add("hh professional role " + r.getString(0) + " points to " + r.getString(2) + ", not an ISCO-08 unit group");
      }
      if (!r.isNullAt(2) && (r.isNullAt(3) || !(r.getDouble(3) > 0 && r.getDouble(3) <= 1))) {
        problems.add("hh professional role " + r.getString(0) + " -> " + r.getString(2) + ": weight must be within (0, 1]");
      }
      roleSums.merge(r.getString(0), r.isNullAt(3) ? 0.0 : r.getDouble(3), Double::sum);
    }
    roleSums.forEach((role, sum) -> {
      if (sum > 1 + 1e-6) {
        problems.add("hh professional role " + role + ": weights sum to " + sum + " > 1");
      }
    });
    for (Row r : t.of(NKZ_ISCO)) {
      if (!units.contains(r.getString(1))) {
        problems.add("NKZ code " + r.getString(0) + " points to " + r.getString(1) + ", not an ISCO-08 unit group");
      }
    }
  }
}
