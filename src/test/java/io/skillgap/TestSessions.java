package io.skillgap;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.store.Sparks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one way tests get a SparkSession: the production session ({@link Sparks#session}, with the
 * settings of conf/skillgap.conf that change results, such as ANSI mode and UTC) with test-sized
 * overrides: two local cores bound to 127.0.0.1, few shuffle partitions, interpreted expressions and no
 * adaptive re-planning (compiling code costs more than it saves on a few rows), checkpoints under target.
 */
public final class TestSessions {
  private TestSessions() {}

  /** Test settings over the production ones. */
  static final Map<String, String> OVERRIDES = Map.of(
      "spark.sql.shuffle.partitions", "2",
      "spark.sql.adaptive.enabled", "false",
      "spark.sql.codegen.wholeStage", "false",
      "spark.sql.codegen.factoryMode", "NO_CODEGEN",
      "spark.ui.enabled", "false");

  public static SparkSession session() {
    SkillgapConfig.SparkSettings production = SkillgapConfig.load(null, Map.of()).spark();
    Map<String, String> conf = new LinkedHashMap<>(production.conf());
    conf.putAll(OVERRIDES);
    SparkSession spark = Sparks.session(new SkillgapConfig.SparkSettings("local[2]", "skillgap-test", conf));
    Sparks.checkpoints(spark, "target/checkpoints");
    return spark;
  }
}
