package io.skillgap.ingest;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The canonical landing sources: the one place their columns are declared. Landing rows are read as
 * text, so that a bad value is kept verbatim for quarantine instead of failing the read.
 */
public enum Source {
  VACANCIES("vacancies",
      List.of("vacancy_id", "source", "posted_date", "closed_date", "title", "occupation_code", "region",
          "employer_id", "sector_code", "salary_min", "salary_max", "currency", "salary_period",
          "education_level", "positions"),
      Set.of("vacancy_id", "source", "posted_date", "title", "region")),
  WAGES("wages",
      List.of("year", "region", "occupation_code", "avg_monthly_wage", "employees"),
      Set.of("year", "region", "occupation_code", "avg_monthly_wage")),
  GRADUATES("graduates",
      List.of("year", "region", "field_code", "level", "graduates"),
      Set.of("year", "region", "field_code", "level", "graduates"));

  /** Spark's name for the column that holds the text of a line it could not parse. */
  public static final String CORRUPT = "_corrupt_record";
  /** The file a row came from. */
  public static final String SOURCE_FILE = "_source_file";

  private final String folder;
  private final List<String> columns;
  private final Set<String> required;

  Source(String folder, List<String> columns, Set<String> required) {
    this.folder = folder;
    this.columns = columns;
    this.required = required;
  }

  /** Subfolder of the landing folder, and the name used in quarantine and the summary. */
  public String folder() {
    return folder;
  }

  public List<String> columns() {
    return columns;
  }

  /** Columns a file must have in its header; the others may be absent and read as null. */
  public Set<String> required() {
    return required;
  }

  /** All columns as nullable strings, plus the parser's corrupt-record column. */
  public StructType landingSchema() {
    StructType s = new StructType();
    for (String c : columns) {
      s = s.add(c, DataTypes.StringType, true);
    }
    return s.add(CORRUPT, DataTypes.StringType, true);
  }

  /** The landing schema followed by the bronze bookkeeping columns. */
  public StructType bronzeSchema() {
    return landingSchema()
        .add(SOURCE_FILE, DataTypes.StringType, false)
        .add(new StructField("_row_id", DataTypes.LongType, false, org.apache.spark.sql.types.Metadata.empty()))
        .add("_batch_id", DataTypes.StringType, false)
        .add("_load_time", DataTypes.TimestampType, false);
  }
}
