package io.skillgap.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.transform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The fields of an hh API vacancy object (GET /vacancies, one object a line) that skillgap reads, and
 * their flattening into the text columns of {@link Source#HH}. {@code contacts}, {@code snippet},
 * addresses and other free text are not in the schema, so Spark never reads them into bronze.
 * Scalars are read as text: a bad value reaches quarantine instead of failing the read.
 */
public final class HhJson {
  private HhJson() {}

  /** The file of each row, kept before flattening (a projection hides Spark's _metadata column). */
  static final String FILE_PATH = "_hh_file_path";


  public static final StructType SCHEMA = StructType.fromDDL(String.join(",",
      "id STRING", "name STRING", "area STRUCT<id: STRING, name: STRING>",
      "salary STRUCT<`from`: STRING, `to`: STRING, currency: STRING, gross: STRING>",
      "salary_range STRUCT<`from`: STRING, `to`: STRING, currency: STRING, gross: STRING, mode: STRUCT<id: STRING>>",
      "published_at STRING", "employer STRUCT<id: STRING>", "professional_roles ARRAY<STRUCT<id: STRING>>",
      "experience STRUCT<id: STRING>", "schedule STRUCT<id: STRING>", "employment STRUCT<id: STRING>",
      "key_skills ARRAY<STRUCT<name: STRING>>", Source.CORRUPT + " STRING"));

  /**
   * Nested object to the flat text columns. The salary range (which carries the pay period) wins over
   * the older salary object. An unparseable line keeps its text, cut at "contacts" so that no contact
   * reaches bronze.
   */
  public static Dataset<Row> flatten(Dataset<Row> raw) {
    return raw.select(
        col("id").as("vacancy_id"),
        col("name").as("title"),
        col("area.id").as("area_id"),
        col("area.name").as("area_name"),
        coalesce(col("salary_range.from"), col("salary.from")).as("salary_from"),
        coalesce(col("salary_range.to"), col("salary.to")).as("salary_to"),
        coalesce(col("salary_range.currency"), col("salary.currency")).as("currency"),
        coalesce(col("salary_range.gross"), col("salary.gross")).as("gross"),
        col("salary_range.mode.id").as("salary_mode"),
        col("published_at"),
        col("employer.id").as("employer_id"),
        concat_ws(",", transform(col("professional_roles"), r -> r.getField("id"))).as("role_ids"),
        col("experience.id").as("experience"),
        col("schedule.id").as("schedule"),
        col("employment.id").as("employment"),
        concat_ws("; ", transform(col("key_skills"), k -> k.getField("name"))).as("key_skills"),
        withoutContacts(col(Source.CORRUPT)).as(Source.CORRUPT),
        col("_metadata.file_path").as(FILE_PATH));
  }

  /** Reads hh JSON Lines files into the flat text columns (and the file path). */
  public static Dataset<Row> read(org.apache.spark.sql.SparkSession spark, String... files) {
    return flatten(spark.read().schema(SCHEMA).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", Source.CORRUPT)
        .json(files));
  }

  /** Everything from a "contacts" key on is cut from a line that could not be parsed. */
  static Column withoutContacts(Column line) {
    return regexp_replace(line, "\"contacts\"\\s*:\\s*[\\[{].*$", "\"contacts\": \"(removed)\"");
  }
}
