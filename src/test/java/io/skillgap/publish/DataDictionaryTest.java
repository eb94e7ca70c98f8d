package io.skillgap.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {

  @Test
  void theDictionaryInDocsIsTheOneTheSchemasGive() throws IOException {
    String onDisk = Files.readString(Path.of("docs/DATA_DICTIONARY.md"), StandardCharsets.UTF_8);
    assertEquals(DataDictionary.render(), onDisk,
        "docs/DATA_DICTIONARY.md is stale: run java -cp target/classes:... io.skillgap.publish.DataDictionary (see its Javadoc)");
  }

  @Test
  void theRegistrationScriptInDocsIsTheOneTheSchemasGive() throws IOException {
    String onDisk = Files.readString(Path.of("docs/sql/register_tables.sql"), StandardCharsets.UTF_8);
    assertEquals(Catalog.script(), onDisk,
        "docs/sql/register_tables.sql is stale: run java -cp target/skillgap.jar io.skillgap.publish.Catalog docs/sql/register_tables.sql");
    // Spot checks by hand: a dimension without partitions, a fact with its year partitions repaired.
    assertTrue(onDisk.contains("CREATE TABLE IF NOT EXISTS skillgap.dim_region ("), "dim_region declared");
    assertTrue(onDisk.contains("MSCK REPAIR TABLE skillgap.occupation_region_gap"), "fact partitions repaired");
    assertTrue(!onDisk.contains("MSCK REPAIR TABLE skillgap.dim_"), "dimensions are not partitioned");
  }

  @Test
  void everyPublishedColumnIsDescribed() {
    for (DataDictionary.Entry e : DataDictionary.TABLES) {
      Arrays.stream(e.schema().fields()).forEach(f ->
          assertTrue(f.getComment().isDefined() && !f.getComment().get().isBlank(), e.table() + "." + f.name() + " has a comment"));
    }
  }
}
