package io.skillgap.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse lock under a crowd: exactly one run gets it, also when they all find a dead run's lock. */
class RunLockTest {
  @TempDir Path warehouse;

  /** The pid of a process that has just ended (no process has it now). */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void ofManyStartersTakingOverADeadRunsLockExactlyOneWins() throws Exception {
    Configuration conf = new Configuration();
    int starters = 12;
    ExecutorService pool = Executors.newFixedThreadPool(starters);
    try {
      for (int round = 0; round < 15; round++) {
        Files.writeString(warehouse.resolve("_lock"), "pid=" + deadPid() + " host=" + RunLock.host() + " started=x command=run\n");
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger tookOver = new AtomicInteger();
        List<Future<RunLock>> tries = new ArrayList<>();
        for (int i = 0; i < starters; i++) {
          tries.add(pool.submit(() -> {
            go.await();
            try {
              RunLock l = RunLock.acquire(conf, warehouse.toString(), "run");
              if (l.tookOverStale()) {
                tookOver.incrementAndGet();
              }
              return l;
            } catch (RunLock.LockedException e) {
              return null;
            }
          }));
        }
        go.countDown();
        List<RunLock> winners = new ArrayList<>();
        for (Future<RunLock> f : tries) {
          if (f.get() != null) {
            winners.add(f.get());
          }
        }
        assertEquals(1, winners.size(), "round " + round + ": runs holding the lock");
        assertEquals(1, tookOver.get(), "round " + round + ": the winner knows it is recovering");
        winners.get(0).close();
        try (var left = Files.list(warehouse)) {
          assertEquals(List.of(), left.filter(p -> !p.getFileName().toString().startsWith(".")).toList(), "nothing left behind");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLiveHolderIsNeverTakenOverAndAReleasedLockIsFree() throws Exception {
    Configuration conf = new Configuration();
    RunLock first = RunLock.acquire(conf, warehouse.toString(), "run");
    RunLock.LockedException e = assertThrows(RunLock.LockedException.class, () -> RunLock.acquire(conf, warehouse.toString(), "run"));
    assertTrue(e.getMessage().contains("another skillgap run holds"), e.getMessage());
    first.close();
    try (RunLock again = RunLock.acquire(conf, warehouse.toString(), "run")) {
      assertEquals(false, again.tookOverStale(), "a released lock is not stale");
    }
  }
}
