package io.skillgap.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
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
      Set.of("vacancy_id", "source", "posted_date", "title", "region"), Map.of()),
  WAGES("wages",
      List.of("year", "region", "occupation_code", "avg_monthly_wage", "employees"),
      Set.of("year", "region", "occupation_code", "avg_monthly_wage"), Map.of()),
  GRADUATES("graduates",
      List.of("year", "region", "field_code", "level", "graduates"),
      Set.of("year", "region", "field_code", "level", "graduates"), Map.of()),
  /** hh API vacancy objects (JSON Lines), flattened at read time to these fields; {@code contacts} is never read. */
  HH("hh",
      List.of("vacancy_id", "title", "area_id", "area_name", "salary_from", "salary_to", "currency", "gross", "salary_mode",
          "published_at", "employer_id", "role_ids", "experience", "schedule", "employment", "key_skills"),
      Set.of(), Map.of()),
  /** stat.gov.kz wage tables: a row per region, a column per ISCO-08 major group; the year is in the file name. */
  STAT_WAGES("stat_wages",
      List.of("region", "total", "isco_1", "isco_2", "isco_3", "isco_4", "isco_5", "isco_6", "isco_7", "isco_8", "isco_9", "other"),
      Set.of("region", "isco_1", "isco_2", "isco_3", "isco_4", "isco_5", "isco_6", "isco_7", "isco_8", "isco_9"),
      Map.ofEntries(Map.entry("regions", "region"), Map.entry("avg_salary", "total"),
          Map.entry("managers_&_civil_servants", "isco_1"), Map.entry("qualified", "isco_2"), Map.entry("tech_personnel", "isco_3"),
          Map.entry("admin_emplyees", "isco_4"), Map.entry("admin_employees", "isco_4"), Map.entry("service_and_sales", "isco_5"),
          Map.entry("agriculture", "isco_6"), Map.entry("engineers_transport", "isco_7"), Map.entry("assemblers_and_drivers", "isco_8"),
          Map.entry("unqualified", "isco_9"), Map.entry("not_members_of_other_groups", "other"))),
  /** Enbek.kz labour-exchange exports: NKZ occupation codes, dates as dd.MM.yyyy, often Windows-1251. */
  ENBEK("enbek",
      List.of("vacancy_id", "title", "nkz_code", "region", "posted_date", "salary_min", "salary_max", "positions", "employer_id"),
      Set.of("vacancy_id", "title", "region", "posted_date"),
      Map.ofEntries(Map.entry("номер_вакансии", "vacancy_id"), Map.entry("id_вакансии", "vacancy_id"),
          Map.entry("наименование_должности", "title"), Map.entry("должность", "title"), Map.entry("код_нкз", "nkz_code"),
          Map.entry("нкз", "nkz_code"), Map.entry("регион", "region"), Map.entry("область", "region"),
          Map.entry("дата_размещения", "posted_date"), Map.entry("дата_публикации", "posted_date"),
          Map.entry("зарплата_от", "salary_min"), Map.entry("зарплата_до", "salary_max"), Map.entry("заработная_плата", "salary_min"),
          Map.entry("количество_мест", "positions"), Map.entry("бин_работодателя", "employer_id"), Map.entry("бин", "employer_id")));

  /** Spark's name for the column that holds the text of a line it could not parse. */
  public static final String CORRUPT = "_corrupt_record";
  /** The file a row came from. */
  public static final String SOURCE_FILE = "_source_file";

  private final String folder;
  private final List<String> columns;
  private final Set<String> required;
  private final Map<String, String> aliases;

  Source(String folder, List<String> columns, Set<String> required, Map<String, String> aliases) {
    this.folder = folder;
    this.columns = columns;
    this.required = required;
    this.aliases = aliases;
  }

  /**
   * Whether a quoted CSV field may span lines (RFC 4180 allows it; the Enbek and stat.gov.kz exports are
   * one row per line, so there an open quote is a fault of that line, not a licence to swallow the next).
   */
  public boolean multiLineCsv() {
    return this == VACANCIES || this == WAGES || this == GRADUATES;
  }

  /** The real-format folders are there only where a deployment has such feeds: their absence is normal. */
  public boolean optional() {
    return this == HH || this == STAT_WAGES || this == ENBEK;
  }

  /** A header name (lower case, spaces as _) as the canonical column it stands for. */
  public String canonicalColumn(String header) {
    return aliases.getOrDefault(header, header);
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

  /**
   * The landing schema followed by the bronze bookkeeping columns: the file, the record's first line
   * ({@code _row_id}; its number in a Parquet file), the physical lines it took, its parse fault, batch and
   * load time.
   */
  public StructType bronzeSchema() {
    return FileRecords.schema(this)
        .add("_batch_id", DataTypes.StringType, false)
        .add("_load_time", DataTypes.TimestampType, false);
  }
}
