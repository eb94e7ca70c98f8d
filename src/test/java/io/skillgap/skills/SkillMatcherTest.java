package io.skillgap.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillMatcherTest {
  private static final SkillMatcher M = SkillMatcher.of(Map.of(
      "java", List.of("Java"),
      "javascript", List.of("JavaScript", "JS"),
      "sql", List.of("SQL"),
      "postgresql", List.of("PostgreSQL", "Postgres"),
      "one_c", List.of("1С", "1C:Enterprise", "1С:Предприятие"),
      "one_c_accounting", List.of("1С:Бухгалтерия", "1С Бухгалтерия"),
      "english", List.of("английский язык", "English"),
      "driving_licence_c", List.of("категория C", "водительское удостоверение категории C"),
      "cpp", List.of("C++")));

  @Test
  void aTextNamesWholeWordsOnlyAndTheLongestAliasWins() {
    // "JavaScript" is not Java; "PostgreSQL" is not SQL; "1С:Бухгалтерия" is the accounting product, not 1С alone;
    // "английского языка" meets "английский язык" through the stemmer; C++ is spelled as a word before tokenising.
    assertEquals(List.of("javascript", "postgresql", "one_c_accounting", "english", "cpp"),
        M.inText("Знание JavaScript, PostgreSQL и 1С:Бухгалтерия 8.3; английского языка; C++"), "longest whole-word matches");
    assertEquals(List.of("java", "sql"), M.inText("<p>Опыт с <b>Java</b> &nbsp;и SQL</p>"), "tags and entities read as spaces");
    assertEquals(List.of(), M.inText("Javanese sequel"), "no match inside a longer word");
  }

  @Test
  void aLoneCyrillicLetterMeetsItsLatinLookAlike() {
    // Employers type the licence category with the Cyrillic С as often as the Latin C.
    assertEquals(List.of("driving_licence_c"), M.inText("Водительское удостоверение категории «С»"), "Cyrillic С");
    assertEquals(List.of("driving_licence_c"), M.inText("права, категория C"), "Latin C");
  }

  @Test
  void aListedSkillCountsOnlyWhenTheWholeItemIsAnAlias() {
    // "Знание Java" is not an alias (a text would find it; a list item must be the skill's name).
    assertEquals(List.of("postgresql", "one_c"), M.listed("Postgres; 1C:Enterprise; Знание Java; ; Teamwork"), "exact items");
    Map<String, String> found = M.found("SQL; Java", "Нужен SQL и английский язык");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("sql", SkillMatcher.BOTH);
    expected.put("java", SkillMatcher.LISTED);
    expected.put("english", SkillMatcher.TEXT);
    assertEquals(expected, found, "where each skill was found");
  }

  @Test
  void aListThatIsNotAListOfNamesIsRefused() {
    assertNull(SkillMatcher.listProblem("Python; SQL"), "an ordinary list");
    assertNull(SkillMatcher.listProblem(null), "no list");
    assertEquals("an item longer than 120 characters", SkillMatcher.listProblem("Python; " + "x".repeat(121)), "long item");
    assertEquals("an item that is not a name", SkillMatcher.listProblem("Python; \u0001"), "hh element without a name");
    assertEquals("more than 200 items", SkillMatcher.listProblem("a;".repeat(201)), "too many items");
  }

  @Test
  void anAliasOfTwoSkillsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SkillMatcher.of(new java.util.TreeMap<>(Map.of("a", List.of("Excel"), "b", List.of("EXCEL")))), "same alias twice");
    assertEquals("alias \"EXCEL\" names two skills: a and b", e.getMessage());
  }

  @Test
  void theShippedVocabularyReadsCommonSpellingsAsEmployersMeanThem() {
    SkillMatcher shipped = io.skillgap.reference.Reference.skills(io.skillgap.reference.Reference.rows(new org.apache.hadoop.conf.Configuration(),
        io.skillgap.config.SkillgapConfig.load(null, Map.of()).reference()));
    // "с" before C++ is the Russian preposition, read as a lone Latin c: it must not make "c c++" the C language.
    assertEquals(List.of("cpp"), shipped.inText("Опыт работы с C++ от 3 лет"), "C++ after the preposition");
    assertEquals(List.of("cpp", "python"), shipped.inText("Знание C/C++, Python"), "C/C++");
    // Unit economics is not the Unity engine; a price "с НДС" (VAT included) asks for no tax accounting.
    assertEquals(List.of(), shipped.inText("Понимание юнит-экономики"), "unit economics");
    assertEquals(List.of(), shipped.inText("Цены с НДС"), "VAT in a price");
  }
}
