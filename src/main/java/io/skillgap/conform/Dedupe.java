package io.skillgap.conform;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * Collapses ads into unique vacancies, keeping the raw ad count. First, ads with the same source and
 * vacancy_id are one vacancy (re-posts and repeated exports). Then, across sources, vacancies of the
 * same employer, normalised title and region whose first postings are at most the window apart (each
 * measured from the previous one) are one vacancy. Ads without an employer id are only collapsed by id.
 */
public final class Dedupe {
  private Dedupe() {}

  /** Descriptive fields taken from the earliest ad that has them. */
  private static final List<String> FIELDS = List.of("title", "title_norm", "region", "employer_id", "isco_code",
      "nace_section", "nace_division", "education_level");

  /** One row per (source, vacancy_id): the first step of {@link #collapse}. */
  public static Dataset<Row> bySourceId(Dataset<Row> ads) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(min("posted_date").as("first_posted_date"));
    aggs.add(max("posted_date").as("last_posted_date"));
    aggs.add(max("closed_date").as("closed_date"));
    aggs.add(count(lit(1)).as("ads"));
    aggs.add(max("positions").as("positions"));
    aggs.add(sum("salary_monthly_kzt").as("salary_sum"));
    aggs.add(count("salary_monthly_kzt").as("salary_n"));
    aggs.add(skillIds(col("skills.skill_id")));
    aggs.add(max(coalesce(col("described"), lit(false))).as("described"));
    for (String f : FIELDS) {
      aggs.add(min_by(col(f), struct(col(f).isNull(), detail(f), col("posted_date"), col("_batch_id"), col("_source_file"), col("_row_id")))
          .as(f));
    }
    return ads.groupBy("source", "vacancy_id")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
        .withColumn("unit_id", unitId());
  }

  /** The skills any of the rows names, each once, sorted (an ad without the column names none). */
  private static Column skillIds(Column ids) {
    return array_sort(array_distinct(flatten(collect_list(coalesce(ids, array().cast("array<string>")))))).as("skill_ids");
  }

  /** An advert id as the unique vacancies list it in ad_ids: source:vacancy_id. */
  private static Column unitId() {
    return concat_ws(":", col("source"), col("vacancy_id"));
  }

  /**
   * The per-id vacancies of {@link #bySourceId} with their cluster: employer, normalised title and region,
   * or the id alone when the employer is unknown. Vacancies of different clusters never collapse.
   */
  static Dataset<Row> units(Dataset<Row> ads) {
    Column clusterKey = when(col("employer_id").isNull(), concat_ws("|", lit("id"), col("unit_id")))
        .otherwise(concat_ws("|", lit("emp"), col("employer_id"), col("title_norm"), col("region")));
    return bySourceId(ads).withColumn("cluster_key", clusterKey);
  }

  /**
   * Groups the per-id vacancies of {@link #bySourceId} across sources: a new vacancy starts when the
   * gap to the previous posting of the same employer, title and region exceeds {@code windowDays}.
   */
  public static Dataset<Row> collapse(Dataset<Row> ads, int windowDays) {
    return sessions(units(ads), windowDays);
  }

  private static Dataset<Row> sessions(Dataset<Row> units, int windowDays) {
    WindowSpec byKey = Window.partitionBy("cluster_key").orderBy(col("first_posted_date"), col("unit_id"));
    Column startsNew = when(lag("first_posted_date", 1).over(byKey).isNull()
        .or(datediff(col("first_posted_date"), lag("first_posted_date", 1).over(byKey)).gt(windowDays)), 1).otherwise(0);
    Dataset<Row> sessions = units
        .withColumn("_new", startsNew)
        .withColumn("_session", sum("_new").over(byKey.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));

    List<Column> aggs = new ArrayList<>();
    aggs.add(min_by(col("unit_id"), struct(col("first_posted_date"), col("unit_id"))).as("vacancy_key"));
    aggs.add(min("first_posted_date").as("first_posted_date"));
    aggs.add(max("last_posted_date").as("last_posted_date"));
    aggs.add(max("closed_date").as("closed_date"));
    aggs.add(sum("ads").as("ads"));
    aggs.add(max("positions").as("positions"));
    aggs.add(sum("salary_sum").divide(sum("salary_n")).as("salary_monthly_kzt"));
    aggs.add(array_join(array_sort(collect_set("source")), ",").as("sources"));
    aggs.add(array_sort(collect_list("unit_id")).as("ad_ids"));
    aggs.add(skillIds(col("skill_ids")));
    aggs.add(max("described").as("described"));
    for (String f : FIELDS) {
      aggs.add(earliestNonNull(f, "first_posted_date", "unit_id"));
    }
    return sessions.groupBy("cluster_key", "_session")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
        .withColumn("year", year(col("first_posted_date")))
        .drop("_session");
  }

  /**
   * What a night changes in the unique vacancies: the clusters it touches, and their vacancies recomputed;
   * {@code members} (the ads' ids of those clusters) is held in memory with the clusters until released.
   */
  public record Touched(Dataset<Row> clusters, Dataset<Row> vacancies, Dataset<Row> members) {
    /** Frees the two small frames computed once for the night. */
    public void release() {
      clusters.unpersist();
      members.unpersist();
    }
  }

  /**
   * The clusters that tonight's ads can change, and their vacancies recomputed from all their ads; every
   * other vacancy stays as stored. A cluster is touched when one of tonight's ids belongs to it now, or
   * belonged to it before tonight (an ad can change its id's employer, title or region). Equal to
   * {@link #collapse} over all ads on those clusters, and a night costs in proportion to the night.
   *
   * @param ads every current ad, tonight's included
   * @param tonight tonight's ads (only source and vacancy_id are read)
   * @param stored the unique vacancies before tonight, with cluster_key and ad_ids
   */
  public static Touched touched(Dataset<Row> ads, Dataset<Row> tonight, Dataset<Row> stored, int windowDays) {
    Dataset<Row> tonightIds = tonight.select(unitId().as("unit_id")).distinct();
    Dataset<Row> withUnit = ads.withColumn("unit_id", unitId());
    Dataset<Row> storedUnits = stored.select(col("cluster_key"), explode(col("ad_ids")).as("unit_id"));
    Dataset<Row> now = units(withUnit.join(broadcast(tonightIds), "unit_id", "left_semi").drop("unit_id")).select("cluster_key");
    Dataset<Row> before = storedUnits.join(broadcast(tonightIds), "unit_id", "left_semi").select("cluster_key");
    // Small (a few per ad of the night) and read three times below: computed once.
    Dataset<Row> clusters = now.union(before).distinct().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> members = storedUnits.join(broadcast(clusters), "cluster_key", "left_semi").select("unit_id")
        .union(tonightIds).distinct().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> memberAds = withUnit.join(broadcast(members), "unit_id", "left_semi").drop("unit_id");
    return new Touched(clusters, collapse(memberAds, windowDays), members);
  }

  /** The value of {@code field} from the earliest row where it is not null (ties broken by {@code tie}). */
  private static Column earliestNonNull(String field, String date, String tie) {
    return min_by(col(field), struct(col(field).isNull(), detail(field), col(date), col(tie))).as(field);
  }

  /**
   * For the occupation, a unit group before a coarser code (an ad whose title supported only a major group
   * does not hide the unit group another ad of the vacancy gave); 0 for the other fields.
   */
  private static Column detail(String field) {
    return field.equals("isco_code") ? org.apache.spark.sql.functions.negate(org.apache.spark.sql.functions.length(col(field)))
        : org.apache.spark.sql.functions.lit(0);
  }

}
