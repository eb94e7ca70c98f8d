package io.skillgap.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.classify.TitleClassifier.Coding;
import io.skillgap.reference.Reference;
import io.skillgap.reference.ReferenceTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The title classifier on hand-worked titles, and its precision and coverage on the labelled set. */
class TitleClassifierTest {
  private static TitleClassifier classifier;

  @BeforeAll
  static void build() throws IOException {
    classifier = Dictionaries.classifier(table("isco08.csv", ReferenceTable.ISCO), table("title_terms.csv", ReferenceTable.TITLE_TERMS),
        table("esco_occupations.csv", ReferenceTable.ESCO_OCCUPATIONS), table("hh_professional_roles.csv", ReferenceTable.HH_PROFESSIONAL_ROLES));
  }

  static List<org.apache.spark.sql.Row> table(String file, ReferenceTable schema) throws IOException {
    Path p = Path.of("conf/reference", file);
    return Reference.parse(Files.readString(p, StandardCharsets.UTF_8), schema, p.toString());
  }

  @Test
  void normalisesCaseScriptSeniorityAndGender() {
    // "Инжeнер" below has a Latin e: made Cyrillic, it meets the term "инженер энергетик".
    assertEquals(List.of("инженер", "энергетик"), TitleNormaliser.tokens("Инжeнер-Энергетик"), "look-alike letters");
    assertEquals(TitleNormaliser.tokens("ведущий"), TitleNormaliser.tokens("Ведущая"), "gender forms meet after stemming");
    assertEquals(List.of("cpp", "разработчик"), TitleNormaliser.tokens("C++ разработчик"), "C++ spelled as a word");
    assertEquals(List.of("мұғалім"), TitleNormaliser.tokens("мұғалімі"), "Kazakh possessive -і");
  }

  @Test
  void codesHandWorkedTitles() {
    // [ведущ, программист, 1с]: the longest term is "программист 1с" (2 tokens); "ведущ" is a qualifier, so
    // coverage is 2/2 and confidence 1.0 * (0.6 + 0.4) = 1.0; role 96 lists 2512, so the method is title+role.
    assertEquals(new Coding("2512", "title+role", 1.0), classifier.classify("Ведущий программист 1С", List.of("96")), "1C programmer");
    // [главн, бухгалтер]: the curated term "главный бухгалтер" (2411) covers both tokens; no role given.
    assertEquals(new Coding("2411", "title", 1.0), classifier.classify("Главный бухгалтер", List.of()), "chief accountant");
    // [водитель, категор, c]: "водитель категории c" is a term (8332); role 21 lists 8332 at 0.3: agreement.
    assertEquals("8332", classifier.classify("Водитель категории C", List.of("21")).isco(), "truck driver");
    // No term in "Стажер" (a qualifier only); role 113 (system administrator) alone: 2522 at 0.5 x weight 1.0.
    assertEquals(new Coding("2522", "role", 0.5), classifier.classify("Стажер", List.of("113")), "role only");
    // Role 40 ("Другое") maps to nothing and "Специалист" is no term: uncodable, kept with a null code.
    Coding none = classifier.classify("Специалист", List.of("40"));
    assertNull(none.isco(), "uncodable title has no code");
    assertEquals("none", none.method(), "uncodable method");
    // English ESCO label: "data scientist" is ESCO's preferred label of 2511 (project term too).
    assertEquals("2511", classifier.classify("Senior Data Scientist", List.of()).isco(), "English title");
  }

  @Test
  void labelledSetPrecisionAndCoverage() throws IOException {
    ClassifierEvaluation.Result r = ClassifierEvaluation.run(classifier, Path.of("src/test/resources/classifier/labelled_titles.csv"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/classifier-eval.md"), r.table());
    System.out.println(r.table());
    assertTrue(r.labelled() >= 300, "labelled set holds at least 300 titles, has " + r.labelled());
    assertTrue(r.precision() >= 0.90, "unit-group precision on the labelled set: " + r.precision());
    assertTrue(r.coverage() >= 0.90, "coverage on the labelled set: " + r.coverage());
  }
}
