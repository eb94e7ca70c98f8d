package io.skillgap.conform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SparkTestBase;
import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RegionsTest extends SparkTestBase {

  @Test
  void everySpellingKindReachesTheCurrentIsoCode() {
    Dataset<Row> aliases = Regions.aliasKeys(reference().regionAliases());
    Dataset<Row> input = df("id INT, raw STRING",
        row(1, "KZ-75"), row(2, "75"), row(3, "KZ-ALA"), row(4, "  г. Алматы "), row(5, "Нур-Султан"),
        row(6, "Akmolinskaja oblast'"), row(7, "AKMOLINSKAJA OBLAST"), row(8, "South Kazakhstan"),
        row(9, "Almaty Region"), row(10, "Алматинская область"), row(11, "Abay"), row(12, "Жетісу облысы"),
        row(13, "Atlantis"), row(14, "Republic of Kazakhstan"), row(15, null), row(16, "Шығыс Қазақстан облысы"),
        row(17, "Almaty"), row(18, "Западно–Казахстанская область"));
    Dataset<Row> out = Regions.withRegionCode(input, "raw", aliases, "code");
    // KATO 75 = ISO KZ-75 = legacy KZ-ALA = Almaty city; Nur-Sultan was Astana's name 2019-2022;
    // South Kazakhstan became Turkistan (2018); "Almaty" alone is the city, the oblast says "Region";
    // an en dash in a name is a hyphen; unknown spellings and nulls stay null, never guessed.
    assertRows("region codes", List.of(
        values(1, "KZ-75", "city"), values(2, "KZ-75", "city"), values(3, "KZ-75", "city"), values(4, "KZ-75", "city"),
        values(5, "KZ-71", "city"), values(6, "KZ-11", "region"), values(7, "KZ-11", "region"), values(8, "KZ-61", "region"),
        values(9, "KZ-19", "region"), values(10, "KZ-19", "region"), values(11, "KZ-10", "region"), values(12, "KZ-33", "region"),
        values(13, null, null), values(14, "KZ", "country"), values(15, null, null), values(16, "KZ-63", "region"),
        values(17, "KZ-75", "city"), values(18, "KZ-27", "region")),
        rows(out, "select id, code, code_type from t order by id"));
  }

  @Test
  void anAliasThatNamesTwoRegionsIsAConfigurationError() {
    Dataset<Row> aliases = df("alias STRING, region_code STRING, region_type STRING",
        row("Almaty", "KZ-75", "city"), row("ALMATY.", "KZ-19", "region"));
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Regions.aliasKeys(aliases));
    assertTrue(e.getMessage().contains("almaty"), e.getMessage());
  }
}
