package io.skillgap.run;

import io.skillgap.run.Timing;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Progress while a step of the night runs long: every {@code run.progress-seconds} the step, its elapsed
 * time, the tasks done in Spark's active stages and the rows its tasks have read so far. A step that
 * ends sooner logs nothing extra (its own line gives rows and time), so short nights stay quiet and a
 * night of hours on a cluster shows it is alive at a steady, small rate.
 */
public final class Progress implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(Progress.class);

  private final SparkSession spark;
  private final long intervalNanos;
  private final ScheduledExecutorService timer;
  private final RowsRead rows = new RowsRead();
  private final Consumer<String> sink;
  private volatile String step;
  private volatile long stepStart;

  Progress(SparkSession spark, long millis, Consumer<String> sink) {
    this.spark = spark;
    this.sink = sink;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    if (millis > 0) {
      spark.sparkContext().addSparkListener(rows);
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skillgap-progress");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    } else {
      timer = null;
    }
  }

  /** Starts reporting; {@code seconds} = 0 gives a reporter that stays silent. */
  public static Progress start(SparkSession spark, int seconds) {
    return new Progress(spark, TimeUnit.SECONDS.toMillis(seconds), LOG::info);
  }

  /** The step now running; its clock and row count start at zero. */
  public void step(String name) {
    rows.read.set(0);
    stepStart = System.nanoTime();
    step = name;
  }

  private void tick() {
    String s = step;
    long start = stepStart;
    if (s == null || System.nanoTime() - start < intervalNanos) {
      return;
    }
    try {
      JavaSparkStatusTracker tracker = JavaSparkContext.fromSparkContext(spark.sparkContext()).statusTracker();
      int[] stages = tracker.getActiveStageIds();
      int done = 0;
      int total = 0;
      for (int id : stages) {
        SparkStageInfo info = tracker.getStageInfo(id);
        if (info != null) {
          done += info.numCompletedTasks();
          total += info.numTasks();
        }
      }
      sink.accept(line(s, Timing.since(start), stages.length, done, total, rows.read.get()));
    } catch (RuntimeException e) {
      // A progress line is never worth failing the night for (the context may be stopping).
      LOG.debug("progress: {}", e.toString());
    }
  }

  /** Rows read by the tasks of the current step that have ended (Spark reports them a moment later). */
  long rowsRead() {
    return rows.read.get();
  }

  /** The progress line: step, elapsed time, Spark's tasks, rows read. */
  static String line(String step, String elapsed, int stages, int done, int total, long rows) {
    String spark = stages == 0 ? "no Spark stage running (driver or file work)"
        : String.format(Locale.ROOT, "%d Spark stage%s, tasks %d/%d", stages, stages == 1 ? "" : "s", done, total);
    return String.format(Locale.ROOT, "progress: %s running for %s; %s; %,d rows read so far", step, elapsed, spark, rows);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
      spark.sparkContext().removeSparkListener(rows);
    }
  }

  /** Rows read by the tasks that finished since the step began (input records of scans). */
  static final class RowsRead extends SparkListener {
    final AtomicLong read = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      TaskMetrics m = end.taskMetrics();
      if (m != null) {
        read.addAndGet(m.inputMetrics().recordsRead());
      }
    }
  }
}
