package io.skillgap;

import io.skillgap.config.SkillgapConfig;
import io.skillgap.conform.Source;
import io.skillgap.run.ExitCode;
import io.skillgap.store.Maintenance;
import io.skillgap.store.StoredTable;
import io.skillgap.store.Table;
import io.skillgap.store.Warehouse;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/** The weekly housekeeping of the warehouse (jobs/crontab), under the same lock as the nights. */
@Command(name = "maintain", description = "Compacts the tables nights write to, purges deletion vectors and deletes files no version of "
    + "the last run.retain-hours hours reads (weekly; rows are unchanged).")
final class MaintainCmd extends SkillGap.SparkCommand {
  @Override
  ExitCode work(SparkSession spark, SkillgapConfig cfg, boolean lockWasStale) {
    if (lockWasStale) {
      // The dead run is recorded as crashed, and its batch recovered, by the next night (its marker stays).
      org.apache.logging.log4j.LogManager.getLogger(MaintainCmd.class).warn(
          "maintain: took over the lock of a run that died; the next night recovers its batch");
    }
    List<StoredTable> tables = new ArrayList<>();
    for (Source s : Source.values()) {
      tables.add(s.bronze());
    }
    tables.addAll(List.of(Table.values()));
    List<Maintenance.Outcome> done = Maintenance.run(spark, new Warehouse(spark, cfg.paths().warehouse()), tables, cfg.run().retainHours());
    System.out.println(summary(done, cfg.run().retainHours()));
    return ExitCode.OK;
  }

  /** One line per table and the totals: files on disk and their size before and after, the files the latest version reads. */
  static String summary(List<Maintenance.Outcome> done, int retainHours) {
    StringBuilder b = new StringBuilder(String.format("maintain: %d tables, files older than %d h that no version reads deleted%n",
        done.size(), retainHours));
    b.append(String.format("%-32s %15s %19s %13s %8s%n", "table", "files on disk", "MB on disk", "read (latest)", "seconds"));
    long[] total = new long[4];
    double seconds = 0;
    for (Maintenance.Outcome o : done) {
      b.append(String.format("%-32s %6d -> %6d %8.1f -> %8.1f %5d -> %5d %8.1f%n", o.table(), o.filesBefore(), o.filesAfter(),
          o.bytesBefore() / 1e6, o.bytesAfter() / 1e6, o.liveBefore(), o.liveAfter(), o.seconds()));
      total[0] += o.filesBefore();
      total[1] += o.filesAfter();
      total[2] += o.bytesBefore();
      total[3] += o.bytesAfter();
      seconds += o.seconds();
    }
    b.append(String.format("%-32s %6d -> %6d %8.1f -> %8.1f %14s %8.1f", "all", total[0], total[1], total[2] / 1e6, total[3] / 1e6, "",
        seconds));
    return b.toString();
  }
}
