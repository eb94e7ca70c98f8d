package io.skillgap.run;

import java.util.Locale;

/** Elapsed time for progress lines. */
public final class Timing {
  private Timing() {}

  /** Seconds since {@code startNanos} (from System.nanoTime), one decimal. */
  public static String since(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
