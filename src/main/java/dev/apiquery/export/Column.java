package dev.apiquery.export;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of the exported result, from the source's result metadata.
 *
 * @param name the column label, as the source names it
 * @param kind how values are carried
 * @param precision the declared size (VARCHAR length, DECIMAL precision), 0 when unknown
 * @param scale the DECIMAL scale, 0 otherwise
 */
public record Column(String name, ColumnKind kind, int precision, int scale) {

  /** The columns of a result, in order. */
  static List<Column> of(ResultSetMetaData meta) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      ColumnKind kind = ColumnKind.of(meta.getColumnType(i));
      int precision = Math.max(0, meta.getPrecision(i));
      int scale = kind == ColumnKind.DECIMAL ? Math.max(0, meta.getScale(i)) : 0;
      columns.add(new Column(meta.getColumnLabel(i), kind, precision, scale));
    }
    return columns;
  }
}
