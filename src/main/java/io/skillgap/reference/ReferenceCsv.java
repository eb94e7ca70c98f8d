package io.skillgap.reference;

import io.skillgap.config.SkillgapConfig.InvalidConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Reference CSV text to typed rows of a declared schema; its header must name exactly the schema's columns. */
final class ReferenceCsv {
  private ReferenceCsv() {}

  static List<Row> parse(String text, StructType schema, String path) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      List<String> header = parser.getHeaderNames();
      if (!header.equals(Arrays.asList(schema.fieldNames()))) {
        throw new InvalidConfigException("reference table " + path + " line 1: header " + header
            + " should be " + Arrays.asList(schema.fieldNames()));
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord rec : parser) {
        if (rec.size() != schema.size()) {
          throw new InvalidConfigException("reference table " + path + " line " + (rec.getRecordNumber() + 1)
              + ": " + rec.size() + " fields, expected " + schema.size());
        }
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
          values[i] = value(rec.get(i), schema.fields()[i], path, rec.getRecordNumber() + 1);
        }
        rows.add(RowFactory.create(values));
      }
      return rows;
    } catch (IOException | IllegalStateException e) {
      throw new InvalidConfigException("reference table " + path + ": " + e.getMessage());
    }
  }

  private static Object value(String raw, StructField f, String path, long line) {
    String s = raw.trim();
    if (s.isEmpty()) {
      if (!f.nullable()) {
        throw new InvalidConfigException("reference table " + path + " line " + line + ", column " + f.name() + ": value required");
      }
      return null;
    }
    DataType t = f.dataType();
    try {
      if (t.equals(DataTypes.StringType)) {
        return s;
      }
      if (t.equals(DataTypes.DoubleType)) {
        return Double.parseDouble(s);
      }
      if (t.equals(DataTypes.IntegerType)) {
        return Integer.parseInt(s);
      }
      if (t.equals(DataTypes.LongType)) {
        return Long.parseLong(s);
      }
      if (t.equals(DataTypes.DateType)) {
        return Date.valueOf(java.time.LocalDate.parse(s));
      }
      if (t.equals(DataTypes.BooleanType) && (s.equals("true") || s.equals("false"))) {
        return Boolean.parseBoolean(s);
      }
      if (t.equals(DataTypes.BooleanType)) {
        throw new IllegalArgumentException("not true or false");
      }
    } catch (RuntimeException e) {
      throw new InvalidConfigException("reference table " + path + " line " + line + ", column " + f.name()
          + ": '" + s + "' is not a " + t.simpleString());
    }
    throw new IllegalArgumentException("unsupported reference column type " + t);
  }
}
