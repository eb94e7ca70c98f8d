package io.skillgap.config;

import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.config.SkillgapConfig.ReferencePaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** Consistency checks across reference tables: every code they use exists, weights add up. */
final class ReferenceChecks {
  private ReferenceChecks() {}

  /** Each table's key (column positions): a key that appears twice would double rows in every join on it. */
  static final Map<String, int[]> KEYS = Map.ofEntries(Map.entry("isco", new int[] {0}), Map.entry("isced", new int[] {0}),
      Map.entry("nace", new int[] {0}), Map.entry("regions", new int[] {0}), Map.entry("regionAliases", new int[] {0}),
      Map.entry("sectors", new int[] {0}), Map.entry("sectorCodes", new int[] {1, 2}), Map.entry("iscoTitlesRu", new int[] {0}),
      Map.entry("esco", new int[] {0}), Map.entry("hhRoles", new int[] {0, 2}), Map.entry("nkzIsco", new int[] {0}),
      Map.entry("regionFormerNames", new int[] {0}), Map.entry("mobility", new int[] {0, 1}));

  /** The file each table was read from, for messages (null in tests that build tables in memory). */
  private static String file(ReferencePaths p, String table) {
    if (p == null) {
      return table;
    }
    return switch (table) {
      case "isco" -> p.isco();
      case "isced" -> p.isced();
      case "nace" -> p.nace();
      case "regions" -> p.regions();
      case "regionAliases" -> p.regionAliases();
      case "sectors" -> p.sectors();
      case "sectorCodes" -> p.sectorCodes();
      case "iscoTitlesRu" -> p.iscoTitlesRu();
      case "esco" -> p.escoOccupations();
      case "hhRoles" -> p.hhProfessionalRoles();
      case "nkzIsco" -> p.nkzIsco();
      case "regionFormerNames" -> p.regionFormerNames();
      case "mobility" -> p.graduateMobility();
      default -> table;
    };
  }

  /** Keys that appear twice, named with their file and the rows (1-based, after the header) that repeat them. */
  static void checkKeys(Map<String, List<Row>> t, ReferencePaths p, List<String> problems) {
    for (Map.Entry<String, int[]> k : new TreeMap<>(KEYS).entrySet()) {
      Map<String, Integer> seen = new HashMap<>();
      List<Row> rows = t.getOrDefault(k.getKey(), List.of());
      for (int i = 0; i < rows.size(); i++) {
        StringBuilder key = new StringBuilder();
        for (int c : k.getValue()) {
          key.append(key.length() == 0 ? "" : ", ").append(rows.get(i).isNullAt(c) ? "" : rows.get(i).get(c).toString().trim());
        }
        Integer first = seen.putIfAbsent(key.toString().toLowerCase(java.util.Locale.ROOT), i + 2);
        if (first != null) {
          problems.add(file(p, k.getKey()) + ": key '" + key + "' appears twice (lines " + first + " and " + (i + 2) + ")");
        }
      }
    }
  }

