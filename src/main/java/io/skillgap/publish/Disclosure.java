package io.skillgap.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.LongAccumulator;

/**
 * Small-cell suppression. A count from 1 to threshold - 1 is hidden (primary). Then, for every group
 * whose total is published or derivable (a region's total, an occupation's national total, a sector's
 * subtotal...), a group with exactly one hidden cell would give it away by subtraction, so its smallest
 * other cell is hidden too (complementary), and so on until every group has none or at least two.
 */
public final class Disclosure {
  private Disclosure() {}

  /** The outcome columns: {@code <prefix>_primary} and {@code <prefix>_hidden} (primary or complementary). */
  public static String hidden(String prefix) {
    return prefix + "_hidden";
  }

  public static String primary(String prefix) {
    return prefix + "_primary";
  }

  /**
   * Adds the hidden flags for {@code count}. {@code groups} lists the protection groups (each a list of
   * columns), {@code key} orders ties deterministically. Stops after the first round that hides no further
   * cell, or after {@code maxIterations} rounds (then it throws: a publication that might disclose is not
   * written).
   */
  public static Dataset<Row> protect(Dataset<Row> rows, String count, String prefix, int threshold, List<List<String>> groups,
      List<String> key, int maxIterations) {
    return protect(rows, col(count).gt(0).and(col(count).lt(threshold)), count, prefix, groups, key, maxIterations);
  }

  /**
   * As above with another rule for primary cells (e.g. a total that a linked table cannot protect). Each
   * round is one checkpoint: the cells it newly hides are counted by an accumulator while the checkpoint is
   * written, where a count afterwards would be a second Spark job per round. Task retries can only add to
   * the accumulator, never make a round that hid cells look settled.
   */
  public static Dataset<Row> protect(Dataset<Row> rows, Column primaryWhen, String count, String prefix, List<List<String>> groups,
      List<String> key, int maxIterations) {
    String hidden = hidden(prefix);
    Dataset<Row> t = rows
        .withColumn(primary(prefix), coalesce(primaryWhen, lit(false)))
        .withColumn(hidden, col(primary(prefix)));
    for (int i = 0; i < maxIterations; i++) {
      LongAccumulator newlyHidden = rows.sparkSession().sparkContext().longAccumulator("disclosure " + prefix + " round " + (i + 1));
      Dataset<Row> round = t.withColumn("_was_hidden", col(hidden));
      for (List<String> g : groups) {
        round = complementOnce(round, count, hidden, g, key);
      }
      t = round.withColumn("_newly_hidden", counted(newlyHidden).apply(col(hidden).and(not(col("_was_hidden")))))
          .checkpoint()
          .drop("_was_hidden", "_newly_hidden");
      if (newlyHidden.value() == 0) {
        return t;
      }
    }
    throw new IllegalStateException("disclosure control did not settle in " + maxIterations
        + " rounds (disclosure.max-iterations); nothing is published");
  }

  /** The identity on a boolean column that adds one to {@code accumulator} for every true value. */
  private static UserDefinedFunction counted(LongAccumulator accumulator) {
    return udf((UDF1<Boolean, Boolean>) b -> {
      if (Boolean.TRUE.equals(b)) {
        accumulator.add(1);
      }
      return b;
    }, DataTypes.BooleanType).asNondeterministic();
  }

  /**
   * An optional boolean column: where present, a complement is taken among the cells where it is true first
   * (e.g. cells whose value another published table does not already show).
   */
  public static final String COMPLEMENT_FIRST = "_complement_first";

  /** In each group with exactly one hidden cell, hides the smallest visible one (positive counts first). */
  static Dataset<Row> complementOnce(Dataset<Row> t, String count, String hidden, List<String> group, List<String> key) {
    WindowSpec w = Window.partitionBy(group.stream().map(c -> col(c)).toArray(Column[]::new));
    List<Column> order = new ArrayList<>();
    order.add(col(hidden).asc());
    if (java.util.Arrays.asList(t.columns()).contains(COMPLEMENT_FIRST)) {
      order.add(col(COMPLEMENT_FIRST).desc());
    }
    order.add(col(count).gt(0).desc());
    order.add(col(count).asc());
    key.forEach(k -> order.add(col(k).asc()));
    return t
        .withColumn("_n_hidden", sum(when(col(hidden), 1).otherwise(0)).over(w))
        .withColumn("_pick", row_number().over(w.orderBy(order.toArray(Column[]::new))))
        .withColumn(hidden, col(hidden).or(col("_n_hidden").equalTo(1).and(col(hidden).equalTo(false))
            .and(col("_pick").equalTo(1)).and(col(count).isNotNull())))
        .drop("_n_hidden", "_pick");
  }

  /** Nulls {@code columns} where {@code condition} holds. */
  public static Dataset<Row> blank(Dataset<Row> t, Column condition, String... columns) {
    Dataset<Row> out = t;
    for (String c : columns) {
      out = out.withColumn(c, when(coalesce(condition, lit(false)).equalTo(false), col(c)));
    }
    return out;
  }
}
