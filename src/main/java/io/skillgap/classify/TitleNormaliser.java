package io.skillgap.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Job titles to comparable tokens, the same way for titles and dictionary terms: lower case, ё as е,
 * Latin and Cyrillic look-alikes made one script within a word ("Инженeр" with a Latin e), programming
 * language names spelled as words, and a light suffix stemmer so that gender and case forms ("ведущая",
 * "ведущий"; "кассира", "кассир"; "мұғалімі", "мұғалім") meet.
 */
public final class TitleNormaliser {
  private TitleNormaliser() {}

  /**
   * Nouns in -логия ("технологий", "технологии") keep their -логи- stem: stripped like other words, the
   * genitive plural "технологий" would become "технолог", another occupation (a technologist).
   */
  private static final java.util.regex.Pattern LOGY = java.util.regex.Pattern.compile("(.*логи)(я|и|й|ю|ей|ям|ями|ях)$");

  /** Latin letters that look like Cyrillic ones, and back. */
  private static final Map<Character, Character> LATIN_TO_CYRILLIC = Map.ofEntries(
      Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('e', 'е'), Map.entry('o', 'о'), Map.entry('p', 'р'),
      Map.entry('x', 'х'), Map.entry('y', 'у'), Map.entry('k', 'к'), Map.entry('m', 'м'), Map.entry('t', 'т'),
      Map.entry('h', 'н'), Map.entry('b', 'в'));
  private static final Map<Character, Character> CYRILLIC_TO_LATIN = Map.ofEntries(
      Map.entry('а', 'a'), Map.entry('с', 'c'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'),
      Map.entry('х', 'x'), Map.entry('у', 'y'), Map.entry('к', 'k'), Map.entry('м', 'm'), Map.entry('т', 't'),
      Map.entry('н', 'h'), Map.entry('в', 'b'));

  /** Endings removed by the stemmer, longest first (Russian case and gender forms, Kazakh possessive -і/-ы, English plural). */
  private static final List<String> ENDINGS = List.of(
      "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими",
      "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ую", "юю", "ов", "ев", "ей", "ам", "ям", "ах", "ях", "ом", "ем",
      "а", "я", "ы", "и", "і", "у", "ю", "е", "о", "ь");

  /**
   * Words that say how senior, how junior or where, not what the job is: they do not count against a
   * match's coverage. Stemmed like the titles.
   */
  static final Set<String> QUALIFIERS = Set.copyOf(List.of(
      "ведущий", "ведущая", "старший", "старшая", "младший", "младшая", "главный", "главная", "senior", "junior", "middle",
      "lead", "стажер", "стажерка", "intern", "trainee", "жетекші", "аға", "бас", "г", "город", "в", "на", "с", "и", "для",
      "по", "of", "the", "and", "in", "категории", "категория", "разряда", "астана", "алматы", "шымкент", "remote",
      "удаленно", "удаленная", "вахта", "вахтовый", "метод", "сменный", "москва", "санкт", "петербург", "спб", "мск", "екатеринбург",
      "караганда", "актобе", "атырау", "павлодар", "костанай", "усть", "каменогорск", "семей", "тараз", "актау", "кызылорда", "уральск",
      "петропавловск", "туркестан", "кокшетау", "талдыкорган", "нур", "султан", "ул", "улица", "проспект",
      "подработка", "частичная", "занятость", "полная", "график", "гибкий", "смена", "смены", "ночные", "дневные", "выходные", "гибрид",
      "hybrid", "office", "full", "time", "part", "стажировка", "без", "опыта", "работы", "to", "for", "at", "a", "or",
      "или", "от", "до", "к", "у", "о", "об", "за", "из", "при").stream().map(TitleNormaliser::stem).toList());

  /**
   * The tokens that say what the job is: without seniority, places, schedules and numbers (the key of the
   * coding index and what similar titles are compared on).
   */
  public static List<String> core(List<String> tokens) {
    List<String> out = new ArrayList<>();
    for (String t : tokens) {
      if (!QUALIFIERS.contains(t) && !t.chars().allMatch(Character::isDigit)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Where a title's head ends: brackets, quotes, a list of alternatives, and "в/на/для ..." (the employer or place). */
  private static final java.util.regex.Pattern HEAD_END = java.util.regex.Pattern.compile(
      "[(\\[«\"“„,;|]| [/\\\\] | [-–—] | (в|во|на|для|at|in|for) (?=\\S)", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * The title's head: the words before its first bracket, quote, comma, spaced dash or slash, or a
   * preposition that starts its employer or place ("Администратор в стоматологию", "Повар (м. Беговая)").
   * Employers and places say little of the occupation and, as rare words, would weigh most in a comparison.
   */
  public static String head(String title) {
    if (title == null) {
      return "";
    }
    String t = title.strip();
    java.util.regex.Matcher m = HEAD_END.matcher(t);
    while (m.find()) {
      if (m.start() > 0) {
        return t.substring(0, m.start());
      }
    }
    return t;
  }

  /** Tokens of a title: normalised and stemmed, in order. */
  public static List<String> tokens(String title) {
    List<String> out = new ArrayList<>();
    if (title == null) {
      return out;
    }
    String t = title.toLowerCase(Locale.ROOT).replace('ё', 'е')
        .replace("c++", " cpp ").replace("с++", " cpp ").replace("c#", " csharp ").replace("с#", " csharp ")
        .replace(".net", " dotnet ").replace("1c", "1с");
    for (String raw : t.split("[^\\p{L}\\p{N}]+")) {
      if (!raw.isEmpty()) {
        out.add(stem(oneScript(raw)));
      }
    }
    return out;
  }

  /** A word mixing scripts is written in the script most of its letters use. */
  static String oneScript(String word) {
    int cyr = 0;
    int lat = 0;
    for (char ch : word.toCharArray()) {
      if (Character.UnicodeBlock.of(ch) == Character.UnicodeBlock.CYRILLIC) {
        cyr++;
      } else if (ch >= 'a' && ch <= 'z') {
        lat++;
      }
    }
    if (cyr == 0 || lat == 0) {
      return word;
    }
    Map<Character, Character> map = cyr >= lat ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
    StringBuilder b = new StringBuilder(word.length());
    for (char ch : word.toCharArray()) {
      b.append(map.getOrDefault(ch, ch));
    }
    return b.toString();
  }

  /** Removes one inflectional ending from a word longer than four letters (Latin words: a plural s). */
  static String stem(String word) {
    if (word.length() <= 4) {
      return word;
    }
    char first = word.charAt(0);
    if (first >= 'a' && first <= 'z') {
      return word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }
    java.util.regex.Matcher logy = LOGY.matcher(word);
    if (logy.matches()) {
      return logy.group(1);
    }
    for (String e : ENDINGS) {
      if (word.endsWith(e) && word.length() - e.length() >= 3) {
        return word.substring(0, word.length() - e.length());
      }
    }
    return word;
  }
}
