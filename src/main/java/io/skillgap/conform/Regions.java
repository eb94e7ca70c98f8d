package io.skillgap.conform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;

import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Region spellings to current ISO 3166-2:KZ codes through the alias table. Matching ignores case,
 * punctuation, hyphens and the letter ё, so "Akmolinskaja oblast'" and "akmolinskaja oblast" meet.
 * A spelling not in the table stays unmatched (null): it is quarantined, never guessed.
 */
public final class Regions {
  private Regions() {}

  /** The matching key of a region spelling. */
  public static Column key(Column raw) {
    Column c = lower(trim(raw));
    c = translate(c, "ё", "е");
    c = regexp_replace(c, "[\"'’ʼ`«».,()]", "");
    c = regexp_replace(c, "[\\s_\\-–]+", " ");
    return trim(c);
  }

  /** alias_key to region_code and region_type; fails when one key would name two regions. */
  public static Dataset<Row> aliasKeys(Dataset<Row> aliases) {
    Dataset<Row> keyed = aliases.select(key(col("alias")).as("alias_key"), col("region_code"), col("region_type")).distinct();
    List<Row> conflicts = keyed.groupBy("alias_key").agg(collect_set("region_code").as("codes"))
        .where(size(col("codes")).gt(1)).limit(10).collectAsList();
    if (!conflicts.isEmpty()) {
      throw new InvalidConfigException("region aliases are ambiguous after normalisation: " + conflicts);
    }
    return keyed;
  }

  /**
   * Adds {@code out} (the region code) and {@code out + "_type"} by matching {@code rawCol} against
   * the alias keys; both are null when the spelling is unknown.
   */
  public static Dataset<Row> withRegionCode(Dataset<Row> rows, String rawCol, Dataset<Row> aliasKeys, String out) {
    Dataset<Row> a = broadcast(aliasKeys.select(
        col("alias_key").as("_alias_key"), col("region_code").as(out), col("region_type").as(out + "_type")));
    return rows.join(a, key(col(rawCol)).equalTo(col("_alias_key")), "left").drop("_alias_key");
  }
}
