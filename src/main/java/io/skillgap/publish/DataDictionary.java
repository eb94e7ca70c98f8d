package io.skillgap.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * docs/DATA_DICTIONARY.md, rendered from the published schemas so that it cannot drift from them (a test
 * fails when the file differs). Regenerate with:
 * {@code java -cp target/skillgap.jar io.skillgap.publish.DataDictionary docs/DATA_DICTIONARY.md}.
 */
public final class DataDictionary {
  private DataDictionary() {}

  /** A published table: folder name, what one row is, its key, its schema. */
  public record Entry(String table, String row, String key, StructType schema) {}

  public static final List<Entry> TABLES = List.of(
      new Entry("occupation_region_gap", "one occupation in one region and year (demand, supply, indicators, index)",
          "year, region, isco_code", PublishedSchemas.OCCUPATION_REGION_GAP),
      new Entry("program_gap", "one field of study in one region (of the institutions) and year", "year, region, field_code",
          PublishedSchemas.PROGRAM_GAP),
      new Entry("sector_region_summary", "one innovation sector (or non_innovation) in one region and year", "year, region, sector",
          PublishedSchemas.SECTOR_REGION_SUMMARY),
      new Entry("shortage_ranking", "one ranked occupation in one region and year, with its reasons", "year, region, rank",
          PublishedSchemas.SHORTAGE_RANKING),
      new Entry("index_sensitivity", "one occupation in one region and year with one indicator left out",
          "year, region, isco_code, left_out", PublishedSchemas.INDEX_SENSITIVITY),
      new Entry("skill_demand", "one skill in one cell: year, region (or KZ), innovation sector (or all), occupation (all, major or unit group)",
          "year, region, innovation_sector, isco_level, isco_code, skill_id", PublishedSchemas.SKILL_DEMAND),
      new Entry("program_skill_profile", "one of the top skills employers of a field's graduates name, in one region (of the institutions)"
          + " and year", "year, region, field_code, rank", PublishedSchemas.PROGRAM_SKILL_PROFILE),
      new Entry("dim_occupation", "one ISCO-08 unit group (and the OTHER and UNCODED buckets); joins isco_code", "isco_code",
          Dimensions.OCCUPATION),
      new Entry("dim_region", "one region; joins region", "region_code", Dimensions.REGION),
      new Entry("dim_field", "one ISCED-F 2013 field at any level; joins field_code", "field_code", Dimensions.FIELD),
      new Entry("dim_sector", "one innovation sector, non_innovation, or all (skill_demand); joins sector and innovation_sector", "sector_code",
          Dimensions.SECTOR),
      new Entry("dim_year", "one year of the facts; joins year", "year", Dimensions.YEAR),
      new Entry("dim_skill", "one skill of the vocabulary; joins skill_id", "skill_id", Dimensions.SKILL));

  public static String render() {
    StringBuilder b = new StringBuilder();
    b.append("# Data dictionary\n\n");
    b.append("Generated from the published schemas (`io.skillgap.publish.PublishedSchemas`) by\n");
    b.append("`io.skillgap.publish.DataDictionary`; do not edit by hand, a test compares this file with the code.\n");
    b.append("Facts are Parquet under `<publish>/<table>/year=YYYY/`, dimensions (`dim_*`) one file under `<publish>/<table>/`.\n");
    b.append("They form a star schema: each fact's code columns join the dimension of the same name. Meanings and formulas: [TABLES.md](TABLES.md),\n");
    b.append("[METHODOLOGY.md](METHODOLOGY.md).\n");
    for (Entry e : TABLES) {
      b.append("\n## ").append(e.table()).append("\n\n");
      b.append("One row: ").append(e.row()).append(". Key: `").append(e.key()).append("`.\n\n");
      b.append("| column | type | nullable | description |\n|---|---|---|---|\n");
      for (StructField f : e.schema().fields()) {
        String comment = f.getComment().isDefined() ? f.getComment().get() : "";
        b.append("| ").append(f.name()).append(" | ").append(f.dataType().simpleString()).append(" | ")
            .append(f.nullable() ? "yes" : "no").append(" | ").append(comment.replace("|", "\\|")).append(" |\n");
      }
    }
    return b.toString();
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/DATA_DICTIONARY.md");
    Files.writeString(out, render(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }
}
