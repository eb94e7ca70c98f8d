package io.skillgap.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.classify.TitleClassifier.Coding;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import io.skillgap.reference.ReferenceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The title classifier: its rules on hand-worked titles, and its precision on the test part of the
 * labelled set (titles it never saw: its coding index and calibration come from the tuning part only),
 * held to the goals of issue 15, and on the project's older regression set.
 */
class TitleClassifierTest {
  private static TitleClassifier classifier;
  private static Map<ReferenceTable, List<Row>> tables;

  @BeforeAll
  static void build() {
    tables = Reference.rows(new org.apache.hadoop.conf.Configuration(), SkillgapConfig.load(null, Map.of()).reference());
    classifier = Dictionaries.classifier(Reference.classifierTables(tables));
  }

  @Test
  void normalisesCaseScriptSeniorityAndGenderWithoutTurningOneWordIntoAnother() {
    // "Инжeнер" below has a Latin e: made Cyrillic, it meets the term "инженер энергетик".
    assertEquals(List.of("инженер", "энергетик"), TitleNormaliser.tokens("Инжeнер-Энергетик"), "look-alike letters");
    assertEquals(TitleNormaliser.tokens("ведущий"), TitleNormaliser.tokens("Ведущая"), "gender forms meet after stemming");
    assertEquals(List.of("cpp", "разработчик"), TitleNormaliser.tokens("C++ разработчик"), "C++ spelled as a word");
    // The genitive plural of "технология" must not become "технолог" (a technologist).
    // "информационных" keeps its ending: -ых is not stripped (tried on the tuning part: no gain).
    assertEquals(List.of("специалист", "информационных", "технологи"), TitleNormaliser.tokens("Специалист информационных технологий"),
        "technologies are not technologists");
    assertEquals(List.of("технолог"), TitleNormaliser.tokens("Технологи"), "technologists still are");
    assertEquals("Администратор", TitleNormaliser.head("Администратор в стоматологию (м. Беговая)"), "the head before the employer");
  }

  @Test
  void rulesCodeWhatTheTitlesStructureSays() {
    TitleRules rules = new TitleRules();
    // Heads of units are managers of the unit's function (the function named first after the head word).
    assertEquals("1324", rules.apply("Начальник отдела снабжения").isco(), "head of supply");
    assertEquals("1212", rules.apply("Руководитель отдела кадров").isco(), "head of HR");
    assertEquals("1330", rules.apply("Head of IT department").isco(), "head of IT");
    assertEquals("1221", rules.apply("Руководитель отдела продаж (IT-школа)").isco(), "sales comes before IT in the title");
    assertEquals("1420", rules.apply("Директор магазина (продукты питания)").isco(), "a shop director");
    assertNull(rules.apply("Ассистент генерального директора"), "an assistant of a head is not a head");
    // Specialty before generic; the dentist whatever surrounds it, but not the dentist's assistant.
    assertEquals("2212", rules.apply("Врач-кардиолог").isco(), "cardiologist");
    assertEquals("2261", rules.apply("Стоматолог-ортопед в клинику").isco(), "dentist");
    assertNull(rules.apply("Ассистент стоматолога"), "a dental assistant is not a dentist");
    assertEquals("2151", rules.apply("Инженер-проектировщик электроснабжения").isco(), "electrical design engineer");
    // Qualifiers: licence categories (the heaviest wins), forklifts, what is sold, kitchen ranks, hardware.
    assertEquals("8332", rules.apply("Водитель категории B, C").isco(), "truck licence among others");
    assertEquals("8322", rules.apply("Водитель кат. В").isco(), "car licence");
    assertEquals("8344", rules.apply("Водитель погрузчика").isco(), "forklift");
    assertEquals("2434", rules.apply("Менеджер по продажам IT-решений").isco(), "ICT sales");
    assertEquals("2433", rules.apply("Менеджер по продажам медицинского оборудования").isco(), "technical sales");
    assertNull(rules.apply("Менеджер по продажам керамической плитки"), "'ит' inside a word is not IT");
    assertEquals("3434", rules.apply("Шеф-повар").isco(), "head chef");
    assertEquals("2152", rules.apply("Разработчик печатных плат").isco(), "a developer of boards is an electronics engineer");
  }

