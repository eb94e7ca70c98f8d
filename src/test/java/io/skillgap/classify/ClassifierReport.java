package io.skillgap.classify;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import java.nio.file.Path;
import java.util.Map;

/** Prints the classifier's measures on the test part and the regression set (for development; the test asserts them). */
public final class ClassifierReport {
  private ClassifierReport() {}

  public static void main(String[] args) throws Exception {
    TitleClassifier c = Reference.classifier(new org.apache.hadoop.conf.Configuration(), SkillgapConfig.load(null, Map.of()).reference());
    for (String f : args.length > 0 ? args : new String[] {"src/test/resources/classifier/test_titles.csv",
        "src/test/resources/classifier/regression_titles.csv"}) {
      ClassifierEvaluation.Result r = ClassifierEvaluation.run(c, Path.of(f));
      System.out.println(r.report(f));
      if (System.getProperty("misses") != null) {
        r.cases().stream().filter(x -> x.coded() && x.got().level() == 4 && !x.unitRight())
            .forEach(x -> System.out.println("MISS " + x.label() + " got " + x.got().isco() + " " + x.title() + " | " + x.got().evidence()));
      }
    }
  }
}
