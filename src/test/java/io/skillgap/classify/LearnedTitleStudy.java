package io.skillgap.classify;

import io.skillgap.TestSessions;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The learned model issue 15 asked to try: Spark MLlib character 3-gram and word TF-IDF with multinomial
 * logistic regression, trained on the project's terms, ESCO labels and the tuning part of the labelled
 * titles (title and hh role as words), compared on the test part with the shipped classifier (rules, index,
 * nearest labelled titles). Prints, for all test titles and for those the shipped classifier codes from
 * weak evidence (similar titles, terms, the role, or nothing), how often each is right at 4 and 1 digits.
 * A study, not a test: run {@code java @conf/jvm.args -cp target/classes:target/test-classes:<test classpath>
 * io.skillgap.classify.LearnedTitleStudy} (about two minutes here).
 */
public final class LearnedTitleStudy {
  private static final StructType DOCS = new StructType().add("text", DataTypes.StringType).add("isco", DataTypes.StringType);

  private LearnedTitleStudy() {}

  public static void main(String[] args) throws IOException {
    Map<io.skillgap.reference.ReferenceTable, List<Row>> rows = Reference.rows(new org.apache.hadoop.conf.Configuration(),
        SkillgapConfig.load(null, Map.of()).reference());
    Dictionaries.Tables t = Reference.classifierTables(rows);
    TitleClassifier shipped = Dictionaries.classifier(t);
    Set<String> units = t.units();
    List<Row> train = new ArrayList<>();
    t.terms().stream().filter(r -> units.contains(r.getString(1))).forEach(r -> train.add(RowFactory.create(r.getString(0), r.getString(1))));
    t.esco().stream().filter(r -> units.contains(r.getString(2))).forEach(r -> train.add(RowFactory.create(r.getString(1), r.getString(2))));
    t.labelled().stream().filter(r -> !r.isNullAt(2) && units.contains(r.getString(2)))
        .forEach(r -> train.add(RowFactory.create(text(r.getString(0), r.isNullAt(1) ? null : r.getString(1)), r.getString(2))));

    List<String[]> test = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(Path.of("src/test/resources/classifier/test_titles.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (!r.get("isco_code").isBlank()) {
          test.add(new String[] {r.get("title"), r.get("role_id"), r.get("isco_code")});
        }
      }
    }
    SparkSession spark = TestSessions.session();
    long start = System.nanoTime();
    Dataset<Row> docs = spark.createDataFrame(train, DOCS);
    StringIndexerModel labels = new StringIndexer().setInputCol("isco").setOutputCol("label").fit(docs);
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {labels,
        new RegexTokenizer().setInputCol("text").setOutputCol("chars").setPattern("").setMinTokenLength(1).setToLowercase(true),
        new NGram().setN(3).setInputCol("chars").setOutputCol("grams"),
        new HashingTF().setInputCol("grams").setOutputCol("tf_grams").setNumFeatures(1 << 13),
        new RegexTokenizer().setInputCol("text").setOutputCol("words").setPattern("[^\\p{L}\\p{N}_]+").setToLowercase(true),
        new HashingTF().setInputCol("words").setOutputCol("tf_words").setNumFeatures(1 << 12),
        new VectorAssembler().setInputCols(new String[] {"tf_grams", "tf_words"}).setOutputCol("tf"),
        new IDF().setInputCol("tf").setOutputCol("features"),
        new LogisticRegression().setMaxIter(60).setRegParam(0.001).setElasticNetParam(0)}).fit(docs);
    System.out.printf(Locale.ROOT, "trained on %d texts, %d unit groups, in %.0f s%n", train.size(), labels.labelsArray()[0].length,
        (System.nanoTime() - start) / 1e9);

    List<Row> testRows = test.stream().map(x -> RowFactory.create(text(x[0], x[1].isBlank() ? null : x[1].split(",")[0]), x[2])).toList();
    List<Row> predicted = model.transform(spark.createDataFrame(testRows, DOCS)).select("prediction").collectAsList();
    String[] codes = labels.labelsArray()[0];
    Map<String, int[]> tally = new HashMap<>();  // group -> {n, learned unit, learned major, shipped unit, shipped major}
    for (int i = 0; i < test.size(); i++) {
      String label = test.get(i)[2];
      String learned = codes[(int) predicted.get(i).getDouble(0)];
      TitleClassifier.Candidate c = shipped.candidate(test.get(i)[0], test.get(i)[1].isBlank() ? List.of() : List.of(test.get(i)[1].split(",")));
      String mine = c == null ? null : c.best();
      boolean weak = c == null || Set.of(TitleClassifier.Stage.SIMILAR, TitleClassifier.Stage.TERM, TitleClassifier.Stage.ROLE).contains(c.stage());
      for (String group : weak ? List.of("all", "weak evidence") : List.of("all")) {
        int[] n = tally.computeIfAbsent(group, k -> new int[5]);
        n[0]++;
        n[1] += label.equals(learned) ? 1 : 0;
        n[2] += label.charAt(0) == learned.charAt(0) ? 1 : 0;
        n[3] += label.equals(mine) ? 1 : 0;
        n[4] += mine != null && label.charAt(0) == mine.charAt(0) ? 1 : 0;
      }
    }
    System.out.println("| test titles | n | learned: unit right | learned: major right | shipped best guess: unit right | shipped: major right |");
    tally.forEach((g, n) -> System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", g, n[0], share(n[1], n[0]),
        share(n[2], n[0]), share(n[3], n[0]), share(n[4], n[0])));
    spark.stop();
  }

  /** The title with the role as a word of its own, so that the model weighs it like any other word. */
  private static String text(String title, String role) {
    return role == null || role.isBlank() ? title : title + " hhrole_" + role.trim();
  }

  private static String share(int hits, int n) {
    return new ClassifierEvaluation.Share(hits, n).toString();
  }
}
