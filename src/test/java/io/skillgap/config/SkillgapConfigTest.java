package io.skillgap.config;

import io.skillgap.run.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SkillGap;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SkillgapConfigTest {

  @Test
  void defaultsComeFromSkillgapConf() {
    SkillgapConfig c = SkillgapConfig.load(null, Map.of());
    assertEquals(60, c.vacancies().dedupeWindowDays(), "dedupe window");
    assertEquals(168.0, c.vacancies().periodFactors().get("hour"), "hours per month");
    assertEquals(0.585, c.graduates().entryShare().get("tvet"), "TVET entry share");
    assertTrue(c.reference().path("isco").endsWith("/conf/reference/isco08.csv"), c.reference().path("isco"));
    assertEquals("data/landing", c.paths().landing(), "landing default");
  }

  @Test
  void setOverridesAnyKeyAndMovesReferenceTablesWithTheirFolder() {
    SkillgapConfig c = SkillgapConfig.load(null, Map.of(
        "vacancies.dedupe-window-days", "30",
        "paths.reference", "/srv/ref",
        "reference.crosswalk", "/tmp/my_crosswalk.csv",
        "spark.conf.spark.sql.shuffle.partitions", "3",
        "run.as-of-date", "2025-01-31",
        "run.batch-id", "night-1"));
    assertEquals(30, c.vacancies().dedupeWindowDays(), "window");
    assertEquals("/srv/ref/isco08.csv", c.reference().path("isco"), "reference folder moved");
    assertEquals("/tmp/my_crosswalk.csv", c.reference().path("crosswalk"), "one table replaced");
    assertEquals("3", c.spark().conf().get("spark.sql.shuffle.partitions"), "spark key with dots");
    assertEquals(LocalDate.of(2025, 1, 31), c.run().asOfDate(), "as-of date");
    assertEquals("night-1", c.run().batchId(), "batch id");
    assertEquals("/x", c.withPaths(null, "/x", null).paths().warehouse(), "command-line folder");
  }

  @Test
  void badKeysAndValuesFailWithTheKeyNamed() {
    assertMessage("unknown configuration key in --set: vacancies.window", Map.of("vacancies.window", "30"));
    assertMessage("graduates.entry-share.tvet must be within [0, 1]", Map.of("graduates.entry-share.tvet", "1.5"));
    assertMessage("run.as-of-date must be an ISO date", Map.of("run.as-of-date", "2024-13-01"));
    assertMessage("vacancies.default-salary-period 'fortnight' has no entry", Map.of("vacancies.default-salary-period", "fortnight"));
    assertMessage("vacancies.dedupe-window-days must be > 0", Map.of("vacancies.dedupe-window-days", "0"));
    assertMessage("run.batch-id must be", Map.of("run.batch-id", "a/b"));
    assertMessage("run.progress-seconds must be 0 (off) or at least 5, got 2", Map.of("run.progress-seconds", "2"));
    assertMessage("report.languages: 'de' is not one of [ru, en, kk]", Map.of("report.languages", "[ru, de]"));
  }

  @Test
  void aConfigurationErrorExitsWithCodeTwoBeforeSparkStarts() {
    StringWriter err = new StringWriter();
    CommandLine cli = SkillGap.commandLine();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("run", "--set", "vacancies.window=30");
    assertEquals(ExitCode.BAD_CONFIG.code(), code, "exit code");
    assertTrue(err.toString().contains("unknown configuration key in --set: vacancies.window"), err.toString());
  }

  @Test
  void aBrokenOrMisspeltConfigurationFileIsRefusedWithItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.io.File broken = dir.resolve("broken.conf").toFile();
    java.nio.file.Files.writeString(broken.toPath(), "vacancies {\n  dedupe-window-days = 30\n  max-positions = [\n}\n");
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SkillgapConfig.load(broken, Map.of()), "parse error");
    assertTrue(e.getMessage().contains("broken.conf") && e.getMessage().contains(": 4:"), e.getMessage());
    java.io.File typo = dir.resolve("typo.conf").toFile();
    java.nio.file.Files.writeString(typo.toPath(), "vacancies {\n  dedupe-window-days = 30\n  dedupe-windw-days = 20\n}\n"
        + "spark.conf { \"spark.sql.shuffle.partitions\" = \"4\" }\n");
    InvalidConfigException u = assertThrows(InvalidConfigException.class, () -> SkillgapConfig.load(typo, Map.of()), "unknown key");
    assertTrue(u.getMessage().contains("unknown configuration key in " + typo + " line 3: vacancies.dedupe-windw-days"), u.getMessage());
    // The command line maps it to exit code 2, with the file in the message.
    StringWriter err = new StringWriter();
    CommandLine cli = SkillGap.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(ExitCode.BAD_CONFIG.code(), cli.execute("run", "--config", broken.toString()), "exit code");
    assertTrue(err.toString().contains("broken.conf"), err.toString());
  }

  private static void assertMessage(String expected, Map<String, String> overrides) {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SkillgapConfig.load(null, overrides),
        "should fail: " + overrides);
    assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
  }
}
