package io.skillgap.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole configuration of a run, typed and validated once at start-up so that a wrong key or value
 * fails before Spark starts, with the key's name in the message.
 */
public record SkillgapConfig(
    SparkSettings spark,
    Paths paths,
    ReferencePaths reference,
    RunSettings run,
    boolean csvMultiLine,
    VacancySettings vacancies,
    WageSettings wages,
    GraduateSettings graduates) {

  /** Where spark.* settings for the session come from. */
  public record SparkSettings(String master, String appName, Map<String, String> conf) {}

  /** Landing (input), warehouse (Delta layers) and publish (Parquet for readers) folders. */
  public record Paths(String landing, String warehouse, String publish) {}

  /** One path per reference table; see conf/reference/README.md. */
  public record ReferencePaths(
      String isco, String isced, String nace, String regions, String regionAliases,
      String crosswalk, String sectors, String sectorCodes, String currencyRates, String kzTrainingDirections) {}

  /** The night this run stands for. */
  public record RunSettings(LocalDate asOfDate, String batchId, int topN) {}

  /** Validation bounds and the dedupe window for vacancies. */
  public record VacancySettings(
      int dedupeWindowDays, LocalDate earliestPostedDate, String defaultCurrency,
      String defaultSalaryPeriod, double minMonthlySalaryKzt, double maxMonthlySalaryKzt,
      int maxPositions, Map<String, Double> periodFactors) {}

  /** Plausible bounds for official average wages. */
  public record WageSettings(double minMonthlyWageKzt, double maxMonthlyWageKzt) {}

  /** Labour-market entry share per level of graduates. */
  public record GraduateSettings(Map<String, Double> entryShare) {}

  /** Thrown for a configuration that cannot run; the message names the key. */
  public static final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
      super(message);
    }
  }

  /**
   * Loads the defaults (conf/skillgap.conf inside the jar), then {@code file} if given, then the
   * {@code --set} overrides, and resolves substitutions last so that an overridden
   * {@code paths.reference} moves every reference table with it.
   */
  public static SkillgapConfig load(File file, Map<String, String> overrides) {
    Config defaults = ConfigFactory.parseResources(SkillgapConfig.class.getClassLoader(), "skillgap.conf");
    if (defaults.isEmpty()) {
      throw new InvalidConfigException("skillgap.conf is missing from the classpath (broken build?)");
    }
    Config base = defaults;
    if (file != null) {
      if (!file.isFile()) {
        throw new InvalidConfigException("configuration file not found: " + file);
      }
      base = ConfigFactory.parseFile(file).withFallback(defaults);
    }
    Map<String, String> paths = new LinkedHashMap<>();
    overrides.forEach((key, value) -> paths.put(overridePath(key, defaults), value));
    Config merged = ConfigFactory.parseMap(paths, "--set").withFallback(base);
    try {
      // ${?SKILLGAP_HOME} and the like fall back to environment variables during resolve().
      return from(merged.resolve());
    } catch (ConfigException e) {
      throw new InvalidConfigException(e.getMessage());
    }
  }

  /** Maps a {@code --set} key to a config path, refusing keys that do not exist (typos). */
  static String overridePath(String key, Config defaults) {
    String sparkPrefix = "spark.conf.";
    if (key.startsWith(sparkPrefix)) {
      // spark.conf.spark.sql.shuffle.partitions: the rest is one Spark key with dots in it.
      return "spark.conf." + ConfigUtil.quoteString(key.substring(sparkPrefix.length()));
    }
    try {
      if (!defaults.hasPathOrNull(key)) {
        throw new InvalidConfigException("unknown configuration key in --set: " + key);
      }
    } catch (ConfigException.BadPath e) {
      throw new InvalidConfigException("malformed configuration key in --set: " + key);
    }
    return key;
  }

  static SkillgapConfig from(Config c) {
    Map<String, String> sparkConf = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig("spark.conf").root().entrySet()) {
      sparkConf.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
    }
    SparkSettings spark = new SparkSettings(c.getString("spark.master"), c.getString("spark.app-name"), sparkConf);
    Paths paths = new Paths(c.getString("paths.landing"), c.getString("paths.warehouse"), c.getString("paths.publish"));
    ReferencePaths reference = new ReferencePaths(
        c.getString("reference.isco"), c.getString("reference.isced"), c.getString("reference.nace"),
        c.getString("reference.regions"), c.getString("reference.region-aliases"),
        c.getString("reference.crosswalk"), c.getString("reference.sectors"),
        c.getString("reference.sector-codes"), c.getString("reference.currency-rates"),
        c.getString("reference.kz-training-directions"));

    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String asOf = c.getString("run.as-of-date").trim();
    String batchId = c.getString("run.batch-id").trim();
    if (!batchId.isEmpty() && !batchId.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new InvalidConfigException("run.batch-id must be 1-64 letters, digits, '.', '_' or '-': " + batchId);
    }
    RunSettings run = new RunSettings(
        asOf.isEmpty() ? now.toLocalDate() : date(c, "run.as-of-date"),
        batchId.isEmpty() ? now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) : batchId,
        positive(c, "run.top-n"));

    Map<String, Double> factors = doubles(c, "vacancies.period-factors");
    factors.forEach((k, v) -> {
      if (!(v > 0)) {
        throw new InvalidConfigException("vacancies.period-factors." + k + " must be > 0, got " + v);
      }
    });
    VacancySettings vacancies = new VacancySettings(
        positive(c, "vacancies.dedupe-window-days"),
        date(c, "vacancies.earliest-posted-date"),
        c.getString("vacancies.default-currency").trim().toUpperCase(),
        c.getString("vacancies.default-salary-period").trim().toLowerCase(),
        c.getDouble("vacancies.min-monthly-salary-kzt"),
        c.getDouble("vacancies.max-monthly-salary-kzt"),
        positive(c, "vacancies.max-positions"),
        factors);
    if (!factors.containsKey(vacancies.defaultSalaryPeriod())) {
      throw new InvalidConfigException("vacancies.default-salary-period '" + vacancies.defaultSalaryPeriod()
          + "' has no entry in vacancies.period-factors " + factors.keySet());
    }
    WageSettings wages = new WageSettings(c.getDouble("wages.min-monthly-wage-kzt"), c.getDouble("wages.max-monthly-wage-kzt"));

    Map<String, Double> shares = doubles(c, "graduates.entry-share");
    shares.forEach((k, v) -> {
      if (!(v >= 0 && v <= 1)) {
        throw new InvalidConfigException("graduates.entry-share." + k + " must be within [0, 1], got " + v);
      }
    });
    return new SkillgapConfig(spark, paths, reference, run, c.getBoolean("ingest.csv-multi-line"),
        vacancies, wages, new GraduateSettings(shares));
  }

  /** A copy with other landing, warehouse and publish folders (command-line options win over files). */
  public SkillgapConfig withPaths(String landing, String warehouse, String publish) {
    Paths p = new Paths(
        landing != null ? landing : paths.landing(),
        warehouse != null ? warehouse : paths.warehouse(),
        publish != null ? publish : paths.publish());
    return new SkillgapConfig(spark, p, reference, run, csvMultiLine, vacancies, wages, graduates);
  }

  private static Map<String, Double> doubles(Config c, String path) {
    Map<String, Double> out = new TreeMap<>();
    for (String key : c.getConfig(path).root().keySet()) {
      out.put(key, c.getConfig(path).getDouble(ConfigUtil.quoteString(key)));
    }
    if (out.isEmpty()) {
      throw new InvalidConfigException(path + " must not be empty");
    }
    return Map.copyOf(out);
  }

  private static int positive(Config c, String path) {
    int v = c.getInt(path);
    if (v <= 0) {
      throw new InvalidConfigException(path + " must be > 0, got " + v);
    }
    return v;
  }

  private static LocalDate date(Config c, String path) {
    String s = c.getString(path).trim();
    try {
      return LocalDate.parse(s);
    } catch (RuntimeException e) {
      throw new InvalidConfigException(path + " must be an ISO date (yyyy-MM-dd), got '" + s + "'");
    }
  }
}
