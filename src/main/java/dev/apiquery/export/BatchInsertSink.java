package dev.apiquery.export;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Rows into a table through a prepared {@code INSERT} and JDBC batches: any target. */
final class BatchInsertSink implements RowSink {
  private final PreparedStatement insert;
  private final int[] sqlTypes;
  private int pending;

  BatchInsertSink(Connection connection, Dialect dialect, String table, List<Column> columns) throws SQLException {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
    StringBuilder marks = new StringBuilder();
    sqlTypes = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i).name()));
      marks.append(i == 0 ? "?" : ", ?");
      sqlTypes[i] = sqlType(columns.get(i).kind());
    }
    sql.append(") VALUES (").append(marks).append(')');
    insert = connection.prepareStatement(sql.toString());
  }

  @Override
  public void write(Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      if (v == null) {
        insert.setNull(i + 1, sqlTypes[i]);
      } else if (v instanceof BigDecimal d) {
        insert.setBigDecimal(i + 1, d);
      } else {
        // java.time values map to DATE, TIME and TIMESTAMP in JDBC 4.2 drivers.
        insert.setObject(i + 1, v, sqlTypes[i]);
      }
    }
    insert.addBatch();
    pending++;
  }

  @Override
  public void flush() throws SQLException {
    // Some drivers (HSQLDB) reject executeBatch on an empty batch.
    if (pending > 0) {
      insert.executeBatch();
      pending = 0;
    }
  }

  @Override
  public void close() throws SQLException {
    insert.close();
  }

  private static int sqlType(ColumnKind kind) {
    return switch (kind) {
      case BIGINT -> Types.BIGINT;
      case INTEGER -> Types.INTEGER;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.DECIMAL;
      case BOOLEAN -> Types.BOOLEAN;
      case DATE -> Types.DATE;
      case TIME -> Types.TIME;
      case TIMESTAMP -> Types.TIMESTAMP;
      case VARCHAR -> Types.VARCHAR;
    };
  }
}
