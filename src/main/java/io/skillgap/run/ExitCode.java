package io.skillgap.run;

/** Every way a run ends, with the code the process exits with and the status the manifest records. */
public enum ExitCode {
  OK(0, "succeeded", "done"),
  FAILED(1, "failed", "failed (see the log)"),
  BAD_CONFIG(2, "bad_config", "bad usage or configuration"),
  ACCOUNTING(3, "accounting_broken", "row accounting broken (read != accepted + quarantined, or a file's lines do not add up)"),
  LOCKED(4, "locked", "another run holds the warehouse lock"),
  QUALITY_FAILED(5, "quality_failed", "a quality rule of severity ERROR failed (yesterday's publication kept)"),
  QUARANTINE_THRESHOLD(6, "quarantine_threshold", "more rows quarantined than run.max-quarantine-share (everything written)"),
  POISON_BATCH(7, "refused", "a batch died in run.max-attempts runs: refused, or left out of recovery (docs/OPERATIONS.md)");

  private final int code;
  private final String status;
  private final String meaning;

  ExitCode(int code, String status, String meaning) {
    this.code = code;
    this.status = status;
    this.meaning = meaning;
  }

  /** The process exit code. */
  public int code() {
    return code;
  }

  /** The manifest's status for a run that ends so. */
  public String status() {
    return status;
  }

  /** One line for the command's help. */
  public String meaning() {
    return meaning;
  }
}
