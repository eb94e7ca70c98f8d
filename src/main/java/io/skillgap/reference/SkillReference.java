package io.skillgap.reference;

import static io.skillgap.reference.ReferenceTable.CROSSWALK;
import static io.skillgap.reference.ReferenceTable.OCCUPATION_QUALIFICATIONS;
import static io.skillgap.reference.ReferenceTable.SKILLS;

import io.skillgap.skills.SkillMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * The skills vocabulary and the occupations' entry qualifications: the matcher built from the
 * vocabulary's labels and aliases, and the checks both tables must pass.
 */
final class SkillReference {
  private SkillReference() {}

  /** The groups a skill may belong to (docs/METHODOLOGY.md, "Skills"). */
  static final List<String> GROUPS = List.of("programming", "data_ai", "cloud_devops_datacentre", "networks_security",
      "enterprise_systems", "engineering_design", "automation_electronics", "mining_geology", "energy", "licences_certificates",
      "languages", "transversal");

  /** ISCO-08 skill levels 1-4 and the entry qualification each stands for. */
  static final Map<Integer, String> QUALIFICATIONS = Map.of(1, "general", 2, "vocational", 3, "tvet", 4, "higher");

  /** Skill id to every way of writing it: its three labels and its aliases ({@code |}-separated). */
  static Map<String, List<String>> aliases(List<Row> skills) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Row r : skills) {
      List<String> names = new ArrayList<>(List.of(r.getString(1), r.getString(2), r.getString(3)));
      if (!r.isNullAt(4)) {
        names.addAll(List.of(r.getString(4).split("\\|")));
      }
      out.put(r.getString(0), names.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
    return out;
  }

  static SkillMatcher matcher(List<Row> skills) {
    return SkillMatcher.of(aliases(skills));
  }

  /** Ids are plain, groups known, and no alias names two skills. */
  static void checkSkills(ReferenceChecks.Tables t, List<String> problems) {
    for (Row r : t.of(SKILLS)) {
      if (!r.getString(0).matches("[a-z0-9_]+")) {
        problems.add("skill id '" + r.getString(0) + "' is not lower-case letters, digits and _");
      }
      if (!GROUPS.contains(r.getString(5))) {
        problems.add("skill " + r.getString(0) + ": group '" + r.getString(5) + "' is not one of " + GROUPS);
      }
    }
    try {
      matcher(t.of(SKILLS));
    } catch (IllegalArgumentException e) {
      problems.add("skills: " + e.getMessage());
    }
  }

  /** Each unit group once with a skill level 1-4 and its qualification; the crosswalk's occupations all have one. */
  static void checkQualifications(ReferenceChecks.Tables t, List<String> problems) {
    Set<String> units = t.units();
    Set<String> covered = new HashSet<>();
    for (Row r : t.of(OCCUPATION_QUALIFICATIONS)) {
      String code = r.getString(0);
      covered.add(code);
      if (!units.contains(code)) {
        problems.add("occupation qualification for " + code + ": not an ISCO-08 unit group");
      }
      String expected = QUALIFICATIONS.get(r.getInt(1));
      if (expected == null || !expected.equals(r.getString(2))) {
        problems.add("occupation qualification for " + code + ": skill level " + r.getInt(1) + " must go with "
            + (expected == null ? "a level 1-4" : "'" + expected + "'") + ", not '" + r.getString(2) + "'");
      }
    }
    if (!t.of(OCCUPATION_QUALIFICATIONS).isEmpty()) {
      for (Row r : t.of(CROSSWALK)) {
        if (units.contains(r.getString(1)) && !covered.contains(r.getString(1))) {
          problems.add("the crosswalk feeds " + r.getString(1) + ", which has no row in the occupation qualifications");
        }
      }
    }
  }
}
