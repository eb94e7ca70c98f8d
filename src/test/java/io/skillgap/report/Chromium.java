package io.skillgap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium}) as a reader opens a file: the DOM after the page's
 * scripts ran, a screenshot, and the network requests the page made, from Chromium's own net log.
 */
final class Chromium {
  /** What a page left behind: its DOM after scripts, and the URLs it asked the network for. */
  record Visit(String dom, List<String> pageRequests) {}

  private final String binary;
  private final Path work;

  private Chromium(String binary, Path work) {
    this.binary = binary;
    this.work = work;
  }

  /** The browser; without one the calling test is skipped, or fails where SKILLGAP_REQUIRE_ALL_TESTS is set (CI). */
  static Chromium find(Path work) {
    String env = System.getenv("CHROMIUM");
    for (String candidate : new String[] {env, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
      if (candidate != null && Files.isExecutable(Path.of(candidate))) {
        return new Chromium(candidate, work);
      }
    }
    String need = "headless Chromium is needed for the report's browser tests: apt-get install chromium (or set CHROMIUM=/path/to/it)";
    if (System.getenv("SKILLGAP_REQUIRE_ALL_TESTS") != null) {
      throw new AssertionError(need);
    }
    // A developer's machine without a browser skips these tests; CI (.ci/run) requires them.
    Assumptions.abort(need);
    return null;
  }

  /** Opens {@code page} and returns its rendered DOM with the requests the page itself made. */
  Visit visit(Path page) throws IOException, InterruptedException {
    Path netLog = work.resolve("net-" + System.nanoTime() + ".json");
    String dom = run(List.of("--log-net-log=" + netLog, "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString()));
    return new Visit(dom, pageRequests(netLog));
  }

  /** Saves a screenshot of {@code page} at the given window size. */
  void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.getParent());
    run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars",
        "--virtual-time-budget=10000", page.toUri().toString()));
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    // The flags that keep Chromium's own services quiet on a closed network (../shared/PLATFORM.md).
    List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(work, "profile")));
    cmd.addAll(args);
    Path out = work.resolve("stdout-" + System.nanoTime());
    Path err = work.resolve("stderr-" + System.nanoTime());
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + cmd);
    }
    assertEquals(0, p.exitValue(), "chromium exit code; stderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /**
   * URLs requested by pages, not by the browser: Chromium's own services (update checks, accounts)
   * start their requests with the initiator "not an origin"; a page's requests carry the page's origin
   * ("null" for a file). A page loading file: resources makes no URL request at all.
   */
  static List<String> pageRequests(Path netLog) throws IOException {
    JsonNode log = new ObjectMapper().readTree(netLog.toFile());
    int startJob = log.get("constants").get("logEventTypes").get("URL_REQUEST_START_JOB").asInt();
    List<String> out = new ArrayList<>();
    for (JsonNode e : log.get("events")) {
      JsonNode params = e.path("params");
      if (e.get("type").asInt() == startJob && !"not an origin".equals(params.path("initiator").asText("not an origin"))) {
        out.add(params.get("url").asText());
      }
    }
    return out;
  }
}
