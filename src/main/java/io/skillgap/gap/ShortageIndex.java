package io.skillgap.gap;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.when;

import io.skillgap.config.SkillgapConfig.IndexSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The composite shortage index. Each indicator is standardised across the occupations of a year (all
 * regions) with the median and the median absolute deviation, clipped at +-clip-z and divided by it, so
 * each score lies in [-1, 1]; the index is the weighted mean of the scores available.
 */
public final class ShortageIndex {
  private ShortageIndex() {}

  /** MAD x 1.4826 estimates the standard deviation of normal data; mean absolute deviation x 1.2533 likewise. */
  static final double MAD_TO_SD = 1.4826;
  static final double MEAN_AD_TO_SD = 1.2533;

  public static String score(String id) {
    return "score_" + id;
  }

  /** What is standardised: the logarithm of 1 + the ratio (it spans orders of magnitude), else the raw value. */
  static Column transformed(String id) {
    Column raw = col(Indicators.COLUMN.get(id));
    return id.equals("demand_supply") ? log1p(raw) : raw;
  }

  /** Adds score_&lt;id&gt; for every indicator: robust z within the year, clipped, in [-1, 1]. */
  public static Dataset<Row> scores(Dataset<Row> rows, double clipZ) {
    List<String> ids = Indicators.ids();
    // Columns are added in batches (withColumns): a withColumn per indicator would re-analyse the plan each time.
    Map<String, Column> transformed = new LinkedHashMap<>();
    List<Column> medians = new ArrayList<>();
    for (String id : ids) {
      transformed.put("_t_" + id, transformed(id));
      medians.add(median(col("_t_" + id)).as("_med_" + id));
    }
    Dataset<Row> t = rows.withColumns(transformed);
    Dataset<Row> centre = t.groupBy("year").agg(medians.get(0), medians.subList(1, medians.size()).toArray(Column[]::new));
    Map<String, Column> deviations = new LinkedHashMap<>();
    List<Column> spreads = new ArrayList<>();
    for (String id : ids) {
      deviations.put("_dev_" + id, abs(col("_t_" + id).minus(col("_med_" + id))));
      spreads.add(median(col("_dev_" + id)).as("_mad_" + id));
      spreads.add(avg(col("_dev_" + id)).as("_mean_ad_" + id));
    }
    t = t.join(centre, "year").withColumns(deviations);
    Dataset<Row> spread = t.groupBy("year").agg(spreads.get(0), spreads.subList(1, spreads.size()).toArray(Column[]::new));
    t = t.join(spread, "year");
    Map<String, Column> scores = new LinkedHashMap<>();
    List<String> temporary = new ArrayList<>();
    for (String id : ids) {
      // When more than half the values are equal the MAD is 0: fall back to the mean absolute deviation;
      // when every value is equal the indicator says nothing that year and gets no score.
      Column scale = when(col("_mad_" + id).gt(0), col("_mad_" + id).multiply(MAD_TO_SD))
          .when(col("_mean_ad_" + id).gt(0), col("_mean_ad_" + id).multiply(MEAN_AD_TO_SD));
      Column z = col("_t_" + id).minus(col("_med_" + id)).divide(scale);
      // greatest/least skip nulls, so a missing value must stay null explicitly.
      scores.put(score(id), when(z.isNotNull(), greatest(lit(-clipZ), least(lit(clipZ), z)).divide(clipZ)));
      temporary.addAll(List.of("_t_" + id, "_med_" + id, "_dev_" + id, "_mad_" + id, "_mean_ad_" + id));
    }
    return t.withColumns(scores).drop(temporary.toArray(String[]::new));
  }

  private static Column weight(IndexSettings s, String id) {
    return lit(s.weights().get(id));
  }

  /** Σ w·score over the available scores, optionally leaving one indicator out. */
  private static Column numerator(IndexSettings s, String leftOut) {
    Column n = lit(0.0);
    for (String id : Indicators.ids()) {
      if (!id.equals(leftOut)) {
        n = n.plus(coalesce(col(score(id)), lit(0.0)).multiply(weight(s, id)));
      }
    }
    return n;
  }

  /** Σ w over the available scores, optionally leaving one indicator out. */
  private static Column denominator(IndexSettings s, String leftOut) {
    Column d = lit(0.0);
    for (String id : Indicators.ids()) {
      if (!id.equals(leftOut)) {
        d = d.plus(when(col(score(id)).isNotNull(), weight(s, id)).otherwise(0.0));
      }
    }
    return d;
  }

  /** The index without indicator {@code leftOut} (null to leave none out). */
  public static Column index(IndexSettings s, String leftOut) {
    Column den = denominator(s, leftOut);
    return when(den.gt(0), numerator(s, leftOut).divide(den));
  }

  /** Adds shortage_index, indicators_used and status. */
  public static Dataset<Row> composite(Dataset<Row> scored, IndexSettings s) {
    Column used = lit(0);
    for (String id : Indicators.ids()) {
      used = used.plus(when(col(score(id)).isNotNull().and(weight(s, id).gt(0)), 1).otherwise(0));
    }
    return scored
        .withColumn("shortage_index", index(s, null))
        .withColumn("indicators_used", when(col("is_residual").equalTo(false), used))
        .withColumn("status", status(col("shortage_index"), col("indicators_used"), s));
  }

  /** shortage / balanced / surplus by the thresholds; insufficient_data with too few indicators. */
  public static Column status(Column index, Column indicatorsUsed, IndexSettings s) {
    return when(indicatorsUsed.isNull(), lit(null).cast("string"))
        .when(indicatorsUsed.lt(s.minIndicators()).or(index.isNull()), lit("insufficient_data"))
        .when(index.geq(s.shortageThreshold()), lit("shortage"))
        .when(index.leq(s.surplusThreshold()), lit("surplus"))
        .otherwise(lit("balanced"));
  }
}
