package io.skillgap.classify;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Codes a free-text job title to ISCO-08, at the most detailed level its evidence supports. The evidence,
 * strongest first: a rule of the title's structure ({@link TitleRules}); the same title in the labelled set
 * (the coding index); the labelled titles most similar to it ({@link SimilarTitles}, the learned part);
 * the longest dictionary term it contains (the project's terms, then ESCO labels); and the board's
 * professional role, as evidence weighted by how often it is right, never as an override. The confidence
 * is calibrated: among codes given with confidence c, about c are right ({@link Calibration}); a code whose
 * unit group is too uncertain is given at the minor, sub-major or major group its evidence supports.
 * Serializable: Spark ships one copy to each executor inside the UDF.
 */
public final class TitleClassifier implements Serializable {
  private static final long serialVersionUID = 2L;

  /** How a code was found (the pipeline adds "source" and "nkz" for codes a source gave). */
  public static final String BY_TITLE = "title";
  public static final String BY_TITLE_AND_ROLE = "title+role";
  public static final String BY_ROLE = "role";
  public static final String NONE = "none";
  /** Titles of these words alone ("Специалист", "Ведущий менеджер") say nothing of the occupation: only the role can. */
  static final java.util.Set<String> GENERIC = java.util.Set.copyOf(java.util.stream.Stream.of("специалист", "менеджер",
      "сотрудник", "работник", "маман", "қызметкер", "specialist", "manager", "employee", "worker", "staff", "вакансия",
      "vacancy", "работа", "job").map(w -> TitleNormaliser.tokens(w).get(0)).toList());

  /** Longest term, in tokens, looked for. */
  private static final int MAX_TERM_TOKENS = 6;
  /** Neighbours that vote. */
  private static final int NEIGHBOURS = 7;

  /** A term's occupation and the weight of the source it came from (1 for curated terms). */
  record Term(String isco, double weight, String text) implements Serializable {}

  /** One ISCO code of a role, with its share of the role. */
  public record RoleCode(String isco, double weight) implements Serializable {}

  /**
   * The result: the code at {@code level} digits (null when uncodable, level 0), how it was found, the
   * calibrated probability that it is right at that level, and the evidence that produced it in words.
   */
  public record Coding(String isco, int level, String method, double confidence, String evidence) implements Serializable {
    public static Coding none() {
      return new Coding(null, 0, NONE, 0.0, "no evidence");
    }
  }

  /** The evidence kinds, in the order they are trusted. */
  enum Stage { RULE, CURATED, INDEX, HEAD, SIMILAR, TERM, ROLE }

  /**
   * What one kind of evidence says before calibration: a weight per unit group, the raw strength of the
   * best one (its share of the weight times how close the evidence is), whether the role agrees, and words.
   */
  record Candidate(Stage stage, Map<String, Double> codes, double strength, String agreement, String evidence) {
    String best() {
      return bestPrefix(4);
    }

    /** The prefix of {@code digits} digits that carries the most weight (ties: the smaller code). */
    String bestPrefix(int digits) {
      return heaviest(codes, digits);
    }
  }

  /** The code prefix of {@code digits} digits with the most weight (ties: the smaller code). */
  private static String heaviest(Map<String, Double> codes, int digits) {
    Map<String, Double> byPrefix = new TreeMap<>();
    codes.forEach((c, w) -> byPrefix.merge(c.substring(0, Math.min(digits, c.length())), w, Double::sum));
    String best = null;
    for (Map.Entry<String, Double> e : byPrefix.entrySet()) {
      if (best == null || e.getValue() > byPrefix.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  /** The share of all the weight that {@code code} carries. */
  private static double share(Map<String, Double> codes, String code) {
    return codes.get(code) / codes.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private final Set<String> units;
  private final Map<String, Term> terms;
  private final Map<String, List<RoleCode>> roles;
  private final Map<String, Map<String, Double>> roleCodes;
  private final Map<String, Map<String, Integer>> index;
  private final SimilarTitles similar;
  private final TitleRules rules = new TitleRules();
  private final Calibration calibration;

  TitleClassifier(Set<String> units, Map<String, Term> terms, Map<String, List<RoleCode>> roles, Map<String, Map<String, Double>> roleCodes,
      Map<String, Map<String, Integer>> index, SimilarTitles similar, Calibration calibration) {
    this.units = Set.copyOf(units);
    this.terms = terms;
    this.roles = roles;
    this.roleCodes = roleCodes;
    this.index = index;
    this.similar = similar;
    this.calibration = calibration;
  }

  /** The role's codes from the role table, highest weight first; empty when the role is unknown or has none. */
  public List<RoleCode> roleCodes(String roleId) {
    return roleId == null ? List.of() : roles.getOrDefault(roleId.trim(), List.of());
  }

  /** The same classifier with another calibration (the calibration tool builds one without, then measures it). */
  TitleClassifier withCalibration(Calibration c) {
    return new TitleClassifier(units, terms, roles, roleCodes, index, similar, c);
  }

  /** Codes a title, with the board's professional roles where there are (the first one known counts). */
  public Coding classify(String title, List<String> roleIds) {
    Candidate c = candidate(title, roleIds);
    if (c == null) {
      return Coding.none();
    }
    Calibration.Levels p = calibration.levels(c.stage(), c.agreement(), c.strength());
    int level = calibration.level(c.stage(), p);
    if (level == 0) {
      return Coding.none();
    }
    String code = c.bestPrefix(level);
    String method = c.stage() == Stage.ROLE ? BY_ROLE : "agrees".equals(c.agreement()) ? BY_TITLE_AND_ROLE : BY_TITLE;
    return new Coding(code, level, method, round(p.at(level)), c.evidence());
  }

  /** The strongest evidence for the title, before calibration; null when there is none. */
  Candidate candidate(String title, List<String> roleIds) {
    Map<String, Double> role = roleDistribution(roleIds);
    List<String> tokens = TitleNormaliser.tokens(title);
    List<String> core = TitleNormaliser.core(tokens);
    if (core.isEmpty() || GENERIC.containsAll(core)) {
      return role.isEmpty() ? null : roleCandidate(role);
    }
    TitleRules.Hit hit = rules.apply(title);
    if (hit != null && units.contains(hit.isco())) {
      return new Candidate(Stage.RULE, Map.of(hit.isco(), 1.0), 1.0, agreement(hit.isco(), role), "rule: " + hit.rule());
    }
    // The whole title is one of the project's own terms (the conventions the regression set keeps).
    Term exact = terms.get(String.join(" ", core));
    if (exact != null && exact.weight() >= 1.0) {
      return new Candidate(Stage.CURATED, Map.of(exact.isco(), 1.0), 1.0, agreement(exact.isco(), role), "term '" + exact.text() + "'");
    }
    Candidate indexed = indexed(title, core, role);
    if (indexed != null) {
      return overruled(indexed, role, 0.8);
    }
    List<String> head = headCore(title);
    Candidate near = similar(head.isEmpty() ? core : head, role);
    Candidate term = term(tokens, core, role);
    if (near != null && (term == null || near.strength() >= 0.6 || near.best().equals(term.best()))) {
      return overruled(near, role, 0.6);
    }
    if (term != null) {
      return overruled(term, role, 0.6);
    }
    if (near != null) {
      return overruled(near, role, 0.6);
    }
    return role.isEmpty() ? null : roleCandidate(role);
  }

  /**
   * Weak title evidence that the role contradicts gives way to the role when the role is decided enough
   * (its commonest unit group has at least {@code share} of it): in the tuning part's cross-validation,
   * similar titles and terms the role contradicts were right 13-30% of the time, the role 26-78%.
   */
  private Candidate overruled(Candidate c, Map<String, Double> role, double share) {
    if (!"differs".equals(c.agreement()) || role.isEmpty()) {
      return c;
    }
    Candidate r = roleCandidate(role);
    return r.strength() >= share ? r : c;
  }

  /** The title as the labelled set wrote it (its meaningful words), or its head as the heads of labelled titles. */
  private Candidate indexed(String title, List<String> core, Map<String, Double> role) {
    String key = String.join(" ", core);
    Stage stage = Stage.INDEX;
    Map<String, Integer> counts = index.get(key);
    if (counts == null) {
      key = String.join(" ", headCore(title));
      stage = Stage.HEAD;
      counts = index.get(key);
    }
    if (counts == null || counts.isEmpty()) {
      return null;
    }
    Map<String, Double> codes = new LinkedHashMap<>();
    counts.forEach((c, n) -> codes.put(c, n * (1 + role.getOrDefault(c, 0.0))));
    String best = heaviest(codes, 4);
    return new Candidate(stage, codes, share(codes, best), agreement(best, role),
        (stage == Stage.INDEX ? "labelled title '" : "labelled titles headed '") + key + "'");
  }

  /** The nearest labelled titles vote, each by its similarity squared, helped by the role's codes. */
  private Candidate similar(List<String> core, Map<String, Double> role) {
    if (similar == null || similar.size() == 0) {
      return null;
    }
    List<SimilarTitles.Hit> hits = similar.nearest(String.join(" ", core), NEIGHBOURS);
    if (hits.isEmpty() || hits.get(0).similarity() < 0.2) {
      return null;
    }
    Map<String, Double> votes = new LinkedHashMap<>();
    for (SimilarTitles.Hit h : hits) {
      votes.merge(h.doc().code(), h.similarity() * h.similarity() * h.doc().weight(), Double::sum);
    }
    votes.replaceAll((c, v) -> v * (1 + 2 * role.getOrDefault(c, 0.0)));
    String best = heaviest(votes, 4);
    SimilarTitles.Hit nearest = hits.stream().filter(h -> h.doc().code().equals(best)).findFirst().orElse(hits.get(0));
    return new Candidate(Stage.SIMILAR, votes, share(votes, best) * nearest.similarity(), agreement(best, role),
        String.format(Locale.ROOT, "similar to '%s' (%.2f)", nearest.doc().text(), nearest.similarity()));
  }

  /** The longest dictionary term in the title; among equally long ones the one the role agrees with, else the first. */
  private Candidate term(List<String> tokens, List<String> core, Map<String, Double> role) {
    for (int n = Math.min(MAX_TERM_TOKENS, tokens.size()); n >= 1; n--) {
      Term first = null;
      for (int i = 0; i + n <= tokens.size(); i++) {
        Term t = terms.get(String.join(" ", tokens.subList(i, i + n)));
        if (t == null) {
          continue;
        }
        if (role.containsKey(t.isco())) {
          first = t;
          break;
        }
        if (first == null) {
          first = t;
        }
      }
      if (first != null) {
        double coverage = Math.min(1.0, (double) n / Math.max(1, core.size()));
        return new Candidate(Stage.TERM, Map.of(first.isco(), 1.0), first.weight() * coverage, agreement(first.isco(), role),
            "term '" + first.text() + "'");
      }
    }
    return null;
  }

  private static List<String> headCore(String title) {
    return TitleNormaliser.core(TitleNormaliser.tokens(TitleNormaliser.head(title)));
  }

  private Candidate roleCandidate(Map<String, Double> role) {
    return new Candidate(Stage.ROLE, role, role.get(heaviest(role, 4)), null, "the professional role alone");
  }

  /** "agrees" when the role gives the code some weight, "differs" when it gives it none, null without a role. */
  private static String agreement(String code, Map<String, Double> role) {
    if (role.isEmpty()) {
      return null;
    }
    return role.getOrDefault(code, 0.0) >= 0.05 ? "agrees" : "differs";
  }

  /**
   * The unit groups of the first known role with their shares: how the labelled titles of that role were
   * coded, and the role table's own weights, counted as five labelled titles.
   */
  Map<String, Double> roleDistribution(List<String> roleIds) {
    for (String r : roleIds == null ? List.<String>of() : roleIds) {
      String id = r == null ? "" : r.trim();
      Map<String, Double> counts = new HashMap<>(roleCodes.getOrDefault(id, Map.of()));
      roleCodes(id).forEach(rc -> counts.merge(rc.isco(), 5 * rc.weight(), Double::sum));
      double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
      if (total > 0) {
        Map<String, Double> out = new LinkedHashMap<>();
        new TreeMap<>(counts).forEach((c, w) -> out.put(c, w / total));
        return out;
      }
    }
    return Map.of();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
