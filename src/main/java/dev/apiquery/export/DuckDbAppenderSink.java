package dev.apiquery.export;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
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

  private DuckDbAppenderSink(DuckDBAppender appender) {
    this.appender = appender;
  }

  /** An appender on {@code schema.table} (unquoted names as the table has them), or null when {@code connection} is not DuckDB's own. */
  static RowSink open(Connection connection, String schema, String table) throws SQLException {
    if (!connection.isWrapperFor(DuckDBConnection.class)) {
      return null;
    }
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    return new DuckDbAppenderSink(schema == null ? duck.createAppender(table) : duck.createAppender(schema, table));
  }

  @Override
  public void write(Object[] row) throws SQLException {
    appender.beginRow();
    for (Object v : row) {
      if (v == null) {
        appender.appendNull();
      } else if (v instanceof Long l) {
        appender.append(l.longValue());
      } else if (v instanceof Integer n) {
        appender.append(n.intValue());
      } else if (v instanceof Double d) {
        appender.append(d.doubleValue());
      } else if (v instanceof BigDecimal d) {
        appender.append(d);
      } else if (v instanceof Boolean b) {
        appender.append(b.booleanValue());
      } else if (v instanceof LocalDateTime t) {
        // What append(LocalDateTime) computes, without its LocalDateTime.until (a tenth of the appends).
        appender.appendEpochMicros(t.toEpochSecond(ZoneOffset.UTC) * MICROS + t.getNano() / NANOS_PER_MICRO);
      } else if (v instanceof LocalDate d) {
        appender.append(d);
      } else if (v instanceof LocalTime t) {
        appender.append(t);
      } else {
        appender.append(v.toString());
      }
    }
    appender.endRow();
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
