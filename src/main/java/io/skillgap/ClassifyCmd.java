package io.skillgap;

import io.skillgap.classify.TitleClassifier;
import io.skillgap.classify.TitleFile;
import io.skillgap.config.SkillgapConfig;
import io.skillgap.reference.Reference;
import io.skillgap.run.ExitCode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Codes a CSV file of job titles with the classifier of the nightly run, without starting Spark. */
@Command(name = "classify", description = {
    "Codes job titles to ISCO-08 as the nightly run would, without Spark.",
    "Input: UTF-8 CSV with a header and a 'title' column, optionally 'role_id' (board roles, comma-separated).",
    "Output: the same rows and columns with isco_code, isco_level (4 unit group ... 1 major group, empty when not coded),",
    "method (title, title+role, role or none) and confidence (the calibrated chance the code is right at its level)."})
final class ClassifyCmd implements Callable<Integer> {
  @Mixin SkillGap.Common common;
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV of titles")
  Path input;
  @Option(names = "--output", paramLabel = "FILE", description = "where to write the coded CSV (default: standard output)")
  Path output;
  @Option(names = "--evidence", description = "add an 'evidence' column: what the code rests on, in words")
  boolean evidence;

  @Override
  public Integer call() throws IOException {
    SkillgapConfig cfg = common.load();
    long start = System.nanoTime();
    TitleClassifier classifier = Reference.classifier(new org.apache.hadoop.conf.Configuration(), cfg.reference());
    // Bytes that are not UTF-8 stop the command with the place, rather than coding mangled titles.
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    Path tmp = output == null ? null : output.resolveSibling(output.getFileName() + ".partial");
    try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(input), decoder));
         Writer out = output == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
             : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      TitleFile.Summary s = TitleFile.code(classifier, skipBom(in), out, evidence);
      out.flush();
      if (tmp != null) {
        out.close();
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      System.err.printf(java.util.Locale.ROOT, "skillgap classify: %s; %.1f s%n", s, (System.nanoTime() - start) / 1e9);
      return ExitCode.OK.code();
    } catch (NoSuchFileException e) {
      System.err.println("skillgap classify: no such file: " + e.getFile());
      return ExitCode.BAD_CONFIG.code();
    } catch (TitleFile.BadInputException | java.nio.charset.CharacterCodingException e) {
      System.err.println("skillgap classify: " + input + ": " + (e instanceof TitleFile.BadInputException ? e.getMessage()
          : "bytes that are not UTF-8 (save the file as UTF-8 CSV)") + "; nothing written");
      return ExitCode.BAD_CONFIG.code();
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Spreadsheets save UTF-8 with a byte-order mark; without this the header's first name would not match. */
  private static Reader skipBom(Reader in) throws IOException {
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
    return in;
  }
}
