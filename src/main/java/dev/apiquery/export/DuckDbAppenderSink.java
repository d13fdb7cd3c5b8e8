package dev.apiquery.export;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows into a DuckDB table through DuckDB's appender: batched prepared inserts into DuckDB are
 * about a hundred times slower. The only class that names DuckDB's API; {@link #open} is only
 * called for a DuckDB target, so the -all jar without DuckDB never loads it. Appends by position:
 * the table's columns must be the export's, in order.
 */
final class DuckDbAppenderSink implements RowSink {
  private static final long MICROS = 1_000_000L;
  private static final int NANOS_PER_MICRO = 1_000;

  private final DuckDBAppender appender;
  private final ColumnKind[] kinds;

  private DuckDbAppenderSink(DuckDBAppender appender, List<Column> columns) {
    this.appender = appender;
    this.kinds = new ColumnKind[columns.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = columns.get(i).kind();
    }
  }

  /** An appender on {@code schema.table} (unquoted names as the table has them), or null when {@code connection} is not DuckDB's own. */
  static RowSink open(Connection connection, String schema, String table, List<Column> columns)
      throws SQLException {
    if (!connection.isWrapperFor(DuckDBConnection.class)) {
      return null;
    }
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    DuckDBAppender appender = schema == null ? duck.createAppender(table) : duck.createAppender(schema, table);
    return new DuckDbAppenderSink(appender, columns);
  }

  /** Appends by the column's kind, whose values have one class each ({@link ColumnKind#read}). */
  @Override
  public void write(Object[] row) throws SQLException {
    appender.beginRow();
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      if (v == null) {
        appender.appendNull();
        continue;
      }
      switch (kinds[i]) {
        case BIGINT -> appender.append(((Long) v).longValue());
        case INTEGER -> appender.append(((Integer) v).intValue());
        case DOUBLE -> appender.append(((Double) v).doubleValue());
        case DECIMAL -> appender.append((BigDecimal) v);
        case BOOLEAN -> appender.append(((Boolean) v).booleanValue());
        case DATE -> appender.append((LocalDate) v);
        case TIME -> appender.append((LocalTime) v);
        case TIMESTAMP -> appender.appendEpochMicros(micros((LocalDateTime) v));
        case VARCHAR -> appender.append(v.toString());
      }
    }
    appender.endRow();
  }

  /** What append(LocalDateTime) computes, without its LocalDateTime.until (a tenth of the appends). */
  private static long micros(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC) * MICROS + t.getNano() / NANOS_PER_MICRO;
  }

  @Override
  public void flush() throws SQLException {
    appender.flush();
  }

  @Override
  public void close() throws SQLException {
    if (!appender.isClosed()) {
      appender.close();
    }
  }
}
