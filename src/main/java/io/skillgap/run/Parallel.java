package io.skillgap.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Independent steps of the driver side by side. A small table's write is mostly the driver planning it
 * and committing it, one busy thread, so two of them at once keep both cores of a small machine busy;
 * Spark runs jobs submitted from several threads of one session concurrently.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Runs the steps on {@code threads} threads and returns their results in the steps' order. The first
   * failure (in the steps' order) is thrown as it was, after the other steps ended.
   */
  public static <T> List<T> run(List<Supplier<T>> steps, int threads) {
    if (threads <= 1 || steps.size() <= 1) {
      return steps.stream().map(Supplier::get).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, steps.size()), r -> {
      Thread t = new Thread(r, "skillgap-step");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      steps.forEach(s -> futures.add(pool.submit(s::get)));
      List<T> out = new ArrayList<>();
      Throwable first = null;
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          first = first == null ? e.getCause() : first;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a step", e);
        }
      }
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error err) {
        throw err;
      }
      if (first != null) {
        throw new IllegalStateException(first);
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
