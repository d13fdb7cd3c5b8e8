package dev.apiquery.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 4180 CSV: a header row of column names, CRLF line ends, fields holding a comma, a double
 * quote, CR or LF quoted with inner quotes doubled, NULL as an empty field, timestamps ISO-8601
 * in UTC with a {@code Z}.
 */
final class CsvFileSink implements RowSink {
  private static final String EOL = "\r\n";

  private final Writer out;
  private final StringBuilder line = new StringBuilder();

  CsvFileSink(Writer out, List<Column> columns, boolean header) throws IOException {
    this.out = out;
    if (header) {
      for (int i = 0; i < columns.size(); i++) {
        field(i, columns.get(i).name());
      }
      out.write(line.append(EOL).toString());
    }
  }

  @Override
  public void write(Object[] row) throws IOException {
    line.setLength(0);
    for (int i = 0; i < row.length; i++) {
      field(i, text(row[i]));
    }
    out.write(line.append(EOL).toString());
  }

  /** The text of a value in CSV and NDJSON: ISO-8601 for times, plain digits for decimals. */
  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t) + "Z";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }

  private void field(int column, String value) {
    if (column > 0) {
      line.append(',');
    }
    if (value == null) {
      return;
    }
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      line.append('"').append(value.replace("\"", "\"\"")).append('"');
    } else {
      line.append(value);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
