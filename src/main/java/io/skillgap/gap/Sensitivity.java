package io.skillgap.gap;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig.IndexSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Does a shortage rest on one indicator? For each occupation, the index recomputed leaving out each
 * indicator in turn, its rank with and without, and per region and year how stable the top-N ranking is:
 * Spearman's correlation of the top N (by the full index) ranked both ways, and the share of the top N
 * still in the top N.
 */
public final class Sensitivity {
  private Sensitivity() {}

  public static Dataset<Row> build(Dataset<Row> indexed, IndexSettings s) {
    List<Column> variants = new ArrayList<>();
    for (String id : Indicators.ids()) {
      if (s.weights().get(id) > 0) {
        variants.add(struct(lit(id).as("left_out"), ShortageIndex.index(s, id).as("index_without")));
      }
    }
    WindowSpec region = Window.partitionBy("year", "region");
    WindowSpec variant = Window.partitionBy("year", "region", "left_out");
    Dataset<Row> rows = ShortageRanking.rankable(indexed)
        .withColumn("rank_full", row_number().over(region.orderBy(col("shortage_index").desc(), col("isco_code"))))
        .withColumn("_v", explode(array(variants.toArray(Column[]::new))))
        .select(col("year"), col("region"), col("isco_code"), col("_v.left_out").as("left_out"), col("shortage_index"),
            col("_v.index_without").as("index_without"), col("rank_full"))
        .withColumn("index_change", col("index_without").minus(col("shortage_index")))
        .withColumn("rank_without", row_number().over(variant.orderBy(col("index_without").desc_nulls_last(), col("isco_code"))));

    int n = s.sensitivityTopN();
    Dataset<Row> top = rows.where(col("rank_full").leq(n))
        .withColumn("_r2", row_number().over(variant.orderBy(col("index_without").desc_nulls_last(), col("isco_code"))));
    Column size = count(lit(1));
    Dataset<Row> stability = top.groupBy("year", "region", "left_out")
        .agg(size.as("_n"), sum(pow(col("rank_full").minus(col("_r2")), 2)).as("_d2"),
            sum(when(col("rank_without").leq(n), 1).otherwise(0)).as("_kept"))
        .withColumn("spearman_top_n", when(col("_n").geq(2),
            lit(1).minus(col("_d2").multiply(6).divide(col("_n").multiply(col("_n").multiply(col("_n")).minus(1))))))
        .withColumn("top_n_overlap", col("_kept").divide(least(col("_n"), lit(n))))
        .drop("_n", "_d2", "_kept");
    return rows.join(stability, new String[] {"year", "region", "left_out"}, "left");
  }
}
