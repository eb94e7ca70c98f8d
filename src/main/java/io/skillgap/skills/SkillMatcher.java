package io.skillgap.skills;

import io.skillgap.classify.TitleNormaliser;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Skills named in a vacancy, from the vocabulary (conf/reference/skills.csv), with the title classifier's
 * normaliser on both sides so that case, ё, script look-alikes and Russian endings do not matter. A listed
 * skill (hh key_skills, a canonical {@code skills} list) counts when the whole item is an alias; a text
 * counts each longest alias it contains as whole words ("Java" is not found in "JavaScript", nor "SQL" in
 * "PostgreSQL"). No Spark in here: the conform step wraps it in a function.
 */
public final class SkillMatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Longest accepted item of a skills list, and most items: beyond them the value is not a list of skills. */
  public static final int MAX_ITEM_CHARS = 120;
  public static final int MAX_ITEMS = 200;
  /** How a list's items are separated (hh key skills are joined with it at read time). */
  public static final String LIST_SEPARATOR = ";";

  /** Where a vacancy named a skill. */
  public static final String LISTED = "listed";
  public static final String TEXT = "text";
  public static final String BOTH = "listed+text";

  private static final Pattern TAGS = Pattern.compile("<[^>]{0,2000}>");
  private static final Pattern ENTITIES = Pattern.compile("&(nbsp|amp|quot|lt|gt|laquo|raquo|mdash|ndash|#\\d{1,6});");
  private static final Map<Character, Character> ONE_LETTER = Map.ofEntries(
      Map.entry('а', 'a'), Map.entry('в', 'b'), Map.entry('с', 'c'), Map.entry('е', 'e'), Map.entry('н', 'h'),
      Map.entry('к', 'k'), Map.entry('м', 'm'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('т', 't'),
      Map.entry('х', 'x'), Map.entry('у', 'y'));

  /** One alias: its tokens and its skill. */
  private record Alias(String[] tokens, String skill) implements Serializable {}

  /** Aliases by their first token, longest first. */
  private final Map<String, List<Alias>> byFirst;
  /** Skill by the whole alias (tokens joined by a space): the exact match of a listed item. */
  private final Map<String, String> exact;

  private SkillMatcher(Map<String, List<Alias>> byFirst, Map<String, String> exact) {
    this.byFirst = byFirst;
    this.exact = exact;
  }

  /**
   * A matcher of the skills given as id to aliases (labels included). An alias whose tokens are another
   * skill's alias too is refused: which skill it names would depend on file order.
   */
  public static SkillMatcher of(Map<String, List<String>> aliasesBySkill) {
    Map<String, String> exact = new HashMap<>();
    Map<String, List<Alias>> byFirst = new HashMap<>();
    aliasesBySkill.forEach((skill, aliases) -> {
      for (String a : aliases) {
        List<String> t = tokens(a);
        if (t.isEmpty()) {
          continue;
        }
        String key = String.join(" ", t);
        String before = exact.putIfAbsent(key, skill);
        if (before != null && !before.equals(skill)) {
          throw new IllegalArgumentException("alias \"" + a + "\" names two skills: " + before + " and " + skill);
        }
        if (before == null) {
          byFirst.computeIfAbsent(t.get(0), k -> new ArrayList<>()).add(new Alias(t.toArray(String[]::new), skill));
        }
      }
    });
    byFirst.values().forEach(l -> l.sort(Comparator.comparingInt((Alias a) -> a.tokens().length).reversed()));
    return new SkillMatcher(byFirst, exact);
  }

  /**
   * Tokens as the titles' normaliser makes them, a lone Cyrillic look-alike letter written in Latin
   * ("категория С"), and two endings the titles' stemmer leaves that requirement texts are full of: the
   * oblique cases of nouns in -ние/-ание ("управления", "знанием" meet "управление", "знание") and the
   * instrumental of adjectives ("английским", "базовым").
   */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : TitleNormaliser.tokens(text)) {
      out.add(t.length() == 1 ? String.valueOf(ONE_LETTER.getOrDefault(t.charAt(0), t.charAt(0))) : caseForm(t));
    }
    return out;
  }

  static String caseForm(String token) {
    if (token.length() <= 5 || Character.UnicodeBlock.of(token.charAt(0)) != Character.UnicodeBlock.CYRILLIC) {
      return token;
    }
    if (token.endsWith("ени") || token.endsWith("ани")) {
      return token.substring(0, token.length() - 1);
    }
    if (token.endsWith("им") || token.endsWith("ым")) {
      return token.substring(0, token.length() - 2);
    }
    return token;
  }

  /** The skills of a text, each once, in the order they first appear (HTML tags and entities read as spaces). */
  public List<String> inText(String text) {
    List<String> found = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return found;
    }
    List<String> t = tokens(ENTITIES.matcher(TAGS.matcher(text).replaceAll(" ")).replaceAll(" "));
    int i = 0;
    while (i < t.size()) {
      Alias hit = longestAt(t, i);
      if (hit == null) {
        i++;
        continue;
      }
      if (!found.contains(hit.skill())) {
        found.add(hit.skill());
      }
      i += hit.tokens().length;
    }
    return found;
  }

  private Alias longestAt(List<String> t, int i) {
    for (Alias a : byFirst.getOrDefault(t.get(i), List.of())) {
      if (i + a.tokens().length <= t.size() && matches(t, i, a.tokens())) {
        return a;
      }
    }
    return null;
  }

  private static boolean matches(List<String> t, int from, String[] alias) {
    for (int k = 0; k < alias.length; k++) {
      if (!t.get(from + k).equals(alias[k])) {
        return false;
      }
    }
    return true;
  }

  /** The skills of a list whose items are whole aliases; items the vocabulary does not know are left out. */
  public List<String> listed(String list) {
    List<String> found = new ArrayList<>();
    for (String item : items(list)) {
      String skill = exact.get(String.join(" ", tokens(item)));
      if (skill != null && !found.contains(skill)) {
        found.add(skill);
      }
    }
    return found;
  }

  /** A list's non-blank items. */
  static List<String> items(String list) {
    List<String> out = new ArrayList<>();
    if (list != null) {
      for (String s : list.split(LIST_SEPARATOR, -1)) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  /**
   * Why a skills list cannot be read, or null: more than {@link #MAX_ITEMS} items, an item longer than
   * {@link #MAX_ITEM_CHARS}, or control characters (an hh key skill that was not a name is read as one).
   */
  public static String listProblem(String list) {
    List<String> items = items(list);
    if (items.size() > MAX_ITEMS) {
      return "more than " + MAX_ITEMS + " items";
    }
    for (String item : items) {
      if (item.length() > MAX_ITEM_CHARS) {
        return "an item longer than " + MAX_ITEM_CHARS + " characters";
      }
      if (item.chars().anyMatch(c -> Character.isISOControl(c))) {
        return "an item that is not a name";
      }
    }
    return null;
  }

  /** Skill to where it was found: the list, the text or both; the list's order first. */
  public Map<String, String> found(String list, String text) {
    Map<String, String> out = new LinkedHashMap<>();
    listed(list).forEach(s -> out.put(s, LISTED));
    inText(text).forEach(s -> out.merge(s, TEXT, (was, now) -> BOTH));
    return out;
  }

  /** Aliases and their skill (for checks and the data dictionary); keys are the normalised aliases. */
  public Map<String, String> aliases() {
    return Map.copyOf(exact);
  }
}
