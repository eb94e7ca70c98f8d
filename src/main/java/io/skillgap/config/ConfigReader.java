package io.skillgap.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.skillgap.config.SkillgapConfig.BoundaryChange;
import io.skillgap.config.SkillgapConfig.DisclosureSettings;
import io.skillgap.config.SkillgapConfig.GraduateSettings;
import io.skillgap.config.SkillgapConfig.IndexSettings;
import io.skillgap.config.SkillgapConfig.IngestSettings;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.config.SkillgapConfig.Paths;
import io.skillgap.config.SkillgapConfig.ReferencePaths;
import io.skillgap.config.SkillgapConfig.ReliabilitySettings;
import io.skillgap.config.SkillgapConfig.ReportSettings;
import io.skillgap.config.SkillgapConfig.RunSettings;
import io.skillgap.config.SkillgapConfig.SparkSettings;
import io.skillgap.config.SkillgapConfig.VacancySettings;
import io.skillgap.config.SkillgapConfig.WageSettings;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Resolved HOCON to the typed {@link SkillgapConfig}, checking each value with its key in the message. */
final class ConfigReader {
  private ConfigReader() {}

  static SkillgapConfig read(Config c) {
    Map<String, String> sparkConf = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig("spark.conf").root().entrySet()) {
      sparkConf.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
    }
    SparkSettings spark = new SparkSettings(c.getString("spark.master"), c.getString("spark.app-name"), sparkConf);
    Paths paths = new Paths(c.getString("paths.landing"), c.getString("paths.warehouse"), c.getString("paths.publish"));
    Map<String, String> referencePaths = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig("reference").root().entrySet()) {
      referencePaths.put(e.getKey(), String.valueOf(e.getValue().unwrapped()).trim());
    }
    ReferencePaths reference = new ReferencePaths(Map.copyOf(referencePaths));

    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String asOf = c.getString("run.as-of-date").trim();
    String batchId = c.getString("run.batch-id").trim();
    if (!batchId.isEmpty() && !batchId.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new InvalidConfigException("run.batch-id must be 1-64 letters, digits, '.', '_' or '-': " + batchId);
    }
    LocalDate night = asOf.isEmpty() ? now.toLocalDate() : date(c, "run.as-of-date");
    double maxShare = c.getDouble("run.max-quarantine-share");
    check(maxShare >= 0 && maxShare <= 1, "run.max-quarantine-share must be within [0, 1], got " + maxShare);
    RunSettings run = new RunSettings(night, batchId.isEmpty() ? night.toString() : batchId, positive(c, "run.top-n"),
        c.getBoolean("run.full-rebuild"), maxShare, progressSeconds(c), positive(c, "run.max-attempts"),
        c.getString("run.checkpoint-dir").trim(), sizeOrZero(c, "run.interpreted-below"), retainHours(c));
    String encoding = c.getString("ingest.fallback-encoding").trim();
    check(java.nio.charset.Charset.isSupported(encoding), "ingest.fallback-encoding '" + encoding + "' is not a known charset");
    int settle = c.getInt("ingest.settle-seconds");
    check(settle >= 0 && settle <= 600, "ingest.settle-seconds must be within [0, 600], got " + settle);
    IngestSettings ingest = new IngestSettings(c.getBoolean("ingest.csv-multi-line"), c.getBoolean("ingest.always-checksum"), encoding,
        c.getBoolean("ingest.follow-symlinks"), settle, bytes(c, "ingest.max-record-bytes"), positive(c, "ingest.max-field-chars"),
        positive(c, "ingest.max-quoted-lines"), bytes(c, "ingest.max-quoted-bytes"));

    Map<String, Double> factors = doubles(c, "vacancies.period-factors");
    factors.forEach((k, v) -> check(v > 0, "vacancies.period-factors." + k + " must be > 0, got " + v));
    VacancySettings vacancies = new VacancySettings(
        positive(c, "vacancies.dedupe-window-days"),
        date(c, "vacancies.earliest-posted-date"),
        c.getString("vacancies.default-currency").trim().toUpperCase(),
        c.getString("vacancies.default-salary-period").trim().toLowerCase(),
        c.getDouble("vacancies.min-monthly-salary-kzt"),
        c.getDouble("vacancies.max-monthly-salary-kzt"),
        positive(c, "vacancies.max-positions"),
        factors,
        positive(c, "vacancies.max-open-days"));
    check(factors.containsKey(vacancies.defaultSalaryPeriod()), "vacancies.default-salary-period '"
        + vacancies.defaultSalaryPeriod() + "' has no entry in vacancies.period-factors " + factors.keySet());
    WageSettings wages = new WageSettings(c.getDouble("wages.min-monthly-wage-kzt"), c.getDouble("wages.max-monthly-wage-kzt"),
        positive(c, "wages.max-employees"));

    Map<String, Double> shares = doubles(c, "graduates.entry-share");
    shares.forEach((k, v) -> check(v >= 0 && v <= 1, "graduates.entry-share." + k + " must be within [0, 1], got " + v));
    String salt = c.getString("pii.employer-id-salt");
    check(!salt.isBlank(), "pii.employer-id-salt must not be empty");
    return new SkillgapConfig(spark, paths, reference, run, ingest,
        vacancies, wages, new GraduateSettings(shares, positive(c, "graduates.max-per-row")), boundaryChanges(c), index(c), reliability(c), disclosure(c), salt, report(c), hash(c), sources(c));
  }

  private static SkillgapConfig.SourceSettings sources(Config c) {
    double pension = c.getDouble("sources.hh.net-salary.pension-contribution");
    double tax = c.getDouble("sources.hh.net-salary.income-tax");
    check(pension >= 0 && pension < 1, "sources.hh.net-salary.pension-contribution must be within [0, 1), got " + pension);
    check(tax >= 0 && tax < 1, "sources.hh.net-salary.income-tax must be within [0, 1), got " + tax);
    String home = c.getString("sources.home-country").trim().toUpperCase(java.util.Locale.ROOT);
    check(home.matches("[A-Z]{2}"), "sources.home-country must be an ISO 3166-1 alpha-2 code, got '" + home + "'");
    return new SkillgapConfig.SourceSettings(home, c.getString("sources.hh.board").trim(), c.getString("sources.enbek.board").trim(),
        pension, tax);
  }

  private static List<BoundaryChange> boundaryChanges(Config c) {
    List<BoundaryChange> out = new ArrayList<>();
    List<? extends Config> list = c.getConfigList("regions.boundary-changes");
    for (int i = 0; i < list.size(); i++) {
      Config b = list.get(i);
      String where = "regions.boundary-changes[" + i + "]";
      Map<String, Double> shares = doubles(b, "shares");
      double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
      check(Math.abs(sum - 1) < 1e-9, where + ".shares must sum to 1, got " + sum);
      shares.forEach((k, v) -> check(v > 0, where + ".shares." + k + " must be > 0"));
      out.add(new BoundaryChange(b.getString("region"), date(b, "until"), shares));
    }
    return List.copyOf(out);
  }

  private static IndexSettings index(Config c) {
    Map<String, Double> weights = doubles(c, "index.weights");
    check(weights.keySet().equals(new java.util.TreeSet<>(IndexSettings.INDICATORS)),
        "index.weights must name exactly the indicators " + IndexSettings.INDICATORS + ", has " + weights.keySet());
    weights.forEach((k, v) -> check(v >= 0, "index.weights." + k + " must be >= 0, got " + v));
    check(weights.values().stream().anyMatch(v -> v > 0), "index.weights: at least one weight must be > 0");
    double shortage = c.getDouble("index.shortage-threshold");
    double surplus = c.getDouble("index.surplus-threshold");
    check(surplus < shortage && shortage <= 1 && surplus >= -1,
        "index.surplus-threshold < index.shortage-threshold within [-1, 1] required, got " + surplus + " and " + shortage);
    double clip = c.getDouble("index.clip-z");
    check(clip > 0, "index.clip-z must be > 0, got " + clip);
    return new IndexSettings(weights, clip, positive(c, "index.min-observations"), positive(c, "index.min-indicators"),
        shortage, surplus, positive(c, "index.long-vacancy-days"), positive(c, "index.sensitivity-top-n"));
  }

  private static ReliabilitySettings reliability(Config c) {
    ReliabilitySettings r = new ReliabilitySettings(positive(c, "reliability.high-min-count"),
        positive(c, "reliability.low-below-count"), positive(c, "reliability.high-min-indicators"));
    check(r.lowBelowCount() <= r.highMinCount(), "reliability.low-below-count must be <= reliability.high-min-count");
    return r;
  }

  private static ReportSettings report(Config c) {
    List<String> languages = c.getStringList("report.languages").stream().map(l -> l.trim().toLowerCase()).toList();
    check(!languages.isEmpty(), "report.languages must name at least one language");
    languages.forEach(l -> check(ReportSettings.SUPPORTED.contains(l), "report.languages: '" + l + "' is not one of " + ReportSettings.SUPPORTED));
    return new ReportSettings(c.getBoolean("report.enabled"), languages, positive(c, "report.top-per-region"));
  }

  private static DisclosureSettings disclosure(Config c) {
    return new DisclosureSettings(positive(c, "disclosure.threshold"), positive(c, "disclosure.max-iterations"));
  }

  /**
   * SHA-256 of the resolved configuration (keys sorted by the renderer), without what changes every night
   * (the as-of date and batch id) and without the salt: equal hashes mean the same method and inputs.
   */
  static String hash(Config c) {
    String text = c.withoutPath("run.as-of-date").withoutPath("run.batch-id").withoutPath("pii").withoutPath("home")
        .root().render(com.typesafe.config.ConfigRenderOptions.concise());
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new InvalidConfigException(message);
    }
  }

  static Map<String, Double> doubles(Config c, String path) {
    Map<String, Double> out = new TreeMap<>();
    for (String key : c.getConfig(path).root().keySet()) {
      out.put(key, c.getConfig(path).getDouble(ConfigUtil.quoteString(key)));
    }
    check(!out.isEmpty(), path + " must not be empty");
    return Map.copyOf(out);
  }

  private static int progressSeconds(Config c) {
    int v = c.getInt("run.progress-seconds");
    check(v == 0 || v >= 5, "run.progress-seconds must be 0 (off) or at least 5, got " + v);
    return v;
  }

  static int retainHours(Config c) {
    int v = c.getInt("run.retain-hours");
    // Delta's logs keep 30 days (delta.logRetentionDuration): files kept longer could not be read by any version.
    check(v >= 0 && v <= 720, "run.retain-hours must be within [0, 720], got " + v);
    return v;
  }

  static int positive(Config c, String path) {
    int v = c.getInt(path);
    check(v > 0, path + " must be > 0, got " + v);
    return v;
  }

  /** A size in bytes ("64k", "1MiB" or a number), at least 1 KiB and below 2 GiB. */
  static int bytes(Config c, String path) {
    long v = size(c, path);
    check(v >= 1024 && v < Integer.MAX_VALUE, path + " must be between 1 KiB and 2 GiB, got " + v);
    return (int) v;
  }

  /** A size in bytes ("256MiB", "1g" or a number; 0 for none). */
  static long sizeOrZero(Config c, String path) {
    long v = size(c, path);
    check(v >= 0, path + " must be >= 0, got " + v);
    return v;
  }

  private static long size(Config c, String path) {
    try {
      return c.getBytes(path);
    } catch (com.typesafe.config.ConfigException e) {
      throw new InvalidConfigException(path + " must be a size in bytes (e.g. 65536, 64k, 1MiB): " + e.getMessage());
    }
  }

  static LocalDate date(Config c, String path) {
    String s = c.getString(path).trim();
    try {
      return LocalDate.parse(s);
    } catch (RuntimeException e) {
      throw new InvalidConfigException(path + " must be an ISO date (yyyy-MM-dd), got '" + s + "'");
    }
  }
}
