package io.skillgap.classify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Codes a free-text job title to an ISCO-08 unit group with a dictionary of terms (the project's
 * Russian, Kazakh and English terms first, then ESCO occupation labels), combined with the board's
 * professional role where there is one. The longest term found in the title wins; a role that agrees
 * raises the confidence, a role alone codes a title the dictionary does not know. Serializable: Spark
 * ships one copy to each executor inside the UDF.
 */
public final class TitleClassifier implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How a code was found. */
  public static final String BY_TITLE = "title";
  public static final String BY_TITLE_AND_ROLE = "title+role";
  public static final String BY_ROLE = "role";
  public static final String NONE = "none";

  /** Longest term, in tokens, looked for. */
  private static final int MAX_TERM_TOKENS = 6;

  /** A term's occupations and the weight of the source it came from (1 for curated terms). */
  record Term(String isco, double weight) implements Serializable {}

  /** One ISCO code of a role, with its share of the role. */
  public record RoleCode(String isco, double weight) implements Serializable {}

  /** The result: code (null when uncodable), method, confidence in [0, 1]. */
  public record Coding(String isco, String method, double confidence) implements Serializable {}

  private final Map<String, Term> terms;
  private final Map<String, List<RoleCode>> roles;

  private TitleClassifier(Map<String, Term> terms, Map<String, List<RoleCode>> roles) {
    this.terms = terms;
    this.roles = roles;
  }

  /** Builds the dictionary; project terms win over ESCO labels written the same way. */
  public static final class Builder {
    private final Map<String, Term> terms = new HashMap<>();
    private final Map<String, List<RoleCode>> roles = new HashMap<>();
    private final Set<String> units;

    /** {@code units}: the ISCO-08 unit groups a code must be one of. */
    public Builder(Set<String> units) {
      this.units = units;
    }

    /** A curated term: replaces any ESCO label with the same tokens. */
    public Builder term(String text, String isco) {
      String key = key(text);
      if (!key.isEmpty() && units.contains(isco)) {
        terms.put(key, new Term(isco, 1.0));
      }
      return this;
    }

    /** An ESCO label: kept unless a curated term or a preferred label already holds the same tokens. */
    public Builder escoLabel(String text, String isco, boolean preferred) {
      String key = key(text);
      if (key.isEmpty() || !units.contains(isco) || (!preferred && !key.contains(" "))) {
        return this; // one-word alternative labels ("major", "general") are too ambiguous to match inside titles
      }
      Term existing = terms.get(key);
      double weight = preferred ? 0.9 : 0.8;
      if (existing == null || existing.weight() < weight) {
        terms.put(key, new Term(isco, weight));
      }
      return this;
    }

    public Builder role(String roleId, String isco, double weight) {
      if (isco != null && units.contains(isco) && weight > 0) {
        roles.computeIfAbsent(roleId, k -> new ArrayList<>()).add(new RoleCode(isco, weight));
      }
      return this;
    }

    public TitleClassifier build() {
      roles.values().forEach(l -> l.sort((a, b) -> Double.compare(b.weight(), a.weight())));
      return new TitleClassifier(Map.copyOf(terms), Map.copyOf(roles));
    }
  }

  static String key(String text) {
    return String.join(" ", TitleNormaliser.tokens(text));
  }

  public int size() {
    return terms.size();
  }

  /** The role's codes, highest weight first; empty when the role is unknown or has none ("Другое"). */
  public List<RoleCode> roleCodes(String roleId) {
    return roleId == null ? List.of() : roles.getOrDefault(roleId.trim(), List.of());
  }

  /** Codes a title, using the first of {@code roleIds} that the role table maps (may be empty). */
  public Coding classify(String title, List<String> roleIds) {
    List<RoleCode> role = List.of();
    for (String r : roleIds == null ? List.<String>of() : roleIds) {
      role = roleCodes(r);
      if (!role.isEmpty()) {
        break;
      }
    }
    List<String> tokens = TitleNormaliser.tokens(title);
    Match m = longestMatch(tokens, role);
    if (m == null) {
      return role.isEmpty() ? new Coding(null, NONE, 0.0) : new Coding(role.get(0).isco(), BY_ROLE, round(0.5 * role.get(0).weight()));
    }
    long meaningful = tokens.stream().filter(t -> !TitleNormaliser.QUALIFIERS.contains(t)).count();
    double coverage = meaningful == 0 ? 1.0 : Math.min(1.0, (double) m.length / meaningful);
    double confidence = m.term.weight() * (0.6 + 0.4 * coverage);
    boolean agrees = role.stream().anyMatch(r -> r.isco().equals(m.term.isco()));
    if (agrees) {
      return new Coding(m.term.isco(), BY_TITLE_AND_ROLE, round(Math.min(1.0, confidence + 0.15)));
    }
    // A weak match (a word covering under half of the title) that the role contradicts at major-group level: trust the role.
    if (!role.isEmpty() && coverage < 0.5 && role.get(0).weight() >= 0.5
        && role.get(0).isco().charAt(0) != m.term.isco().charAt(0)) {
      return new Coding(role.get(0).isco(), BY_ROLE, round(0.5 * role.get(0).weight()));
    }
    return new Coding(m.term.isco(), BY_TITLE, round(confidence));
  }

  private record Match(Term term, int length) {}

  /** The longest term in the title; among equally long ones the one the role agrees with, else the first. */
  private Match longestMatch(List<String> tokens, List<RoleCode> role) {
    for (int n = Math.min(MAX_TERM_TOKENS, tokens.size()); n >= 1; n--) {
      Match first = null;
      for (int i = 0; i + n <= tokens.size(); i++) {
        Term t = terms.get(String.join(" ", tokens.subList(i, i + n)));
        if (t == null) {
          continue;
        }
        if (role.stream().anyMatch(r -> r.isco().equals(t.isco()))) {
          return new Match(t, n);
        }
        if (first == null) {
          first = new Match(t, n);
        }
      }
      if (first != null) {
        return first;
      }
    }
    return null;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
