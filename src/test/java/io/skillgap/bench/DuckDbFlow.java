package io.skillgap.bench;

import static io.skillgap.bench.DuckDbLanding.quote;

import io.skillgap.classify.TitleClassifier;
import io.skillgap.classify.TitleClassifier.Coding;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.conform.PersonalData;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The whole flow for the occupation table in DuckDB SQL, a second implementation beside the pipeline's:
 * the landing files ({@link DuckDbLanding}) brought to one vacancy shape per board (hh areas, net pay
 * grossed up, Enbek's NKZ codes and dates), typed and judged by the vacancy rules in their order, ids that
 * disagree within the night quarantined, ads collapsed into unique vacancies (same board and id, then the
 * same employer, normalised title and region within the dedupe window), regions split across boundary
 * changes; graduates judged, decoded to ISCED-F, shared out by the crosswalk and the entry shares; then
 * the same {@code ref} table {@link DuckDbGold} builds from silver files, now from these tables. Written
 * from docs/METHODOLOGY.md and conf/skillgap.conf, the Java code read only to settle details.
 *
 * <p>Simplified on purpose: (1) a title's occupation is the project's own classifier
 * ({@link TitleClassifier}), run in Java on the distinct (title, roles) pairs and loaded as a table, and
 * the same Java step masks personal data in titles ({@link PersonalData}, whose phone and IIN checks are
 * no SQL); both are timed apart from the flow. (2) Employer ids stay as they are instead of their salted
 * hash: equal ids hash equal, so the clusters are the same. (3) Files in the fallback encoding are
 * re-encoded in Java (DuckDB has no Windows-1251 reader without its extensions). (4) Two small pieces of
 * the pipeline are read rather than written again: its table of pay-period spellings and its rule for a
 * CSV header's delimiter. (5) Only what the occupation table compares is computed: no skill extraction
 * (only the check of a skills list that quarantines BAD_SKILLS), no wages, no quarantine table; and a full
 * rebuild only (no earlier nights' ads for the id check, no incremental collapse). Where reading differs
 * from the pipeline's, {@link DuckDbLanding} says.
 */
public final class DuckDbFlow {
  private DuckDbFlow() {}

  /**
   * The rows of {@code ref}, the seconds of the flow without the Java step, the Java step's seconds, and the
   * seconds of each step (reference, landing, input, java, validate, dedupe, supply, gold) in order.
   */
  public record Result(long rows, double seconds, double javaSeconds, Map<String, Double> steps) {}

  /** One step of the flow; timed by {@link #build}. */
  private interface Step {
    void run() throws SQLException, IOException;
  }

  /**
   * Builds {@code ref} (and the step tables: ads, flow_vacancies, flow_supply, ...) from {@code landing} with
   * the configuration's rules, reference tables and as-of date; {@code scratch} takes re-encoded copies.
   */
  public static Result build(Connection db, Path landing, SkillgapConfig cfg, TitleClassifier classifier, Path scratch)
      throws SQLException, IOException {
    // The pipeline's classes this reads rules from pull in Spark's and Hadoop's when first loaded: that is a
    // JVM's start (jobs/bench and the test have them loaded already), not the flow's time.
    DuckDbFlowSql.periodSynonyms();
    DuckDbLanding.delimiterOf(",");
    Map<String, Double> steps = new LinkedHashMap<>();
    long[] rows = new long[1];
    try (Statement s = db.createStatement()) {
      timed(steps, "reference", () -> {
        run(s, DuckDbFlowSql.macros());
        run(s, DuckDbFlowSql.reference(cfg));
      });
      timed(steps, "landing", () -> DuckDbLanding.load(db, landing, scratch, Charset.forName(cfg.ingest().fallbackEncoding())));
      timed(steps, "input", () -> run(s, DuckDbFlowSql.input(cfg.sources())));
      timed(steps, "java", () -> codeTitles(db, classifier));
      timed(steps, "validate", () -> run(s, DuckDbFlowRules.validate(cfg)));
      timed(steps, "dedupe", () -> run(s, DuckDbFlowRules.dedupe(cfg.sources().homeCountry(), cfg.vacancies().dedupeWindowDays())));
      timed(steps, "supply", () -> run(s, DuckDbFlowRules.supply(cfg)));
      timed(steps, "gold", () -> rows[0] = DuckDbGold.build(db, "flow_vacancies", "flow_supply", cfg.index().longVacancyDays(),
          cfg.index().minObservations()));
    }
    double total = steps.values().stream().mapToDouble(Double::doubleValue).sum();
    return new Result(rows[0], total - steps.get("java"), steps.get("java"), steps);
  }

  private static void timed(Map<String, Double> steps, String name, Step step) throws SQLException, IOException {
    long start = System.nanoTime();
    step.run();
    steps.put(name, (System.nanoTime() - start) / 1e9);
  }

  /** Java's \s, which Spark's regexp_replace means in the pipeline's whitespace rule. */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * The Java step: each distinct title masked and its spaces collapsed as the pipeline's v_title
   * (table {@code title_map}), and each distinct (v_title, roles) without a source code coded by the
   * classifier (table {@code codings}).
   */
  static void codeTitles(Connection db, TitleClassifier classifier) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE title_map (title VARCHAR, v_title VARCHAR)");
      s.execute("CREATE OR REPLACE TABLE codings (v_title VARCHAR, role_ids VARCHAR, isco VARCHAR, level INTEGER, method VARCHAR)");
      List<String> titles = strings(s, "SELECT DISTINCT title FROM vac_input WHERE title IS NOT NULL");
      try (DuckDBAppender a = db.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "title_map")) {
        for (String t : titles) {
          a.beginRow().append(t).append(sparkTrim(SPACES.matcher(PersonalData.mask(t)).replaceAll(" "))).endRow();
        }
      }
      List<String[]> pairs = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT DISTINCT t.v_title, coalesce(i.role_ids, '') FROM vac_input i"
          + " JOIN title_map t ON i.title = t.title WHERE blank(i.occupation_code)")) {
        while (rs.next()) {
          pairs.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      try (DuckDBAppender a = db.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "codings")) {
        for (String[] pair : pairs) {
          String title = pair[0];
          String roles = pair[1];
          Coding k = classifier.classify(title, roles.isBlank() ? List.of() : List.of(roles.split(",")));
          a.beginRow().append(title).append(roles).append(k.isco());
          if (k.level() == 0) {
            a.appendNull();
          } else {
            a.append(k.level());
          }
          a.append(k.method()).endRow();
        }
      }
    }
  }

  /** Runs a step's statements one by one (each ends a line with ";"). */
  static void run(Statement s, String sql) throws SQLException {
    for (String statement : sql.split(";\\s*\n")) {
      if (!statement.isBlank()) {
        long t = System.nanoTime();
        s.execute(statement);
        if (Boolean.getBoolean("duckdb.flow.trace")) {
          System.err.printf("%.3f s %s%n", (System.nanoTime() - t) / 1e9, statement.strip().lines().findFirst().orElse(""));
        }
      }
    }
  }

  /** Spark's trim: spaces only, not tabs or other whitespace. */
  static String sparkTrim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return s.substring(from, to);
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * A value as an SQL literal. A double goes as text cast to DOUBLE: a bare 0.0833333333333333 would be a
   * DECIMAL whose conversion can land one unit in the last place away from Java's double.
   */
  static String literal(Object value) {
    if (value instanceof Double d) {
      return quote(Double.toString(d)) + "::DOUBLE";
    }
    return value == null ? "NULL" : value instanceof Number ? value.toString() : quote(value.toString());
  }
}
