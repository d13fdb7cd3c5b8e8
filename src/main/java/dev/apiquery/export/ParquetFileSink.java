package dev.apiquery.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Parquet through DuckDB, with no Hadoop libraries: rows are appended into a table of a scratch
 * DuckDB database file (on disk, so memory stays bounded), and {@link #copyTo} writes the file with
 * DuckDB's {@code COPY ... (FORMAT parquet)}.
 */
final class ParquetFileSink implements RowSink {
  private static final String TABLE = "rows";

  private final Path scratch;
  private final Connection duck;
  private final RowSink rows;

  private ParquetFileSink(Path scratch, Connection duck, RowSink rows) {
    this.scratch = scratch;
    this.duck = duck;
    this.rows = rows;
  }

  static ParquetFileSink open(Path file, List<Column> columns) throws SQLException, IOException {
    Path scratch = Files.createTempDirectory("apiquery-parquet");
    Connection duck;
    try {
      duck = DriverManager.getConnection("jdbc:duckdb:" + scratch.resolve("rows.duckdb"));
    } catch (SQLException e) {
      delete(scratch);
      throw new SQLException("writing " + file.getFileName() + " needs the DuckDB driver on the class path "
          + "(bin/apiquery puts it there): " + e.getMessage(), "08001", e);
    }
    try {
      Dialect dialect = Dialect.of(duck.getMetaData());
      StringBuilder ddl = new StringBuilder("CREATE TABLE " + TABLE + " (");
      for (int i = 0; i < columns.size(); i++) {
        ddl.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i).name())).append(' ')
            .append(dialect.type(columns.get(i)));
      }
      try (Statement st = duck.createStatement()) {
        st.execute(ddl.append(')').toString());
      }
      RowSink appender = DuckDbAppenderSink.open(duck, null, TABLE, columns);
      if (appender == null) {
        throw new SQLException("jdbc:duckdb: is not DuckDB's own driver", "08001");
      }
      return new ParquetFileSink(scratch, duck, appender);
    } catch (SQLException | RuntimeException e) {
      duck.close();
      delete(scratch);
      throw e;
    }
  }

  @Override
  public void write(Object[] row) throws SQLException, IOException {
    rows.write(row);
  }

  @Override
  public void flush() throws SQLException, IOException {
    rows.flush();
  }

  /** Writes every row so far to {@code file} as Parquet. */
  void copyTo(Path file) throws SQLException, IOException {
    rows.close();
    try (Statement st = duck.createStatement()) {
      st.execute("COPY " + TABLE + " TO '" + file.toAbsolutePath().toString().replace("'", "''")
          + "' (FORMAT parquet)");
    }
  }

  @Override
  public void close() throws SQLException, IOException {
    try {
      rows.close();
      duck.close();
    } finally {
      delete(scratch);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
