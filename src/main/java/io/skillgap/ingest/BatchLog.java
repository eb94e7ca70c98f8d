package io.skillgap.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skillgap.store.Files;
import io.skillgap.ingest.Ingest.SourceLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * What each batch's ingest saw (files loaded, files rejected and why), kept beside the warehouse as
 * JSON, and which batch is the latest, so that a stage run on its own knows its batch.
 */
public final class BatchLog {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BatchLog() {}

  static String folder(String warehouse) {
    return warehouse + "/_batches";
  }

  public static void write(Configuration conf, String warehouse, String batchId, List<SourceLoad> loads) {
    try {
      Files.writeText(conf, folder(warehouse) + "/" + batchId + ".json", JSON.writeValueAsString(loads));
      Files.writeText(conf, folder(warehouse) + "/LATEST", batchId + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The loads recorded for a batch; empty when none were recorded. */
  public static List<SourceLoad> read(Configuration conf, String warehouse, String batchId) {
    String text = Files.readText(conf, folder(warehouse) + "/" + batchId + ".json");
    if (text == null) {
      return List.of();
    }
    try {
      return JSON.readValue(text, new TypeReference<List<SourceLoad>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the batch log of " + batchId, e);
    }
  }

  /** The latest ingested batch, or null before the first ingest. */
  public static String latest(Configuration conf, String warehouse) {
    String text = Files.readText(conf, folder(warehouse) + "/LATEST");
    return text == null ? null : text.trim();
  }
}
