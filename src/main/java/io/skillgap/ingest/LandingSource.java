package io.skillgap.ingest;

import io.skillgap.store.Bronze;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructType;

/**
 * What ingest needs to know of a source: its landing folder, the columns its files hold, how they are
 * written and where its rows land. The sources themselves are registered in {@code conform.Source}, which
 * also names what becomes of their rows.
 */
public interface LandingSource extends Serializable {
  /** Subfolder of the landing folder, and the name used in quarantine and the summary. */
  String folder();

  /** The canonical columns, in order. */
  List<String> columns();

  /** Columns a file must have in its header; the others may be absent and read as null. */
  Set<String> required();

  /** A header name (lower case, spaces as _) as the canonical column it stands for. */
  String canonicalColumn(String header);

  /** True where a deployment may have no such feed: an absent folder is then not worth a warning. */
  boolean optional();

  /** Whether a quoted CSV field may span lines in this source's files. */
  boolean multiLineCsv();

  /** True when the source's JSON Lines are hh API vacancy objects, flattened to {@link #columns()}. */
  boolean hhObjects();

  /**
   * A value as bronze keeps it: as read, except that free texts (read only for the skills they name) have
   * their personal data masked before they are stored anywhere.
   */
  default String kept(String column, String value) {
    return value;
  }

  /**
   * The text of a record the parser could not read, as bronze and quarantine keep it: where the source has
   * free texts, they may be in it, so it is masked like them.
   */
  default String keptRaw(String raw) {
    return raw;
  }

  /** All columns as nullable text, plus the raw text of a record the parser could not read. */
  default StructType landingSchema() {
    return Bronze.landing(columns());
  }

  /** The source's bronze table. */
  default Bronze bronze() {
    return new Bronze(folder(), landingSchema());
  }
}
