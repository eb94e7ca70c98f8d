package io.skillgap;

import io.skillgap.run.RunLock;
import io.skillgap.reference.Reference;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import io.skillgap.run.ExitCode;
import io.skillgap.store.Sparks;
import io.skillgap.sample.SampleGenerator;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The command line: parses typed options and configuration, then hands over to {@link Pipeline}. */
@Command(name = "skillgap", mixinStandardHelpOptions = true, versionProvider = SkillGap.Version.class,
    description = "Measures where employers want more qualified people than colleges and universities produce.",
    subcommands = {SkillGap.Sample.class, SkillGap.Run.class, SkillGap.Backfill.class, SkillGap.IngestCmd.class,
        SkillGap.ConformCmd.class, SkillGap.GapCmd.class, SkillGap.PublishCmd.class, SkillGap.Sql.class, ClassifyCmd.class, MaintainCmd.class},
    exitCodeListHeading = "%nExit codes:%n")
public final class SkillGap {
  private static final Logger LOG = LogManager.getLogger(SkillGap.class);

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The parser with the exit-code mapping; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    // Before the warehouse lock makes the first local file system (Hadoop caches it).
    io.skillgap.store.LocalFiles.install();
    CommandLine cli = new CommandLine(new SkillGap()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof InvalidConfigException) {
        cmd.getErr().println("skillgap: configuration error: " + e.getMessage());
        return ExitCode.BAD_CONFIG.code();
      }
      if (e instanceof RunLock.LockedException) {
        cmd.getErr().println("skillgap: " + e.getMessage());
        LOG.error(e.getMessage());
        return ExitCode.LOCKED.code();
      }
      LOG.error("skillgap failed: {}", e.toString(), e);
      return ExitCode.FAILED.code();
    });
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      codes.put(String.valueOf(c.code()), c.meaning());
    }
    cli.getCommandSpec().usageMessage().exitCodeList(codes);
    cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes));
    return cli;
  }

  /** Options shared by the pipeline commands. */
  static final class Common {
    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (defaults: conf/skillgap.conf)")
    File config;
    @Option(names = "--landing", paramLabel = "DIR", description = "landing folder (default: data/landing)")
    String landing;
    @Option(names = "--warehouse", paramLabel = "DIR", description = "Delta warehouse folder (default: data/warehouse)")
    String warehouse;
    @Option(names = "--publish", paramLabel = "DIR", description = "published Parquet folder (default: data/publish)")
    String publish;
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the night to run (as-of date and batch id; default: today)")
    LocalDate date;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a configuration key; repeatable")
    Map<String, String> overrides = new LinkedHashMap<>();

    SkillgapConfig load() {
      File file = config;
      if (file == null) {
        String home = System.getenv("SKILLGAP_HOME");
        File candidate = Path.of(home == null ? "." : home, "conf", "skillgap.conf").toFile();
        file = candidate.isFile() ? candidate : null;
      }
      Map<String, String> all = new LinkedHashMap<>(overrides);
      if (date != null) {
        all.putIfAbsent("run.as-of-date", date.toString());
      }
      return SkillgapConfig.load(file, all).withPaths(landing, warehouse, publish);
    }

    boolean batchGiven() {
      return date != null || overrides.containsKey("run.batch-id") && !overrides.get("run.batch-id").isBlank();
    }
  }

  /** A pipeline command: configuration, the warehouse lock, a session, the work; returns its exit code. */
  abstract static class SparkCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      SkillgapConfig cfg = common.load();
      String name = getClass().getAnnotation(Command.class).name();
      try (RunLock lock = RunLock.acquire(new Configuration(), cfg.paths().warehouse(), name)) {
        SparkSession spark = Sparks.session(cfg.spark());
        String checkpoints = Sparks.checkpoints(spark, cfg.run().checkpointDir(cfg.paths().warehouse()));
        Sparks.sizeForInput(spark, cfg);
        try {
          return work(spark, cfg, lock.tookOverStale()).code();
        } finally {
          Sparks.dropCheckpoints(spark, checkpoints);
          spark.stop();
        }
      }
    }

    abstract ExitCode work(SparkSession spark, SkillgapConfig cfg, boolean lockWasStale);
  }

  @Command(name = "run", description = "Runs one night: ingest, conform, gap, quality checks, publish.")
  static final class Run extends SparkCommand {
    @Override
    ExitCode work(SparkSession spark, SkillgapConfig cfg, boolean lockWasStale) {
      return Pipeline.night(spark, cfg, "run", lockWasStale);
    }
  }

  @Command(name = "backfill", description = "Runs the nights from --from to --to, each from <landing-root>/<yyyy-MM-dd>/.")
  static final class Backfill extends SparkCommand {
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "first night")
    LocalDate from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "last night (inclusive)")
    LocalDate to;
    @Option(names = "--landing-root", required = true, paramLabel = "DIR", description = "folder with one landing folder per night")
    String landingRoot;

    @Override
    ExitCode work(SparkSession spark, SkillgapConfig cfg, boolean lockWasStale) {
      if (to.isBefore(from)) {
        throw new InvalidConfigException("--to " + to + " is before --from " + from);
      }
      ExitCode worst = ExitCode.OK;
      boolean stale = lockWasStale;
      for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
        LOG.info("backfill: night {}", night);
        ExitCode code = Pipeline.night(spark, cfg.forNight(night, landingRoot + "/" + night), "backfill", stale);
        stale = false;
        worst = code.code() > worst.code() ? code : worst;
        if (code == ExitCode.ACCOUNTING || code == ExitCode.QUALITY_FAILED || code == ExitCode.FAILED) {
          LOG.error("backfill stops at {} (exit code {})", night, code.code());
          return code;
        }
      }
      return worst;
    }
  }

  @Command(name = "ingest", description = "Landing files to bronze, as the night's batch.")
  static final class IngestCmd extends SparkCommand {
    @Override
    ExitCode work(SparkSession spark, SkillgapConfig cfg, boolean lockWasStale) {
      Pipeline.ingest(spark, cfg);
      return ExitCode.OK;
    }
  }

  @Command(name = "conform", description = "Bronze to silver and quarantine, for the latest batch (or --date).")
  static final class ConformCmd extends SparkCommand {
    @Override
    ExitCode work(SparkSession spark, SkillgapConfig cfg, boolean lockWasStale) {
      Pipeline.conform(spark, cfg, Reference.load(spark, cfg.reference()), Pipeline.latestBatch(spark, cfg, common.batchGiven()));
      return ExitCode.OK;
    }
  }

  @Command(name = "gap", description = "Silver to the gold tables, every year.")
  static final class GapCmd extends SparkCommand {
    @Override
    ExitCode work(SparkSession spark, SkillgapConfig cfg, boolean lockWasStale) {
      Pipeline.gap(spark, cfg, Reference.load(spark, cfg.reference()));
      return ExitCode.OK;
    }
  }

  @Command(name = "publish", description = "Quality checks, then gold to published Parquet and _summary.json.")
  static final class PublishCmd extends SparkCommand {
    @Override
    ExitCode work(SparkSession spark, SkillgapConfig cfg, boolean lockWasStale) {
      return Pipeline.publish(spark, cfg, Pipeline.latestBatch(spark, cfg, common.batchGiven()));
    }
  }

  @Command(name = "sql", description = "Registers the tables by name (skillgap.*, skillgap_gold.*) and runs queries on them.")
  static final class Sql implements Callable<Integer> {
    @Mixin Common common;
    @Option(names = "--query", paramLabel = "SQL", description = "a query to run and print; repeatable")
    java.util.List<String> queries = new java.util.ArrayList<>();
    @Option(names = "--views", description = "also create the BI views of docs/sql/bi_views.sql")
    boolean views;
    @Option(names = "--rows", defaultValue = "50", description = "rows to print per query (default: ${DEFAULT-VALUE})")
    int rows;

    @Override
    public Integer call() {
      SkillgapConfig cfg = common.load();
      if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(cfg.paths().publish())) && !cfg.paths().publish().contains("://")) {
        System.err.println("skillgap: no publication in " + cfg.paths().publish() + " (run the pipeline first, or give --publish DIR)");
        return ExitCode.BAD_CONFIG.code();
      }
      // Databases need a home folder even when nothing is stored in them: keep it out of the working directory.
      SparkSession spark = Sparks.session(cfg.spark().withDefault("spark.sql.warehouse.dir", cfg.paths().warehouse() + "/_catalog"));
      try {
        String publish = qualified(spark, cfg.paths().publish());
        String warehouse = qualified(spark, cfg.paths().warehouse());
        io.skillgap.publish.Catalog.register(spark, publish, new io.skillgap.store.Warehouse(spark, warehouse), warehouse);
        if (views) {
          io.skillgap.publish.Catalog.createViews(spark);
        }
        if (queries.isEmpty()) {
          spark.sql("SHOW TABLES IN skillgap").show(100, false);
        }
        for (String q : queries) {
          spark.sql(q).show(rows, false);
        }
        return 0;
      } finally {
        spark.stop();
      }
    }

    private static String qualified(SparkSession spark, String path) {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      try {
        return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Command(name = "sample", description = "Writes realistic sample landing data (deterministic for a seed).")
  static final class Sample implements Callable<Integer> {
    @Option(names = "--landing", paramLabel = "DIR", defaultValue = "data/landing", description = "where to write (default: ${DEFAULT-VALUE})")
    Path landing;
    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--vacancies", defaultValue = "50000", description = "unique vacancies to generate (default: ${DEFAULT-VALUE})")
    int vacancies;
    @Option(names = "--first-year", defaultValue = "2022", description = "first year of data (default: ${DEFAULT-VALUE})")
    int firstYear;
    @Option(names = "--years", defaultValue = "4", description = "number of years (default: ${DEFAULT-VALUE})")
    int years;
    @Option(names = "--night", paramLabel = "YYYY-MM-DD", description = "write only one night's increment: --vacancies new "
        + "vacancies posted that day, in new files next to an earlier sample (for benchmarks of a nightly run)")
    java.time.LocalDate night;

    @Override
    public Integer call() throws Exception {
      if (vacancies < 1 || years < 1 || firstYear < 2000) {
        throw new InvalidConfigException("--vacancies and --years must be >= 1 and --first-year >= 2000");
      }
      if (night != null) {
        SampleGenerator.Night n = new SampleGenerator(seed, vacancies, night.getYear(), 1).writeNight(landing, night);
        LOG.info("sample: wrote {} vacancy ads ({} new vacancies, {} bad rows) posted on {} to {}/vacancies", n.rows(), n.unique(),
            n.bad(), night, landing);
        return 0;
      }
      int thisYear = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
      if (firstYear + years - 1 >= thisYear) {
        // Postings later than today are quarantined as out of range, so the sample ends with last year.
        throw new InvalidConfigException("--first-year + --years - 1 must be before this year (" + thisYear
            + "), e.g. --first-year " + (thisYear - years) + " --years " + years);
      }
      SampleGenerator.Truth truth = new SampleGenerator(seed, vacancies, firstYear, years).write(landing);
      LOG.info("sample: wrote {} vacancy ads ({} unique), {} graduate rows, {} wage rows to {}", truth.vacancyRows(),
          truth.uniqueVacancies(), truth.graduateRows(), truth.wageRows(), landing);
      LOG.info("sample: and in the real formats {} hh API vacancies (hh/), {} Enbek export rows (enbek/, Windows-1251),"
          + " {} rows of a stat.gov.kz wage table (stat_wages/)", truth.hhRows(), truth.enbekRows(), truth.statWageRows());
      return 0;
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SkillGap.class.getPackage().getImplementationVersion();
      return new String[] {"skillgap " + (v == null ? "(development build)" : v)};
    }
  }
}
