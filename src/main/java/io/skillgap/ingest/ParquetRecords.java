package io.skillgap.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The records of a Parquet file, one at a time, with the source's columns as text (dates as ISO dates,
 * numbers as written by Java): the same shape as a CSV row, so the same rules judge it. A record's
 * "line" is its number in the file.
 */
final class ParquetRecords extends Records implements AutoCloseable {
  private final ParquetFileReader file;
  private final MessageType schema;
  private final int[] slots;
  private final int width;
  private final int maxFieldChars;
  private RecordReader<Group> group;
  private long groupRows;
  private long groupRead;
  private long number;

  ParquetRecords(InputFile in, LandingSource source, int maxFieldChars) throws IOException {
    this.file = ParquetFileReader.open(in);
    this.schema = file.getFooter().getFileMetaData().getSchema();
    List<String> columns = source.columns();
    this.width = columns.size();
    this.maxFieldChars = maxFieldChars;
    this.slots = new int[schema.getFieldCount()];
    for (int i = 0; i < slots.length; i++) {
      Type t = schema.getType(i);
      slots[i] = t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED) ? columns.indexOf(source.canonicalColumn(t.getName())) : -1;
    }
  }

  /** The file's schema from its footer. */
  static MessageType schema(InputFile in) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(in)) {
      return r.getFooter().getFileMetaData().getSchema();
    }
  }

  /** The next record, a row group at a time. */
  private Group read() {
    try {
      while (group == null || groupRead == groupRows) {
        PageReadStore pages = file.readNextRowGroup();
        if (pages == null) {
          return null;
        }
        groupRows = pages.getRowCount();
        groupRead = 0;
        group = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
      }
      groupRead++;
      return group.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected ParsedRecord advance() {
    Group g = read();
    if (g == null) {
      return null;
    }
    number++;
    String[] values = new String[width];
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] >= 0 && g.getFieldRepetitionCount(i) > 0) {
        String v = value(g, i, schema.getType(i).asPrimitiveType());
        if (v.length() > maxFieldChars) {
          return ParsedRecord.fault(number, 1, v, ParsedRecord.OVERSIZE_FIELD); // fault() clips it
        }
        values[slots[i]] = v;
      }
    }
    return new ParsedRecord(number, 1, values, null, null);
  }

  /** A primitive value as text, its logical type (date, timestamp, decimal, string) respected. */
  static String value(Group g, int field, PrimitiveType t) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    switch (t.getPrimitiveTypeName()) {
      case INT32:
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return LocalDate.ofEpochDay(g.getInteger(field, 0)).toString();
        }
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
          return BigDecimal.valueOf(g.getInteger(field, 0), d.getScale()).toPlainString();
        }
        return Integer.toString(g.getInteger(field, 0));
      case INT64:
        long l = g.getLong(field, 0);
        if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
          Instant at = switch (ts.getUnit()) {
            case MILLIS -> Instant.ofEpochMilli(l);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000L), Math.floorMod(l, 1_000_000L) * 1000);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000_000L), Math.floorMod(l, 1_000_000_000L));
          };
          return at.toString();
        }
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
          return BigDecimal.valueOf(l, d.getScale()).toPlainString();
        }
        return Long.toString(l);
      case BOOLEAN:
        return Boolean.toString(g.getBoolean(field, 0));
      case FLOAT:
        return Float.toString(g.getFloat(field, 0));
      case DOUBLE:
        return Double.toString(g.getDouble(field, 0));
      case INT96:
        return "int96:" + g.getInt96(field, 0).toStringUsingUTF8();
      default: // BINARY, FIXED_LEN_BYTE_ARRAY
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
          return new BigDecimal(new BigInteger(g.getBinary(field, 0).getBytes()), d.getScale()).toPlainString();
        }
        return g.getBinary(field, 0).toStringUsingUTF8();
    }
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
