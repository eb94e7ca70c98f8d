package io.skillgap.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.skillgap.store.Bronze;
import io.skillgap.ingest.Text;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Row validation as data: an ordered list of (reason code, failing condition). A row's reason is the
 * first rule it fails; rows with no reason are accepted, the others go to quarantine with it.
 */
public final class Rules {
  /** Column holding the first failed rule's reason code, null for an accepted row. */
  public static final String REASON = "_reason";

  private Rules() {}

  /** One validation rule; {@code failsWhen} may be null-valued, which counts as passing. */
  public record Rule(Column reason, Column failsWhen) {}

  public static Rule rule(String reason, Column failsWhen) {
    return new Rule(lit(reason), failsWhen);
  }

  /**
   * The parser's own verdict comes first: a record it could not read (MALFORMED_ROW, UNBALANCED_QUOTE,
   * OVERSIZE_ROW, OVERSIZE_FIELD, BAD_ENCODING, FILE_READ_ERROR) is quarantined with that reason.
   */
  public static Rule parseFault() {
    return new Rule(col(Bronze.PARSE_ERROR), col(Bronze.PARSE_ERROR).isNotNull());
  }

  /** The first failing rule's reason, or null. */
  public static Column firstFailure(List<Rule> rules) {
    Column out = null;
    for (Rule r : rules) {
      out = out == null ? when(r.failsWhen(), r.reason()) : out.when(r.failsWhen(), r.reason());
    }
    return out == null ? lit(null).cast("string") : out;
  }

  /** Adds the reason column. */
  public static Dataset<Row> check(Dataset<Row> rows, List<Rule> rules) {
    return rows.withColumn(REASON, firstFailure(rules));
  }

  public static Dataset<Row> accepted(Dataset<Row> checked) {
    return checked.where(col(REASON).isNull());
  }

  /**
   * Quarantine rows: the reason and the original text of the row (the parser's raw line when it
   * could not split it, otherwise the landing columns as JSON) with phones and e-mails masked,
   * traceable to file and row id.
   */
  public static Dataset<Row> quarantined(Dataset<Row> checked, Source source) {
    Column[] landing = source.columns().stream().map(c -> col(c)).toArray(Column[]::new);
    return quarantined(checked, lit(source.folder()), to_json(struct(landing)));
  }

  /** The same, for rows of several sources: {@code source} and {@code values} are columns of the rows. */
  public static Dataset<Row> quarantined(Dataset<Row> checked, Column source, Column values) {
    return checked.where(col(REASON).isNotNull()).select(
        col("_batch_id"),
        source.as("source"),
        col(Source.SOURCE_FILE).as("source_file"),
        col("_row_id").as("line"),
        col(REASON).as("reason"),
        clip(Privacy.mask(coalesce(col(Source.CORRUPT), values)), Text.RAW_LIMIT).as("raw_record"),
        col("_load_time").as("load_time"));
  }

  /** Text cut to {@code max} characters, saying so (quarantine keeps evidence, not megabytes). */
  static Column clip(Column text, int max) {
    return when(length(text).gt(max), concat(substring(text, 1, max), lit("... [cut]"))).otherwise(text);
  }

  /** A literal map column, for looking a configured value (a number, a spelling) up by key with element_at. */
  public static Column lookup(java.util.Map<String, ?> values) {
    List<Column> kv = new java.util.ArrayList<>();
    new java.util.TreeMap<>(values).forEach((k, v) -> {
      kv.add(lit(k));
      kv.add(lit(v));
    });
    return org.apache.spark.sql.functions.map(kv.toArray(Column[]::new));
  }

  /** True when the text column is null or only spaces. */
  public static Column blank(String c) {
    return col(c).isNull().or(length(trim(col(c))).equalTo(0));
  }

  /** True when the text column holds something. */
  public static Column present(String c) {
    return blank(c).equalTo(false);
  }
}
