package io.skillgap.conform;

import static io.skillgap.conform.Rules.blank;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.skillgap.classify.TitleClassifier;
import io.skillgap.classify.TitleClassifier.Coding;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;

/**
 * Occupation codes for vacancies that come without one: the title classifier, helped by the board's
 * professional roles. A code the source gave is kept (method "source", or the adapter's, e.g. "nkz");
 * an uncodable vacancy keeps a null code with method "none" and is counted, not dropped.
 */
public final class Occupations {
  private Occupations() {}

  static final StructType CODING = StructType.fromDDL("isco STRING, level INT, method STRING, confidence DOUBLE");

  /**
   * The classifier reaches the tasks as a broadcast variable: captured in the function itself, its
   * 7 MB of dictionaries would travel in every stage's task binary and be deserialised by every task;
   * broadcast, an executor reads it once (and in local mode the driver's own copy is used).
   */
  static UserDefinedFunction classifier(TitleClassifier classifier) {
    Broadcast<TitleClassifier> shared = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext()).broadcast(classifier);
    return udf((UDF2<String, String, Row>) (title, roles) -> {
      TitleClassifier c = shared.value();
      Coding k = c.classify(title, roles == null || roles.isBlank() ? List.of() : List.of(roles.split(",")));
      return RowFactory.create(k.isco(), k.level() == 0 ? null : k.level(), k.method(), k.confidence());
    }, CODING).asNondeterministic().withName("classify_title");
  }

  /**
   * Sets v_isco (a unit group, or a coarser group when the title supports only that), v_isco_level,
   * v_isco_known, v_occ_method and v_occ_confidence; runs after {@link VacancyConform#withOccupation},
   * which judged the codes the source gave.
   */
  public static Dataset<Row> withCoding(Dataset<Row> rows, TitleClassifier c) {
    org.apache.spark.sql.Column missing = blank("occupation_code");
    return rows
        .withColumn("_coding", when(missing, classifier(c).apply(col("v_title"), col(VacancyInput.ROLE_IDS))))
        .withColumn("v_isco", when(missing, col("_coding.isco")).otherwise(col("v_isco")))
        .withColumn("v_isco_known", when(missing, when(col("_coding.isco").isNotNull(), lit(true))).otherwise(col("v_isco_known")))
        .withColumn("v_isco_level", when(missing, col("_coding.level")).otherwise(lit(4)))
        .withColumn("v_occ_method", when(missing, col("_coding.method")).otherwise(coalesce(col(VacancyInput.OCC_METHOD), lit("source"))))
        .withColumn("v_occ_confidence", when(missing, col("_coding.confidence")).otherwise(lit(1.0)))
        .drop("_coding");
  }
}
