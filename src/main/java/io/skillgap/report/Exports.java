package io.skillgap.report;

import io.skillgap.publish.DataDictionary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The published tables for spreadsheet users: one .xlsx workbook (POI's streaming writer: 100 rows in
 * memory at a time) with a sheet per table, headers in the chosen language, the header row frozen,
 * number formats by column, and a sheet explaining every column; and one CSV per table in UTF-8 with a
 * BOM, so that Excel opens Cyrillic text correctly. Rows stream from Spark partition by partition.
 */
public final class Exports {
  /** Rows a sheet can take (Excel's limit, less the header); a longer table continues on another sheet. */
  static final int MAX_ROWS = 1_048_575;

  private Exports() {}

  /** Writes the workbook {@code file} and one CSV per table into {@code csvFolder}, reading each table once. */
  public static void write(SparkSession spark, String published, String file, String csvFolder, Labels l) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      Styles styles = new Styles(wb);
      for (DataDictionary.Entry e : DataDictionary.TABLES) {
        Path csv = new Path(csvFolder, e.table() + ".csv");
        try (OutputStream out = csv.getFileSystem(conf).create(csv, true);
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
          w.write('\uFEFF');
          String[] header = java.util.Arrays.stream(headers(e.schema(), l)).map(SafeCsv::text).toArray(String[]::new);
          try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\r\n").get()
              .print(w)) {
            writeTable(wb, styles, rows(spark, published + "/" + e.table(), e.schema()), printer, e.table(), e.schema(), l);
          }
        }
      }
      columnsSheet(wb, styles, l);
      Path p = new Path(file);
      try (OutputStream out = p.getFileSystem(conf).create(p, true)) {
        wb.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + " or the CSV files in " + csvFolder, e);
    }
  }

  private static String[] headers(StructType schema, Labels l) {
    return java.util.Arrays.stream(schema.fieldNames()).map(l::column).toArray(String[]::new);
  }

  /** The table's rows in its declared column order, one partition on the driver at a time. */
  private static Iterator<Row> rows(SparkSession spark, String path, StructType schema) {
    String[] cols = schema.fieldNames();
    return spark.read().parquet(path).select(cols[0], java.util.Arrays.copyOfRange(cols, 1, cols.length)).toLocalIterator();
  }

  private static void writeTable(SXSSFWorkbook wb, Styles styles, Iterator<Row> rows, CSVPrinter csv, String name, StructType schema,
      Labels l) throws IOException {
    int part = 1;
    Sheet sheet = newSheet(wb, styles, name, schema, l);
    int r = 1;
    List<Object> values = new ArrayList<>(schema.size());
    while (rows.hasNext()) {
      if (r > MAX_ROWS) {
        sheet = newSheet(wb, styles, name + " (" + (++part) + ")", schema, l);
        r = 1;
      }
      Row row = rows.next();
      org.apache.poi.ss.usermodel.Row out = sheet.createRow(r++);
      values.clear();
      for (int i = 0; i < row.size(); i++) {
        if (row.isNullAt(i)) {
          values.add("");
          continue;
        }
        Cell c = out.createCell(i);
        Object v = row.get(i);
        values.add(SafeCsv.cell(v));
        if (v instanceof Number n) {
          c.setCellValue(n.doubleValue());
          c.setCellStyle(styles.number(schema.fields()[i]));
        } else if (v instanceof Boolean b) {
          c.setCellValue(b);
        } else {
          c.setCellValue(String.valueOf(v));
        }
      }
      csv.printRecord(values);
    }
  }

  private static Sheet newSheet(SXSSFWorkbook wb, Styles styles, String name, StructType schema, Labels l) {
    SXSSFSheet sheet = wb.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
    org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
    String[] names = headers(schema, l);
    for (int i = 0; i < names.length; i++) {
      Cell c = header.createCell(i);
      c.setCellValue(names[i]);
      c.setCellStyle(styles.header);
      sheet.setColumnWidth(i, 18 * 256);
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }

  /** The sheet that explains every column: table, column, header as shown, type, meaning. */
  private static void columnsSheet(SXSSFWorkbook wb, Styles styles, Labels l) {
    Sheet sheet = wb.createSheet("columns");
    String[] head = {"table", "column", "header", "type", "description"};
    org.apache.poi.ss.usermodel.Row h = sheet.createRow(0);
    for (int i = 0; i < head.length; i++) {
      Cell c = h.createCell(i);
      c.setCellValue(l.t("columns." + head[i]));
      c.setCellStyle(styles.header);
    }
    sheet.createFreezePane(0, 1);
    int r = 1;
    for (DataDictionary.Entry e : DataDictionary.TABLES) {
      for (StructField f : e.schema().fields()) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(e.table());
        row.createCell(1).setCellValue(f.name());
        row.createCell(2).setCellValue(l.column(f.name()));
        row.createCell(3).setCellValue(f.dataType().simpleString());
        row.createCell(4).setCellValue(f.getComment().isDefined() ? f.getComment().get() : "");
      }
    }
    sheet.setColumnWidth(0, 24 * 256);
    sheet.setColumnWidth(1, 28 * 256);
    sheet.setColumnWidth(2, 36 * 256);
    sheet.setColumnWidth(4, 100 * 256);
  }

  /** Cell styles, made once per workbook (Excel limits their number). */
  static final class Styles {
    final CellStyle header;
    final CellStyle integer;
    final CellStyle count;
    final CellStyle money;
    final CellStyle score;
    final CellStyle percent;

    Styles(SXSSFWorkbook wb) {
      DataFormat f = wb.createDataFormat();
      Font bold = wb.createFont();
      bold.setBold(true);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      integer = style(wb, f, "0");
      count = style(wb, f, "#,##0.0");
      money = style(wb, f, "#,##0");
      score = style(wb, f, "0.00");
      percent = style(wb, f, "0.0%");
    }

    private static CellStyle style(SXSSFWorkbook wb, DataFormat f, String format) {
      CellStyle s = wb.createCellStyle();
      s.setDataFormat(f.getFormat(format));
      return s;
    }

    /** The number format a column's meaning calls for. */
    CellStyle number(StructField field) {
      String n = field.name();
      DataType t = field.dataType();
      if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType)) {
        return integer;
      }
      if (n.endsWith("_kzt")) {
        return money;
      }
      if (n.endsWith("_rel") || n.endsWith("_share") || n.equals("salary_premium") || n.equals("vacancy_growth_yoy")
          || n.equals("top_n_overlap")) {
        return percent;
      }
      if (n.startsWith("score_") || n.contains("index") || n.contains("ratio") || n.equals("readvertising_rate")
          || n.equals("spearman_top_n")) {
        return score;
      }
      return count;
    }
  }
}
