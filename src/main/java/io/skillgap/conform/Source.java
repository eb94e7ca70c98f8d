package io.skillgap.conform;

import io.skillgap.ingest.LandingSource;
import io.skillgap.store.Bronze;
import io.skillgap.store.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one registry of the landing sources: each constant says where its files land, which columns they
 * hold (read as text, so a bad value is kept verbatim for quarantine), how they are written, how its rows
 * become silver rows ({@link SourceAdapter}) and which silver table they reach. Its bronze table is named
 * after its folder. Adding a source is one constant here and one adapter (docs/ARCHITECTURE.md).
 */
public enum Source implements LandingSource {
  VACANCIES("vacancies",
      List.of("vacancy_id", "source", "posted_date", "closed_date", "title", "occupation_code", "region",
          "employer_id", "sector_code", "salary_min", "salary_max", "currency", "salary_period",
          "education_level", "positions", "skills", "requirements"),
      Set.of("vacancy_id", "source", "posted_date", "title", "region"), Map.of(),
      Form.CSV_MULTI_LINE, false, Table.SILVER_VACANCY_ADS,
      (SourceAdapter.Vacancies) (bronze, c) -> VacancyInput.canonical(bronze, c.cfg().sources().homeCountry(), c.cfg().piiSalt())),
  WAGES("wages",
      List.of("year", "region", "occupation_code", "avg_monthly_wage", "employees"),
      Set.of("year", "region", "occupation_code", "avg_monthly_wage"), Map.of(),
      Form.CSV_MULTI_LINE, false, Table.SILVER_WAGES,
      (SourceAdapter.Rows) (bronze, c) -> Conform.wages(bronze, c.ref(), c.aliasKeys(), c.cfg())),
  GRADUATES("graduates",
      List.of("year", "region", "field_code", "level", "graduates"),
      Set.of("year", "region", "field_code", "level", "graduates"), Map.of(),
      Form.CSV_MULTI_LINE, false, Table.SILVER_GRADUATES,
      (SourceAdapter.Rows) (bronze, c) -> Conform.graduates(bronze, c.ref(), c.aliasKeys(), c.cfg())),
  /** hh API vacancy objects (JSON Lines), flattened at read time to these fields; {@code contacts} is never read. */
  HH("hh",
      List.of("vacancy_id", "title", "area_id", "area_name", "salary_from", "salary_to", "currency", "gross", "salary_mode",
          "published_at", "employer_id", "role_ids", "experience", "schedule", "employment", "key_skills", "requirement",
          "responsibility", "description"),
      Set.of(), Map.of(), Form.HH_OBJECTS, true, Table.SILVER_VACANCY_ADS,
      (SourceAdapter.Vacancies) (bronze, c) -> HhVacancies.toInput(bronze, c.ref().hhAreas(), c.cfg().sources(), c.cfg().piiSalt())),
  /** stat.gov.kz wage tables: a row per region, a column per ISCO-08 major group; the year is in the file name. */
  STAT_WAGES("stat_wages",
      List.of("region", "total", "isco_1", "isco_2", "isco_3", "isco_4", "isco_5", "isco_6", "isco_7", "isco_8", "isco_9", "other"),
      Set.of("region", "isco_1", "isco_2", "isco_3", "isco_4", "isco_5", "isco_6", "isco_7", "isco_8", "isco_9"),
      Map.ofEntries(Map.entry("regions", "region"), Map.entry("avg_salary", "total"),
          Map.entry("managers_&_civil_servants", "isco_1"), Map.entry("qualified", "isco_2"), Map.entry("tech_personnel", "isco_3"),
          Map.entry("admin_emplyees", "isco_4"), Map.entry("admin_employees", "isco_4"), Map.entry("service_and_sales", "isco_5"),
          Map.entry("agriculture", "isco_6"), Map.entry("engineers_transport", "isco_7"), Map.entry("assemblers_and_drivers", "isco_8"),
          Map.entry("unqualified", "isco_9"), Map.entry("not_members_of_other_groups", "other")),
      Form.CSV_ONE_LINE, true, Table.SILVER_WAGES,
      (SourceAdapter.Rows) (bronze, c) -> Conform.statWages(bronze, c.ref(), c.aliasKeys(), c.cfg())),
  /** Enbek.kz labour-exchange exports: NKZ occupation codes, dates as dd.MM.yyyy, often Windows-1251. */
  ENBEK("enbek",
      List.of("vacancy_id", "title", "nkz_code", "region", "posted_date", "salary_min", "salary_max", "positions", "employer_id",
          "requirements"),
      Set.of("vacancy_id", "title", "region", "posted_date"),
      Map.ofEntries(Map.entry("номер_вакансии", "vacancy_id"), Map.entry("id_вакансии", "vacancy_id"),
          Map.entry("наименование_должности", "title"), Map.entry("должность", "title"), Map.entry("код_нкз", "nkz_code"),
          Map.entry("нкз", "nkz_code"), Map.entry("регион", "region"), Map.entry("область", "region"),
          Map.entry("дата_размещения", "posted_date"), Map.entry("дата_публикации", "posted_date"),
          Map.entry("зарплата_от", "salary_min"), Map.entry("зарплата_до", "salary_max"), Map.entry("заработная_плата", "salary_min"),
          Map.entry("количество_мест", "positions"), Map.entry("бин_работодателя", "employer_id"), Map.entry("бин", "employer_id"),
          Map.entry("требования", "requirements"), Map.entry("требования_к_кандидату", "requirements")),
      Form.CSV_ONE_LINE, true, Table.SILVER_VACANCY_ADS,
      (SourceAdapter.Vacancies) (bronze, c) -> EnbekVacancies.toInput(bronze, c.ref().nkzIsco(), c.cfg().sources().enbekBoard(),
          c.cfg().sources().homeCountry(), c.cfg().piiSalt()));