  static void check(Map<String, List<Row>> t, ReferencePaths p) {
    List<String> problems = new ArrayList<>();
    checkKeys(t, p, problems);
    Set<String> units = codes(t.get("isco"), 0, r -> "unit".equals(r.getString(1)));
    Set<String> allIsco = codes(t.get("isco"), 0, r -> true);
    Set<String> fields = codes(t.get("isced"), 0, r -> true);
    Set<String> naceCodes = codes(t.get("nace"), 0, r -> true);
    Set<String> regionCodes = codes(t.get("regions"), 0, r -> true);
    Set<String> sectorCodes = codes(t.get("sectors"), 0, r -> true);
    String where = p == null ? "" : " (" + p.crosswalk() + ")";

    if (units.isEmpty()) {
      problems.add("ISCO table has no unit groups (level = unit)");
    }
    for (Row r : t.get("regionAliases")) {
      if (!regionCodes.contains(r.getString(1))) {
        problems.add("region alias '" + r.getString(0) + "' points to unknown region " + r.getString(1));
      }
    }
    checkSourceTables(t, units, regionCodes, problems);
    Map<String, Double> sums = new TreeMap<>();
    Set<String> pairs = new HashSet<>();
    for (Row r : t.get("crosswalk")) {
      String field = r.getString(0);
      String isco = r.getString(1);
      double w = r.getDouble(2);
      if (!fields.contains(field)) {
        problems.add("crosswalk field " + field + " is not an ISCED-F code" + where);
      }
      if (!units.contains(isco)) {
        problems.add("crosswalk occupation " + isco + " (field " + field + ") is not an ISCO-08 unit group" + where);
      }
      if (!(w > 0 && w <= 1)) {
        problems.add("crosswalk weight " + w + " for " + field + "->" + isco + " is outside (0, 1]" + where);
      }
      if (!pairs.add(field + "|" + isco)) {
        problems.add("crosswalk pair " + field + "->" + isco + " appears twice" + where);
      }
      sums.merge(field, w, Double::sum);
    }
    sums.forEach((field, sum) -> {
      if (sum > 1 + 1e-6) {
        problems.add("crosswalk weights of field " + field + " sum to " + sum + " > 1" + where);
      }
    });
    Map<String, String> sectorOf = new HashMap<>();
    for (Row r : t.get("sectorCodes")) {
      String sector = r.getString(0);
      String cls = r.getString(1);
      String code = r.getString(2);
      if (!sectorCodes.contains(sector)) {
        problems.add("sector code row names unknown sector " + sector);
      }
      boolean known = switch (cls) {
        case "isco08" -> units.contains(code);
        case "nace2" -> naceCodes.contains(code);
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
    Set<String> ratePairs = new HashSet<>();
    for (Row r : t.get("currencyRates")) {
      if (!(r.getDouble(2) > 0)) {
        problems.add("currency rate for " + r.getString(0) + " from " + r.get(1) + " must be > 0");
      }
      if (!r.getString(0).matches("[A-Z]{3}")) {
        problems.add("currency code '" + r.getString(0) + "' is not ISO 4217 (three capital letters)");
      }
      if (!ratePairs.add(r.getString(0) + "|" + r.get(1))) {
        problems.add("currency rate for " + r.getString(0) + " from " + r.get(1) + " appears twice");
      }
    }
    Set<String> directions = new HashSet<>();
    for (Row r : t.get("kzDirections")) {
      if (!r.getString(0).matches("[0-9]{3}")) {
        problems.add("training direction '" + r.getString(0) + "' is not three digits");
      }
      if (!fields.contains(r.getString(1))) {
        problems.add("training direction " + r.getString(0) + " maps to unknown ISCED-F field " + r.getString(1));
      }
      if (!directions.add(r.getString(0))) {
        problems.add("training direction " + r.getString(0) + " appears twice");
      }
    }
    Map<String, Double> mobilitySums = new TreeMap<>();
    for (Row r : t.getOrDefault("mobility", List.of())) {
      for (int i = 0; i < 2; i++) {
        if (!regionCodes.contains(r.getString(i))) {
          problems.add("graduate mobility names unknown region " + r.getString(i));
        }
      }
      if (!(r.getDouble(2) >= 0 && r.getDouble(2) <= 1)) {
        problems.add("graduate mobility share " + r.getDouble(2) + " (" + r.getString(0) + " -> " + r.getString(1) + ") is outside [0, 1]");
      }
      mobilitySums.merge(r.getString(0), r.getDouble(2), Double::sum);
    }
    mobilitySums.forEach((from, sum) -> {
      if (Math.abs(sum - 1) > 1e-6) {
        problems.add("graduate mobility shares from " + from + " sum to " + sum + ", not 1");
      }
    });
    if (allIsco.contains(Reference.OTHER_OCCUPATIONS) || allIsco.contains(Reference.UNCODED)) {
      problems.add("ISCO table must not use the reserved codes OTHER and UNCODED");
    }
    if (!problems.isEmpty()) {
      int shown = Math.min(problems.size(), 20);
      throw new InvalidConfigException("reference data is inconsistent (" + problems.size() + " problems):\n  "
          + String.join("\n  ", problems.subList(0, shown)) + (shown < problems.size() ? "\n  ..." : ""));
    }
  }

  /** The tables of the real-source adapters: every code they name must exist. */
  private static void checkSourceTables(Map<String, List<Row>> t, Set<String> units, Set<String> regionCodes, List<String> problems) {
    Set<String> seenTerms = new HashSet<>();
    for (Row r : t.getOrDefault("titleTerms", List.of())) {
      if (!seenTerms.add(r.getString(0).trim().toLowerCase(java.util.Locale.ROOT))) {
        problems.add("title term '" + r.getString(0) + "' appears twice");
      }
      if (!units.contains(r.getString(1))) {
        problems.add("title term '" + r.getString(0) + "' points to " + r.getString(1) + ", not an ISCO-08 unit group");
      }
    }
    Map<String, Double> roleSums = new TreeMap<>();
    for (Row r : t.getOrDefault("hhRoles", List.of())) {
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
    for (Row r : t.getOrDefault("hhAreas", List.of())) {
      if (!r.isNullAt(3) && !regionCodes.contains(r.getString(3))) {
        problems.add("hh area '" + r.getString(1) + "' points to unknown region " + r.getString(3));
      }
    }
    for (Row r : t.getOrDefault("nkzIsco", List.of())) {
      if (!units.contains(r.getString(1))) {
        problems.add("NKZ code " + r.getString(0) + " points to " + r.getString(1) + ", not an ISCO-08 unit group");
      }
    }
    for (Row r : t.getOrDefault("regionFormerNames", List.of())) {
      if (!regionCodes.contains(r.getString(1))) {
        problems.add("former region name '" + r.getString(0) + "' points to unknown region " + r.getString(1));
      }
    }
  }

  private static Set<String> codes(List<Row> rows, int index, java.util.function.Predicate<Row> keep) {
    Set<String> out = new HashSet<>();
    for (Row r : rows) {
      if (keep.test(r)) {
        out.add(r.getString(index));
      }
    }
    return out;
  }
}
