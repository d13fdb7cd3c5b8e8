package dev.apiquery.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * RFC 4180 CSV: a header row of column labels, CRLF line ends, fields holding a comma, a double
 * quote, CR or LF wrapped in double quotes with inner quotes doubled; NULL is an empty field.
 * Rows are printed as they are read.
 */
final class CsvWriter implements ResultWriter {
  private static final String EOL = "\r\n";

  @Override
  public void write(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int n = meta.getColumnCount();
    int[] types = new int[n];
    int[] scales = new int[n];
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < n; c++) {
      types[c] = meta.getColumnType(c + 1);
      scales[c] = meta.getScale(c + 1);
      field(line, c, meta.getColumnLabel(c + 1));
    }
    out.print(line.append(EOL));
    while (rows.next()) {
      line.setLength(0);
      for (int c = 0; c < n; c++) {
        field(line, c, CellText.of(rows, c + 1, types[c], scales[c]));
      }
      out.print(line.append(EOL));
    }
  }

  private static void field(StringBuilder line, int column, String value) {
    if (column > 0) {
      line.append(',');
    }
    if (value == null) {
      return;
    }
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0) {
      line.append('"').append(value.replace("\"", "\"\"")).append('"');
    } else {
      line.append(value);
    }
  }
}
