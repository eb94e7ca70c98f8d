package io.skillgap.conform;

import static org.apache.spark.sql.functions.col;

import io.skillgap.SparkTestBase;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class FieldCodesTest extends SparkTestBase {

  @Test
  void programmeTvetAndIscedCodesDecodeToIscedF() {
    Dataset<Row> directions = df("direction STRING, isced_field STRING, title_ru STRING",
        row("061", "061", "ИКТ"), row("101", "091", "Здравоохранение"), row("071", "071", "Инженерия"));
    Dataset<Row> input = df("id INT, raw STRING",
        row(1, "6B06101"), row(2, "7M07105"), row(3, "8D10101"), row(4, "06130100"), row(5, "0613"), row(6, "061"),
        row(7, "99X"), row(8, "6B99901"), row(9, " 6b06101 "), row(10, null), row(11, "06"));
    Dataset<Row> out = FieldCodes.withIsced(input, "raw", directions, "isced")
        .withColumn("implied", FieldCodes.impliedLevel(col("raw")));
    // 6B06101: bachelor, direction 061 -> ICT. 8D10101: direction 101 is health in Kazakhstan, ISCED 091
    // (ISCED's own 101 would be personal services). 06130100: TVET, first four digits = 0613.
    // 6B99901 has the programme form but no known direction: null, so it is quarantined later.
    assertRows("decoded codes", List.of(
        values(1, "061", "bachelor"), values(2, "071", "master"), values(3, "091", "doctorate"), values(4, "0613", null),
        values(5, "0613", null), values(6, "061", null), values(7, null, null), values(8, null, "bachelor"),
        values(9, "061", "bachelor"), values(10, null, null), values(11, "06", null)),
        rows(out, "select id, isced, implied from t order by id"));
  }

  @Test
  void theMostDetailedCrosswalkLevelWins() {
    Set<String> crosswalkFields = Set.of("061", "0613", "053");
    Dataset<Row> input = df("id INT, isced STRING",
        row(1, "0613"), row(2, "0619"), row(3, "061"), row(4, "0532"), row(5, "06"), row(6, "0999"));
    Dataset<Row> out = input.withColumn("key", FieldCodes.crosswalkKey(col("isced"), crosswalkFields));
    // 0613 has rows of its own; 0619 falls back to its parent 061; 06 is broader than any row: none.
    assertRows("crosswalk keys", List.of(
        values(1, "0613"), values(2, "061"), values(3, "061"), values(4, "053"), values(5, null), values(6, null)),
        rows(out, "select id, key from t order by id"));
  }
}
