package dev.apiquery.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's own share of the export benchmark: the benchmark's rows, read once from the driver and
 * held in memory, appended into a fresh DuckDB file with the calls the export's appender sink
 * makes and its DuckDB settings, then committed and closed. No API and no pipeline: what DuckDB
 * costs whoever feeds it, so {@code scan CPU / (scan CPU + this)} is the best ratio an export can
 * reach when the scan already keeps every core busy.
 */
final class AppenderAlone {
  private static final long MILLIS = 1_000L;
  private static final long MICROS = 1_000_000L;
  private static final int NANOS_PER_MICRO = 1_000;

  private final List<Object[]> rows;

  /** The table's DDL, from the result's metadata. */
  private final String create;

  private AppenderAlone(List<Object[]> rows, String create) {
    this.rows = rows;
    this.create = create;
  }

  /** The rows of {@code sql} on {@code url}, every value as getObject gives it. */
  static AppenderAlone read(String url, String sql) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    String create;
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      int columns = meta.getColumnCount();
      StringJoiner ddl = new StringJoiner(", ", "CREATE TABLE items (", ")");
      for (int i = 1; i <= columns; i++) {
        ddl.add('"' + meta.getColumnLabel(i) + "\" " + type(meta.getColumnType(i)));
      }
      create = ddl.toString();
      while (rs.next()) {
        Object[] row = new Object[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
    }
    return new AppenderAlone(rows, create);
  }

  private static String type(int sqlType) {
    return switch (sqlType) {
      case Types.BIGINT -> "BIGINT";
      case Types.INTEGER -> "INTEGER";
      case Types.DOUBLE -> "DOUBLE";
      case Types.BOOLEAN -> "BOOLEAN";
      case Types.TIMESTAMP -> "TIMESTAMP";
      default -> "VARCHAR";
    };
  }

  /** Appends the rows into table {@code items} of a new DuckDB file {@code file} and commits. */
  void load(Path file) throws Exception {
    Properties settings = new Properties();
    settings.setProperty("threads", "1");
    settings.setProperty("write_buffer_row_group_count", "1");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, settings)) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute(create);
      }
      try (DuckDBAppender appender = c.unwrap(DuckDBConnection.class).createAppender("items")) {
        int inBatch = 0;
        for (Object[] row : rows) {
          appender.beginRow();
          for (Object v : row) {
            append(appender, v);
          }
          appender.endRow();
          if (++inBatch == 10_000) { // the export's default --batch-size
            appender.flush();
            inBatch = 0;
          }
        }
        appender.flush();
      }
      c.commit();
    }
    Files.delete(file);
  }

  private static void append(DuckDBAppender appender, Object v) throws Exception {
    if (v == null) {
      appender.appendNull();
    } else if (v instanceof Long l) {
      appender.append(l.longValue());
    } else if (v instanceof Integer i) {
      appender.append(i.intValue());
    } else if (v instanceof Double d) {
      appender.append(d.doubleValue());
    } else if (v instanceof Boolean b) {
      appender.append(b.booleanValue());
    } else if (v instanceof Timestamp t) {
      // epoch microseconds, as the sink appends timestamps
      appender.appendEpochMicros(Math.floorDiv(t.getTime(), MILLIS) * MICROS + t.getNanos() / NANOS_PER_MICRO);
    } else {
      appender.append(v.toString());
    }
  }
}
