package io.skillgap.conform;

import static io.skillgap.conform.Rules.REASON;
import static io.skillgap.conform.Rules.blank;
import static io.skillgap.conform.Rules.rule;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.skillgap.conform.Rules.Rule;
import io.skillgap.config.SkillgapConfig.WageSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * stat.gov.kz wage tables (a row per region, a column per ISCO-08 major group, KZT, the year in the file
 * name) to the canonical wages: each accepted row gives one wage per major group. A row is judged whole:
 * a region unknown or no longer existing in the table's year, or one unreadable cell, quarantines the row.
 */
public final class StatWages {
  private StatWages() {}

  /** The major-group columns, 1 to 9 ("other", not in any group, is not used). */
  static final List<String> GROUPS = List.of("isco_1", "isco_2", "isco_3", "isco_4", "isco_5", "isco_6", "isco_7", "isco_8", "isco_9");

  /** Marks of a confidential or missing cell in official tables: not a wage, not an error. */
  static Column suppressed(String c) {
    return blank(c).or(trim(col(c)).isin("-", "x", "х", "…", "...", "–"));
  }

  public static Dataset<Row> typed(Dataset<Row> bronze) {
    Column fileName = regexp_extract(col(Source.SOURCE_FILE), "([^/]*)$", 1);
    Dataset<Row> rows = bronze.withColumn("s_year", regexp_extract(fileName, "(?<![0-9])((19|20)[0-9]{2})(?![0-9])", 1).try_cast("int"));
    for (String g : GROUPS) {
      rows = rows.withColumn("s_" + g, when(suppressed(g).equalTo(false), VacancyConform.number(col(g))));
    }
    return rows;
  }

  /**
   * Adds s_until (the date after which the region's name was out of use, when it is a former name) and
   * s_established (the year the region was formed, when it is recent).
   */
  public static Dataset<Row> withRegionHistory(Dataset<Row> rows, Dataset<Row> formerNames, Dataset<Row> regions) {
    Dataset<Row> f = broadcast(formerNames.select(Regions.key(col("alias")).as("_former"), col("until").as("s_until"))
        .dropDuplicates("_former"));
    Dataset<Row> r = broadcast(regions.select(col("region_code").as("_code"), trim(col("established")).try_cast("int").as("s_established")));
    return rows.join(f, Regions.key(col("region")).equalTo(col("_former")), "left").drop("_former")
        .join(r, col("s_region").equalTo(col("_code")), "left").drop("_code");
  }

  public static List<Rule> rules(WageSettings s, LocalDate asOf) {
    Column badCell = lit(false);
    Column absurd = lit(false);
    Column anyWage = lit(false);
    for (String g : GROUPS) {
      Column v = col("s_" + g);
      badCell = badCell.or(suppressed(g).equalTo(false).and(v.isNull().or(v.leq(0))));
      absurd = absurd.or(v.lt(s.minMonthlyWageKzt()).or(v.gt(s.maxMonthlyWageKzt())));
      anyWage = anyWage.or(v.isNotNull());
    }
    List<Rule> rules = new ArrayList<>();
    rules.add(Rules.parseFault());
    rules.add(rule("MISSING_YEAR", col("s_year").isNull()));
    rules.add(rule("BAD_YEAR", col("s_year").lt(2000).or(col("s_year").gt(asOf.getYear()))));
    rules.add(rule("MISSING_REGION", blank("region")));
    rules.add(rule("UNKNOWN_REGION", col("s_region").isNull()));
    rules.add(rule("REGION_NOT_IN_YEAR", col("s_until").leq(make_date(col("s_year"), lit(1), lit(1)))
        .or(col("s_established").gt(col("s_year")))));
    rules.add(rule("BAD_WAGE", badCell.or(anyWage.equalTo(false))));
    rules.add(rule("ABSURD_WAGE", absurd));
    return rules;
  }

  /** A second row for the same year and region (two spellings of one region) is a duplicate. */
  public static Dataset<Row> flagDuplicateRegions(Dataset<Row> checked) {
    Dataset<Row> ranked = checked.withColumn("_rank", when(col(REASON).isNull(),
        row_number().over(Window.partitionBy(col("s_year"), col("s_region"), col(REASON)).orderBy(Source.SOURCE_FILE, "_row_id"))));
    return ranked.withColumn(REASON, when(col("_rank").gt(1), lit("DUPLICATE_KEY")).otherwise(col(REASON))).drop("_rank");
  }

  /** One canonical wage row per accepted row and stated major group. */
  public static Dataset<Row> accepted(Dataset<Row> accepted) {
    List<Column> cells = new ArrayList<>();
    for (int i = 0; i < GROUPS.size(); i++) {
      cells.add(struct(lit(String.valueOf(i + 1)).as("code"), col("s_" + GROUPS.get(i)).as("wage")));
    }
    return accepted.withColumn("_cell", explode(array(cells.toArray(Column[]::new))))
        .where(col("_cell.wage").isNotNull())
        .select(
            lit(Source.STAT_WAGES.folder()).as("origin"),
            col("s_year").as("year"),
            col("s_region").as("region"),
            col("_cell.code").as("isco_code"),
            lit(1).as("isco_level"),
            col("_cell.wage").as("avg_monthly_wage_kzt"),
            lit(null).cast("long").as("employees"),
            col("_row_id"),
            col(Source.SOURCE_FILE),
            col("_batch_id"));
  }
}
