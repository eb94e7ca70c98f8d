package io.skillgap.gap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SparkTestBase;
import io.skillgap.reference.Reference;
import io.skillgap.config.SkillgapConfig;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties the index must have whatever the data: the order of input rows does not matter, scaling
 * every wage and salary by a constant leaves every relative indicator as it was, and an occupation with
 * the same data as another gets the same index.
 */
class IndexInvariantsTest extends SparkTestBase {
  private Reference ref;
  private final SkillgapConfig cfg = config(Map.of());
  private Dataset<Row> vacancies;
  private Dataset<Row> supply;
  private Dataset<Row> wages;
  private List<List<Object>> straight;

  static final String[] OCCUPATIONS = {"2512", "2330", "2146", "5223", "2411", "3221", "2151"};
  static final String[] REGIONS = {"KZ-75", "KZ-71"};

  /** Columns compared: every indicator, score and the index, rounded against floating-point noise. */
  static String compared() {
    List<String> cols = new ArrayList<>(List.of("year", "region", "isco_code"));
    Indicators.COLUMN.values().forEach(c -> cols.add("round(" + c + ", 9)"));
    Indicators.ids().forEach(id -> cols.add("round(" + ShortageIndex.score(id) + ", 9)"));
    cols.add("round(shortage_index, 9)");
    cols.add("status");
    cols.add("confidence");
    return "select " + String.join(", ", cols) + " from t where not is_residual order by year, region, isco_code";
  }

  @BeforeAll
  void data() {
    ref = reference();
    Random r = new Random(7);
    List<Row> v = new ArrayList<>();
    List<Row> s = new ArrayList<>();
    List<Row> w = new ArrayList<>();
    for (int year = 2023; year <= 2024; year++) {
      for (String region : REGIONS) {
        for (String occ : OCCUPATIONS) {
          double base = 150000 + 100000 * r.nextInt(6);
          int n = 3 + r.nextInt(12);
          for (int i = 0; i < n; i++) {
            LocalDate posted = LocalDate.of(year, 1, 1).plusDays(r.nextInt(360));
            Date closed = r.nextDouble() < 0.7 ? Date.valueOf(posted.plusDays(5 + r.nextInt(120))) : null;
            Double salary = r.nextDouble() < 0.8 ? Math.round(base * (0.7 + 0.6 * r.nextDouble())) * 1.0 : null;
            v.add(RowFactory.create(year, region, occ, (long) (1 + r.nextInt(3)), 1 + r.nextInt(2), salary, Date.valueOf(posted), closed,
                1.0, false));
          }
          if (r.nextDouble() < 0.8) {
            double grads = 1 + r.nextInt(40);
            s.add(RowFactory.create(year, region, region, "061", "bachelor", occ, grads, 1.0, grads * 0.7 * 0.3, false));
          }
          w.add(RowFactory.create(year, region, occ, base * (1 + 0.05 * r.nextInt(4)), false));
        }
        w.add(RowFactory.create(year, region, "2", 350000.0 + 10000 * year % 7, false));
      }
    }
    vacancies = spark.createDataFrame(v, StructType.fromDDL(OccupationGapTest.VACANCIES.replace(
        ", nace_section STRING, nace_division STRING", "")));
    supply = spark.createDataFrame(s, StructType.fromDDL(OccupationGapTest.SUPPLY));
    wages = spark.createDataFrame(w, StructType.fromDDL(OccupationGapTest.WAGES));
    straight = rows(occupations(vacancies, supply, wages), compared());
  }

  private Dataset<Row> occupations(Dataset<Row> vac, Dataset<Row> sup, Dataset<Row> wag) {
    return Gap.occupations(vac, sup, wag.drop("region_estimated"), ref, cfg);
  }

  @Test
  void theOrderOfInputRowsChangesNothing() {
    List<List<Object>> shuffled = rows(occupations(vacancies.orderBy(rand(1)).repartition(3), supply.orderBy(rand(2)),
        wages.orderBy(rand(3)).repartition(2)), compared());
    assertEquals(straight, shuffled, "shuffled input");
    assertTrue(straight.stream().filter(r -> r.get(r.size() - 3) != null).count() > 10, "the data yields indexes: " + straight.size());
  }

  @Test
  void scalingEveryWageAndSalaryLeavesTheRelativeIndicatorsAsTheyWere() {
    Dataset<Row> scaledVacancies = vacancies.withColumn("salary_monthly_kzt", col("salary_monthly_kzt").multiply(1.37));
    Dataset<Row> scaledWages = wages.withColumn("avg_monthly_wage_kzt", col("avg_monthly_wage_kzt").multiply(1.37));
    assertEquals(straight, rows(occupations(scaledVacancies, supply, scaledWages), compared()),
        "wages and salaries x 1.37");
  }

  @Test
  void anOccupationWithTheSameDataAsAnotherGetsTheSameIndex() {
    // 2152 copies 2512 row for row: vacancies, supply and its own 4-digit wage.
    Dataset<Row> v = vacancies.unionByName(vacancies.where(col("isco_code").equalTo("2512")).withColumn("isco_code", lit("2152")));
    Dataset<Row> s = supply.unionByName(supply.where(col("isco_code").equalTo("2512")).withColumn("isco_code", lit("2152")));
    Dataset<Row> w = wages.unionByName(wages.where(col("isco_code").equalTo("2512")).withColumn("isco_code", lit("2152")));
    Dataset<Row> out = occupations(v, s, w).where(col("isco_code").isin("2512", "2152"))
        .withColumn("isco_code", when(col("isco_code").equalTo("2152"), lit("2512")).otherwise(col("isco_code")));
    List<List<Object>> both = rows(out, compared());
    assertEquals(both.size() % 2, 0, "pairs");
    for (int i = 0; i < both.size(); i += 2) {
      assertEquals(both.get(i), both.get(i + 1), "the copy of 2512 in " + both.get(i).subList(0, 2));
    }
  }
}