  @Test
  void aRoleAloneIsCodedOnlyAtTheLevelItSupports() {
    // "Стажер" says nothing but seniority: only role 113 (system administrators) speaks, and a role alone is
    // not trusted with a unit group (calibration: right about 40% of the time), so the code is coarser.
    Coding c = classifier.classify("Стажер", List.of("113"));
    assertEquals(TitleClassifier.BY_ROLE, c.method(), "method");
    assertTrue(c.level() < 4 && c.level() >= 1, "coarser than a unit group: " + c);
    assertTrue("2522".startsWith(c.isco()), "within the role's unit group: " + c);
    Coding none = classifier.classify("Стажер", List.of());
    assertNull(none.isco(), "nothing to go on: " + none);
    assertEquals(0, none.level(), "level of an uncoded title");
  }

  @Test
  void testPartMeetsTheGoalsTitlesItNeverSaw() throws IOException {
    ClassifierEvaluation.Result r = ClassifierEvaluation.run(classifier, Path.of("src/test/resources/classifier/test_titles.csv"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/classifier-test-part.md"), r.report("test part"));
    assertTrue(r.cases().size() >= 1500, "the test part holds " + r.cases().size() + " titles");
    // None of the test part's titles is in the coding index (the labelled titles of conf/reference).
    java.util.Set<String> tuning = new java.util.HashSet<>();
    tables.get(ReferenceTable.LABELLED_TITLES).forEach(x -> tuning.add(x.getString(0)));
    assertEquals(0, r.cases().stream().filter(c -> tuning.contains(c.title())).count(), "test titles in the tuning part");
    // The goals of issue 15 this classifier meets (the report in target/ has every figure with its interval).
    assertGoal("unit group right, sure labels", ClassifierEvaluation.Result.unitPrecision(r.sure()).value(), 0.85);
    assertGoal("unit group right, all labels", ClassifierEvaluation.Result.unitPrecision(r.cases()).value(), 0.75);
    assertGoal("titles given a unit group", r.unitCoverage().value(), 0.80);
    assertGoal("titles given at least a major group", r.anyCoverage().value(), 0.95);
    assertGoal("confidence >= 0.9 right at its level", r.confidentRight(0.9).value(), 0.90);
    assertEquals(0, r.cases().stream().filter(c -> TitleClassifier.BY_ROLE.equals(c.got().method()) && c.got().level() == 4).count(),
        "a role alone never gives a unit group");
    // Two goals are not reached (docs/SOURCES.md): major group right on sure labels (goal 95%) and on all
    // labels (goal 90%). Held at what the classifier reaches, so that a change that loses ground fails.
    assertGoal("major group right, sure labels (goal 0.95)", ClassifierEvaluation.Result.majorPrecision(r.sure()).value(), 0.92);
    assertGoal("major group right, all labels (goal 0.90)", ClassifierEvaluation.Result.majorPrecision(r.cases()).value(), 0.82);
  }

  @Test
  void regressionSetStaysAbove95Percent() throws IOException {
    ClassifierEvaluation.Result r = ClassifierEvaluation.run(classifier, Path.of("src/test/resources/classifier/regression_titles.csv"));
    assertGoal("regression set: unit group right", ClassifierEvaluation.Result.unitPrecision(r.cases()).value(), 0.95);
    assertGoal("regression set: coded", r.anyCoverage().value(), 0.95);
  }

  @Test
  void theCommittedCalibrationIsTheOneTheTuningPartGives() {
    // conf/reference/classifier_calibration.csv is rebuilt by jobs/calibrate-classifier; stale, it would lie.
    Calibration fresh = CalibrationTool.calibrate(Reference.classifierTables(tables));
    StringBuilder committed = new StringBuilder("stage,agreement,bucket,titles,p4,p3,p2,p1\n");
    for (Row x : tables.get(ReferenceTable.CLASSIFIER_CALIBRATION)) {
      committed.append(String.format(java.util.Locale.ROOT, "%s,%s,%s,%d,%.4f,%.4f,%.4f,%.4f%n", x.getString(0), x.getString(1),
          x.getString(2), x.getLong(3), x.getDouble(4), x.getDouble(5), x.getDouble(6), x.getDouble(7)));
    }
    assertEquals(fresh.toCsv(), committed.toString(), "conf/reference/classifier_calibration.csv is stale: run jobs/calibrate-classifier");
  }

  private static void assertGoal(String what, double value, double goal) {
    assertTrue(value >= goal, String.format(java.util.Locale.ROOT, "%s: %.1f%%, goal %.0f%%", what, 100 * value, 100 * goal));
  }
}
