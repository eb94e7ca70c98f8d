package io.skillgap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A test class that reads the sample night of {@link Publications#sample()}, run before its own session. */
public abstract class SampleNightTestBase extends SparkTestBase {
  protected Publications.Night night;

  @Override
  protected void beforeSpark() {
    night = Publications.sample();
    assertEquals(0, night.exitCode(), "sample night exit code");
  }
}
