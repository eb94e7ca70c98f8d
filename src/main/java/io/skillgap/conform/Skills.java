package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.skillgap.skills.SkillMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The skills a vacancy names, from its listed skills (hh key_skills, a canonical {@code skills} list) and
 * its requirement texts, by the vocabulary ({@link SkillMatcher}). Texts have their personal data masked
 * before they are read, and only the skill ids (with where each was found) go on to silver: no text.
 */
public final class Skills {
  private Skills() {}

  static final StructType FOUND = StructType.fromDDL(
      "skills ARRAY<STRUCT<skill_id: STRING, found_in: STRING>>, described BOOLEAN, problem STRING");

  /** The matcher reaches the tasks once per executor (see {@link Occupations#classifier}). */
  static UserDefinedFunction extractor(SkillMatcher matcher) {
    Broadcast<SkillMatcher> shared = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext()).broadcast(matcher);
    return udf((UDF2<String, String, Row>) (listed, text) -> {
      String problem = SkillMatcher.listProblem(listed);
      boolean described = listed != null && !listed.isBlank() || text != null && !text.isBlank();
      List<Row> skills = new ArrayList<>();
      if (problem == null) {
        for (Map.Entry<String, String> e : shared.value().found(listed, text == null ? null : PersonalData.mask(text)).entrySet()) {
          skills.add(RowFactory.create(e.getKey(), e.getValue()));
        }
      }
      return RowFactory.create(skills, described, problem);
    }, FOUND).withName("extract_skills");
  }

  /**
   * Sets v_skills (skill id and where it was found, in the order named), v_described (the vacancy has a
   * list or a text to read, so "no skill" means none was named rather than nothing was said) and
   * v_skills_problem (why the list cannot be read: the row goes to quarantine as BAD_SKILLS).
   */
  public static Dataset<Row> withSkills(Dataset<Row> rows, SkillMatcher matcher) {
    return rows.withColumn("_found", extractor(matcher).apply(col("skills"), col("requirements")))
        .withColumn("v_skills", col("_found.skills"))
        .withColumn("v_described", col("_found.described"))
        .withColumn("v_skills_problem", col("_found.problem"))
        .drop("_found");
  }
}
