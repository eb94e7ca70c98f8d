package io.skillgap.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration of a run, typed and validated once at start-up so that a wrong key or value
 * fails before Spark starts, with the key's name in the message.
 */
public record SkillgapConfig(
    SparkSettings spark,
    Paths paths,
    ReferencePaths reference,
    RunSettings run,
    IngestSettings ingest,
    VacancySettings vacancies,
    WageSettings wages,
    GraduateSettings graduates,
    List<BoundaryChange> boundaryChanges,
    IndexSettings index,
    ReliabilitySettings reliability,
    DisclosureSettings disclosure,
    String piiSalt,
    ReportSettings report,
    String configHash,
    SourceSettings sources) {

  /**
   * The real-source adapters: the home country (rows of other countries are kept but not in the gap
   * tables), the board names given to their rows, and how hh's net salaries are grossed up.
   */
  public record SourceSettings(String homeCountry, String hhBoard, String enbekBoard, double pensionContribution,
      double incomeTax) {
    /** Gross = net / ((1 - pension contribution) x (1 - income tax)). */
    public double netToGross() {
      return 1.0 / ((1 - pensionContribution) * (1 - incomeTax));
    }
  }

  /** Where spark.* settings for the session come from. */
  public record SparkSettings(String master, String appName, Map<String, String> conf) {
    /** The same settings with one more {@code key}, unless configuration already sets it. */
    public SparkSettings withDefault(String key, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(conf);
      more.putIfAbsent(key, value);
      return new SparkSettings(master, appName, java.util.Collections.unmodifiableMap(more));
    }
  }

  /** Landing (input), warehouse (Delta layers) and publish (Parquet for readers) folders. */
  public record Paths(String landing, String warehouse, String publish) {}

  /** The path of each reference table by its key under {@code reference.} (conf/reference/README.md); empty = left out. */
  public record ReferencePaths(Map<String, String> byKey) {
    /** The path configured for the key, or "" when none is. */
    public String path(String key) {
      return byKey.getOrDefault(key, "");
    }
  }

  /** The night this run stands for. */
  public record RunSettings(LocalDate asOfDate, String batchId, int topN, boolean fullRebuild, double maxQuarantineShare,
      int progressSeconds, int maxAttempts, String checkpointDir, long interpretedBelow, int retainHours) {
    /** Where the run's checkpoints go: the configured folder, or one inside the warehouse. */
    public String checkpointDir(String warehouse) {
      return checkpointDir.isEmpty() ? warehouse + "/_checkpoints" : checkpointDir;
    }
  }

  /** How landing files are recognised and read, and the bounds on what one record may be. */
  public record IngestSettings(boolean csvMultiLine, boolean alwaysChecksum, String fallbackEncoding, boolean followSymlinks,
      int settleSeconds, int maxRecordBytes, int maxFieldChars, int maxQuotedLines, int maxQuotedBytes) {}

  /** Validation bounds and the dedupe window for vacancies. */
  public record VacancySettings(
      int dedupeWindowDays, LocalDate earliestPostedDate, String defaultCurrency,
      String defaultSalaryPeriod, double minMonthlySalaryKzt, double maxMonthlySalaryKzt,
      int maxPositions, Map<String, Double> periodFactors, int maxOpenDays) {}

  /** Plausible bounds for official average wages. */
  public record WageSettings(double minMonthlyWageKzt, double maxMonthlyWageKzt, long maxEmployees) {}

  /** Labour-market entry share per level of graduates. */
  public record GraduateSettings(Map<String, Double> entryShare, long maxPerRow) {}

  /** Rows of {@code region} dated before {@code until} are split into today's regions by {@code shares}. */
  public record BoundaryChange(String region, LocalDate until, Map<String, Double> shares) {}

  /** The composite shortage index: indicator weights, clipping, availability rules, status thresholds. */
  public record IndexSettings(Map<String, Double> weights, double clipZ, int minObservations, int minIndicators,
      double shortageThreshold, double surplusThreshold, int longVacancyDays, int sensitivityTopN) {
    /** The indicators, in the order they are published; each is oriented so that higher means tighter. */
    public static final List<String> INDICATORS = List.of("demand_supply", "vacancy_growth", "posted_salary_growth",
        "official_wage_growth", "salary_premium", "time_to_fill", "long_vacancy_share", "readvertising");
  }

  /** Counts behind the confidence levels (relative standard error of a count n is about 1/sqrt(n)). */
  public record ReliabilitySettings(int highMinCount, int lowBelowCount, int highMinIndicators) {}

  /** Languages of the report and exports (the first is the workbook's), occupations per region. */
  public record ReportSettings(boolean enabled, List<String> languages, int topPerRegion) {
    public static final List<String> SUPPORTED = List.of("ru", "en", "kk");
  }

  /** Small-cell suppression of the published tables. */
  public record DisclosureSettings(int threshold, int maxIterations) {}

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
      Config own;
      try {
        own = ConfigFactory.parseFile(file, com.typesafe.config.ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        // The parser's message names the file and the line ("skillgap.conf: 12: Expecting ...").
        throw new InvalidConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
      }
      refuseUnknownKeys(own, defaults, file);
      base = own.withFallback(defaults);
    }
    Config merged = base;
    try {
      for (Map.Entry<String, String> e : overrides.entrySet()) {
        merged = merged.withValue(overridePath(e.getKey(), defaults), overrideValue(e.getValue()));
      }
      // ${?SKILLGAP_HOME} and the like fall back to environment variables during resolve().
      return ConfigReader.read(merged.resolve());
    } catch (ConfigException e) {
      throw new InvalidConfigException(e.getMessage());
    }
  }

  /**
   * A key in a configuration file that the defaults do not have is a typo or a key of another version: it
   * would be ignored silently, so it is refused, with its file and line. Spark settings under
   * {@code spark.conf} are free-form.
   */
  static void refuseUnknownKeys(Config own, Config defaults, File file) {
    for (Map.Entry<String, ConfigValue> e : own.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("spark.conf.") || key.startsWith("vacancies.period-factors.") || key.equals("home")) {
        continue;
      }
      boolean known;
      try {
        known = defaults.hasPathOrNull(key);
      } catch (ConfigException.BadPath ex) {
        known = false;
      }
      if (!known) {
        int line = e.getValue().origin().lineNumber();
        throw new InvalidConfigException("unknown configuration key in " + file + (line > 0 ? " line " + line : "") + ": " + key
            + " (every key of conf/skillgap.conf is listed there; a misspelt key would be ignored)");
      }
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

  /** A copy for another night (backfills): its as-of date and batch id. */
  public SkillgapConfig forNight(LocalDate night, String landing) {
    RunSettings r = new RunSettings(night, night.toString(), run.topN(), run.fullRebuild(), run.maxQuarantineShare(), run.progressSeconds(),
        run.maxAttempts(), run.checkpointDir(), run.interpretedBelow(), run.retainHours());
    return new SkillgapConfig(spark, new Paths(landing, paths.warehouse(), paths.publish()), reference, r, ingest, vacancies,
        wages, graduates, boundaryChanges, index, reliability, disclosure, piiSalt, report, configHash, sources);
  }

  /** A copy with other landing, warehouse and publish folders (command-line options win over files). */
  public SkillgapConfig withPaths(String landing, String warehouse, String publish) {
    Paths p = new Paths(
        landing != null ? landing : paths.landing(),
        warehouse != null ? warehouse : paths.warehouse(),
        publish != null ? publish : paths.publish());
    return new SkillgapConfig(spark, p, reference, run, ingest, vacancies, wages, graduates, boundaryChanges,
        index, reliability, disclosure, piiSalt, report, configHash, sources);
  }

  /** A --set value is a string, unless it is written as a HOCON list ("[ru, en]"), like a list in the file. */
  private static ConfigValue overrideValue(String value) {
    if (value.strip().startsWith("[")) {
      try {
        return ConfigFactory.parseString("v = " + value).getValue("v");
      } catch (ConfigException e) {
        throw new InvalidConfigException("malformed list in --set: " + value);
      }
    }
    return ConfigValueFactory.fromAnyRef(value, "--set");
  }

}
