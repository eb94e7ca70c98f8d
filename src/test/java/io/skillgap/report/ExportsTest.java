package io.skillgap.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillgap.SampleNightTestBase;
import io.skillgap.publish.DataDictionary;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample night's workbook and CSV files read back as a spreadsheet user gets them (POI's reader,
 * a CSV parser), compared with the published Parquet they were written from.
 */
class ExportsTest extends SampleNightTestBase {
  private Path publish;
  private XSSFWorkbook workbook;

  @BeforeAll
  void open() throws IOException {
    publish = night.publish();
    try (InputStream in = Files.newInputStream(publish.resolve("exports/skillgap_ru.xlsx"))) {
      workbook = new XSSFWorkbook(in);
    }
  }

  @AfterAll
  void close() throws IOException {
    workbook.close();
  }

  private Dataset<Row> published(String table) {
    return spark.read().parquet(publish.resolve(table).toString());
  }

  @Test
  void theWorkbookHasASheetPerTableWithEveryRowUnderAFrozenRussianHeader() {
    List<String> expected = new ArrayList<>(DataDictionary.TABLES.stream().map(DataDictionary.Entry::table).toList());
    expected.add("columns");
    List<String> sheets = new ArrayList<>();
    workbook.sheetIterator().forEachRemaining(s -> sheets.add(s.getSheetName()));
    assertEquals(expected, sheets, "sheets");
    Labels ru = new Labels("ru");
    for (DataDictionary.Entry e : DataDictionary.TABLES) {
      Sheet sheet = workbook.getSheet(e.table());
      assertEquals(published(e.table()).count(), sheet.getLastRowNum(), e.table() + ": data rows = Parquet rows");
      assertTrue(sheet.getPaneInformation().isFreezePane(), e.table() + ": frozen pane");
      assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), e.table() + ": header row frozen");
      String[] header = new String[e.schema().size()];
      sheet.getRow(0).forEach(c -> header[c.getColumnIndex()] = c.getStringCellValue());
      assertArrayEquals(Arrays.stream(e.schema().fieldNames()).map(ru::column).toArray(String[]::new), header, e.table() + ": headers");
    }
    Sheet gap = workbook.getSheet("occupation_region_gap");
    List<String> header = new ArrayList<>();
    gap.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
    // Hand-checked translations of three columns (columns_ru.properties).
    assertTrue(header.containsAll(List.of("Год", "Код занятия (МСКЗ-08)", "Рабочих мест на выпускника")), header.toString());
  }

  @Test
  void numbersKeepTheirValuesAndFormats() {
    Sheet gap = workbook.getSheet("occupation_region_gap");
    List<String> names = Arrays.asList(DataDictionary.TABLES.get(0).schema().fieldNames());
    assertEquals("occupation_region_gap", DataDictionary.TABLES.get(0).table(), "first table");
    int positions = names.indexOf("positions");
    int salary = names.indexOf("median_posted_salary_kzt");
    int index = names.indexOf("shortage_index");
    int year = names.indexOf("year");
    double sheetPositions = 0;
    int salaries = 0;
    for (int r = 1; r <= gap.getLastRowNum(); r++) {
      org.apache.poi.ss.usermodel.Row row = gap.getRow(r);
      Cell p = row.getCell(positions);
      sheetPositions += p == null ? 0 : p.getNumericCellValue();
      Cell s = row.getCell(salary);
      if (s != null) {
        assertEquals("#,##0", s.getCellStyle().getDataFormatString(), "salary format, row " + r);
        salaries++;
      }
      Cell i = row.getCell(index);
      if (i != null) {
        assertEquals("0.00", i.getCellStyle().getDataFormatString(), "index format, row " + r);
      }
      assertEquals("0", row.getCell(year).getCellStyle().getDataFormatString(), "year format, row " + r);
    }
    // The same sum computed by Spark from the Parquet (suppressed cells are null in both).
    double parquetPositions = published("occupation_region_gap").selectExpr("coalesce(sum(positions), 0)").first().getDouble(0);
    assertEquals(parquetPositions, sheetPositions, 1e-6, "sum of positions, sheet vs Parquet");
    assertEquals(published("occupation_region_gap").where("median_posted_salary_kzt is not null").count(), salaries,
        "published salaries");
    assertTrue(salaries > 0, "the sample publishes some salaries");
  }

  @Test
  void theColumnsSheetExplainsEveryColumn() {
    Sheet columns = workbook.getSheet("columns");
    int fields = DataDictionary.TABLES.stream().mapToInt(e -> e.schema().size()).sum();
    assertEquals(fields, columns.getLastRowNum(), "one row per published column");
    List<String> header = new ArrayList<>();
    columns.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
    assertEquals(List.of("Таблица", "Столбец", "Заголовок", "Тип", "Описание"), header, "columns sheet header");
    for (int r = 1; r <= columns.getLastRowNum(); r++) {
      org.apache.poi.ss.usermodel.Row row = columns.getRow(r);
      assertTrue(!row.getCell(4).getStringCellValue().isBlank(), "a description for " + row.getCell(0) + "." + row.getCell(1));
    }
  }

  @Test
  void csvFilesAreUtf8WithABomAndEveryRow() throws IOException {
    for (DataDictionary.Entry e : DataDictionary.TABLES) {
      Path file = publish.resolve("exports/csv/" + e.table() + ".csv");
      byte[] head = new byte[3];
      try (InputStream in = Files.newInputStream(file)) {
        assertEquals(3, in.read(head), e.table());
      }
      assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, head, e.table() + ": UTF-8 byte order mark");
      assertEquals(published(e.table()).count(), records(file).size() - 1, e.table() + ": CSV rows = Parquet rows");
    }
    List<CSVRecord> regions = records(publish.resolve("exports/csv/dim_region.csv"));
    assertEquals("Код региона", regions.get(0).get(0), "first header");
    // Astana (KZ-71) with its names in the three languages, read back intact.
    CSVRecord astana = regions.stream().filter(r -> r.get(0).equals("KZ-71")).findFirst().orElseThrow();
    assertTrue(astana.toList().containsAll(List.of("Astana", "Астана")), astana.toString());
  }

  @Test
  void aTitleThatLooksLikeAFormulaIsWrittenAsText(@org.junit.jupiter.api.io.TempDir Path out) throws IOException {
    // A reference file whose occupation titles start as formulas would (=, +, -, @, a tab): the CSV must
    // neutralise them (OWASP: a leading apostrophe), so a spreadsheet shows text instead of running them.
    Path pub = out.resolve("publish");
    org.apache.commons.io.FileUtils.copyDirectory(publish.toFile(), pub.toFile());
    List<String> evil = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1");
    Dataset<Row> dim = published("dim_occupation");
    org.apache.spark.sql.Column title = org.apache.spark.sql.functions.col("title_en");
    org.apache.spark.sql.Column rn = org.apache.spark.sql.functions.row_number().over(
        org.apache.spark.sql.expressions.Window.orderBy("isco_code"));
    org.apache.spark.sql.Column replaced = title;
    for (int i = 0; i < evil.size(); i++) {
      replaced = org.apache.spark.sql.functions.when(rn.equalTo(i + 1), org.apache.spark.sql.functions.lit(evil.get(i))).otherwise(replaced);
    }
    List<String> cols = List.of(dim.columns());
    org.apache.spark.sql.Column evilTitle = replaced;
    dim.select(cols.stream().map(c -> c.equals("title_en") ? evilTitle.as(c) : org.apache.spark.sql.functions.col(c))
        .toArray(org.apache.spark.sql.Column[]::new)).write().mode("overwrite").parquet(pub.resolve("dim_occupation_new").toString());
    org.apache.commons.io.FileUtils.deleteDirectory(pub.resolve("dim_occupation").toFile());
    Files.move(pub.resolve("dim_occupation_new"), pub.resolve("dim_occupation"));
    Exports.write(spark, pub.toString(), out.resolve("book.xlsx").toString(), out.resolve("csv").toString(), new Labels("en"));
    List<String> titles = records(out.resolve("csv/dim_occupation.csv")).stream().skip(1).map(r -> r.get(1)).toList();
    for (String e : evil) {
      assertTrue(titles.contains("'" + e), "neutralised: " + e + " in " + titles.subList(0, 6));
    }
    assertTrue(titles.stream().noneMatch(t -> !t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0), "no cell starts a formula");
  }

  /** The file's records, its BOM skipped as Excel skips it (the first test checks the BOM is there). */
  private static List<CSVRecord> records(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      r.mark(1);
      if (r.read() != '\uFEFF') {
        r.reset();
      }
      try (CSVParser p = CSVFormat.DEFAULT.parse(r)) {
        return p.getRecords();
      }
    }
  }
}
