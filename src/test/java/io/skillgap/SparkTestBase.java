package io.skillgap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillgap.reference.Reference;
import io.skillgap.config.SkillgapConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One local SparkSession per test class ({@link TestSessions}: the production session with test-sized settings). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SparkTestBase {
  protected SparkSession spark;

  @BeforeAll
  void startSpark() {
    beforeSpark();
    spark = TestSessions.session();
  }

  /** Work that must precede this class's session, such as a CLI run that owns (and stops) its own. */
  protected void beforeSpark() {}

  @AfterAll
  void stopSpark() {
    spark.stop();
  }

  /** A tiny DataFrame from a DDL schema and rows. */
  protected Dataset<Row> df(String ddl, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark.createDataFrame(list, StructType.fromDDL(ddl));
  }

  protected static Object[] row(Object... values) {
    return values;
  }

  /** The rows of a query on {@code input} (registered as view {@code t}), as lists of values. */
  protected List<List<Object>> rows(Dataset<Row> input, String sql) {
    input.createOrReplaceTempView("t");
    List<List<Object>> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        values.add(v instanceof scala.collection.Seq<?> seq ? new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(seq)) : v);
      }
      out.add(values);
    }
    return out;
  }

  /** Asserts ordered query results, naming the context on failure. */
  protected void assertRows(String context, List<List<Object>> expected, List<List<Object>> actual) {
    assertEquals(expected, actual, context);
  }

  protected static List<Object> values(Object... v) {
    return Arrays.asList(v);
  }

  /** The default configuration (conf/skillgap.conf), with overrides. */
  protected static SkillgapConfig config(Map<String, String> overrides) {
    return SkillgapConfig.load(null, overrides);
  }

  /** The project's reference tables from conf/reference. */
  protected Reference reference() {
    return Reference.load(spark, config(Map.of()).reference());
  }
}
