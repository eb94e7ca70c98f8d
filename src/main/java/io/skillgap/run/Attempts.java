package io.skillgap.run;

import io.skillgap.store.Files;
import org.apache.hadoop.conf.Configuration;

/**
 * How many times the conform step of a batch was started without finishing, kept beside the warehouse
 * ({@code _attempts/<batch>}): written before the work, removed after it, so a run killed midway (kill -9,
 * out of memory) leaves its count behind. A batch that has died {@code run.max-attempts} times is poison:
 * recovery stops retrying it, and the nights after it go on.
 */
public final class Attempts {
  private final Configuration conf;
  private final String folder;

  public Attempts(Configuration conf, String warehouse) {
    this.conf = conf;
    this.folder = warehouse + "/_attempts";
  }

  /** Batches with starts that did not finish. */
  public java.util.List<String> unfinished() {
    return Files.list(conf, folder);
  }

  /** Earlier starts of the batch that did not finish. */
  public int failed(String batch) {
    String text = Files.readText(conf, file(batch));
    try {
      return text == null ? 0 : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Records one more start of the batch (before its work, so a crash leaves it counted). */
  public void begin(String batch) {
    Files.writeText(conf, file(batch), (failed(batch) + 1) + "\n");
  }

  /** The batch's work finished: its count goes. */
  public void done(String batch) {
    Files.delete(conf, file(batch));
  }

  private String file(String batch) {
    return folder + "/" + batch;
  }
}
