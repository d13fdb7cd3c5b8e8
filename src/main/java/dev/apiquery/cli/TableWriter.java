package dev.apiquery.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table for people: a header, a rule, one line per row, and a {@code (N rows)}
 * footer. Column widths come from the data (so all rows are read first); numbers are
 * right-aligned; NULL shows as {@code NULL}; values longer than {@value #MAX_WIDTH} characters are
 * cut to end in {@code ...}; line breaks and tabs show as {@code \n}, {@code \r}, {@code \t}.
 */
final class TableWriter implements ResultWriter {
  static final int MAX_WIDTH = 60;
  static final String NULL = "NULL";

  @Override
  public void write(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int n = meta.getColumnCount();
    int[] types = new int[n];
    int[] scales = new int[n];
    String[] header = new String[n];
    int[] widths = new int[n];
    for (int c = 0; c < n; c++) {
      types[c] = meta.getColumnType(c + 1);
      scales[c] = meta.getScale(c + 1);
      header[c] = fit(meta.getColumnLabel(c + 1));
      widths[c] = width(header[c]);
    }
    List<String[]> lines = new ArrayList<>();
    while (rows.next()) {
      String[] line = new String[n];
      for (int c = 0; c < n; c++) {
        String text = CellText.of(rows, c + 1, types[c], scales[c]);
        line[c] = text == null ? NULL : fit(text);
        widths[c] = Math.max(widths[c], width(line[c]));
      }
      lines.add(line);
    }
    out.println(line(header, widths, types));
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < n; c++) {
      rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
    }
    out.println(rule);
    for (String[] line : lines) {
      out.println(line(line, widths, types));
    }
    out.println(lines.size() == 1 ? "(1 row)" : "(" + lines.size() + " rows)");
  }

  private static String line(String[] cells, int[] widths, int[] types) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        b.append(" | ");
      }
      String pad = " ".repeat(widths[c] - width(cells[c]));
      if (CellText.isNumeric(types[c])) {
        b.append(pad).append(cells[c]);
      } else {
        b.append(cells[c]).append(pad);
      }
    }
    return b.toString().stripTrailing();
  }

  /** Escapes control characters and cuts long text to {@link #MAX_WIDTH} characters. */
  static String fit(String text) {
    String s = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    if (width(s) <= MAX_WIDTH) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, MAX_WIDTH - 3)) + "...";
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }
}