  /** How a source's files are written: CSV where a quoted field may span lines, CSV a row per line, or hh API objects. */
  enum Form { CSV_MULTI_LINE, CSV_ONE_LINE, HH_OBJECTS }

  private final String folder;
  private final List<String> columns;
  private final Set<String> required;
  private final Map<String, String> aliases;
  private final Form form;
  private final boolean optional;
  private final Table silver;
  private final SourceAdapter adapter;

  Source(String folder, List<String> columns, Set<String> required, Map<String, String> aliases, Form form, boolean optional,
      Table silver, SourceAdapter adapter) {
    this.folder = folder;
    this.columns = columns;
    this.required = required;
    this.aliases = aliases;
    this.form = form;
    this.optional = optional;
    this.silver = silver;
    this.adapter = adapter;
  }

  /**
   * Free-text columns: read only to find skills (conform), never kept past bronze, never copied into
   * quarantine's record of a row.
   */
  public static final Set<String> TEXTS = Set.of("requirements", "requirement", "responsibility", "description");

  /** The text of a record the parser could not read (bronze's column). */
  public static final String CORRUPT = Bronze.CORRUPT;
  /** The file a row came from. */
  public static final String SOURCE_FILE = Bronze.SOURCE_FILE;

  @Override
  public String folder() {
    return folder;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Set<String> required() {
    return required;
  }

  @Override
  public String canonicalColumn(String header) {
    return aliases.getOrDefault(header, header);
  }

  /** The real-format folders are there only where a deployment has such feeds: their absence is normal. */
  @Override
  public boolean optional() {
    return optional;
  }

  /**
   * RFC 4180 lets a quoted field span lines; the Enbek and stat.gov.kz exports are one row per line, so there
   * an open quote is a fault of that line, not a licence to swallow the next.
   */
  @Override
  public boolean multiLineCsv() {
    return form == Form.CSV_MULTI_LINE;
  }

  @Override
  public boolean hhObjects() {
    return form == Form.HH_OBJECTS;
  }

  @Override
  public String kept(String column, String value) {
    return value != null && TEXTS.contains(column) ? PersonalData.mask(value) : value;
  }

  @Override
  public String keptRaw(String raw) {
    return raw != null && columns().stream().anyMatch(TEXTS::contains) ? PersonalData.mask(raw) : raw;
  }

  /** The silver table the source's accepted rows reach (one row per input record, or several for stat.gov.kz). */
  public Table silver() {
    return silver;
  }

  /** How the source's bronze rows become silver rows and quarantine. */
  public SourceAdapter adapter() {
    return adapter;
  }
}
