package dev.apiquery.export;

import dev.apiquery.export.Dialect.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database table as an export target. Appending to a table that exists runs in one transaction.
 * Creating or replacing loads a fresh staging table next to the target and swaps it in at the end
 * (DROP and RENAME, in the same transaction where the target's DDL is transactional): a failure
 * before the swap drops the staging table and leaves the target exactly as it was.
 */
final class TableTarget implements Target {
  private static final String DUCKDB_URL = "jdbc:duckdb:";
  private static final Map<String, String> DUCKDB_DEFAULTS =
      Map.of("threads", "1", "write_buffer_row_group_count", "1");

  private final Connection connection;
  private final Dialect dialect;
  private final String schema;
  private final String table;
  private final Mode mode;
  private final boolean exists;
  private String staging;
  private RowSink sink;

  private TableTarget(Connection connection, String into, Mode mode) throws SQLException {
    this.connection = connection;
    this.dialect = Dialect.of(connection.getMetaData());
    int dot = into.lastIndexOf('.');
    this.schema = dot > 0 ? into.substring(0, dot) : null;
    this.table = dot > 0 ? into.substring(dot + 1) : into;
    this.mode = mode;
    this.exists = exists(table);
  }

  /** Connects and checks the mode against what the target holds, before the source is asked anything. */
  static TableTarget open(String url, Properties properties, List<Path> driverPath, String into, Mode mode)
      throws SQLException {
    Connection connection = TargetDrivers.open(url, duckDbDefaults(url, properties), driverPath);
    try {
      connection.setAutoCommit(false);
      TableTarget target = new TableTarget(connection, into, mode);
      if (mode == Mode.CREATE && target.exists) {
        throw new SQLException(target.describe() + " already exists in the target; use --mode replace or "
            + "--mode append (or --incremental COLUMN)", "42S01");
      }
      return target;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * DuckDB settings of a DuckDB target, each unless {@code --to-property} gives it (measured in
   * docs/performance.md, "Export into DuckDB"):
   *
   * <ul>
   *   <li>{@code threads=1}: the appender is single-threaded anyway, and DuckDB's idle workers
   *       would only compete with the thread reading the API (half the target's CPU time).
   *   <li>{@code write_buffer_row_group_count=1}: a loaded row group (122,880 rows) is compressed
   *       and written to the file as soon as it is full, while the API is still being read, instead
   *       of five at a time or at the commit, after the last row (where it was half the commit's
   *       time). The rows, row groups and file are the same; DuckDB also holds less in memory.
   * </ul>
   */
  private static Properties duckDbDefaults(String url, Properties properties) {
    if (!url.startsWith(DUCKDB_URL)) {
      return properties;
    }
    Properties withDefaults = new Properties();
    withDefaults.putAll(properties);
    DUCKDB_DEFAULTS.forEach(withDefaults::putIfAbsent);
    return withDefaults;
  }

  @Override
  public String describe() {
    return "table " + qualified(table);
  }

  @Override
  public Object max(Column column) throws SQLException {
    if (!exists) {
      return null;
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(" + dialect.quote(column.name()) + ") FROM " + qualified(table))) {
      return rs.next() ? column.kind().read(rs, 1, column.scale()) : null;
    }
  }

  @Override
  public RowSink begin(List<Column> columns) throws SQLException {
    String into = table;
    if (!(mode == Mode.APPEND && exists)) {
      staging = table + "_apiquery_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24, 1 << 28));
      create(staging, columns);
      into = staging;
    }
    // A staging table was just made from the columns: no need to ask the catalog (a query in DuckDB).
    boolean appender = dialect.product == Product.DUCKDB && (staging != null || matches(into, columns));
    sink = appender ? DuckDbAppenderSink.open(
        connection, schema == null ? null : dialect.fold(schema), dialect.fold(into), columns) : null;
    if (sink == null) {
      sink = new BatchInsertSink(connection, dialect, qualified(into), columns);
    }
    return sink;
  }

  @Override
  public void commit() throws SQLException, IOException {
    sink.flush();
    sink.close();
    if (staging != null) {
      try (Statement st = connection.createStatement()) {
        if (exists) {
          st.execute("DROP TABLE " + qualified(table));
        }
        st.execute("ALTER TABLE " + qualified(staging) + " RENAME TO " + dialect.quote(table));
      }
    }
    connection.commit();
  }

  @Override
  public void abort() {
    try {
      if (sink != null) {
        sink.close();
      }
    } catch (Exception e) {
      // the load already failed; its failure is the one to report
    }
    try {
      connection.rollback();
      if (staging != null) {
        // Targets whose DDL commits at once (H2) still hold the staging table after the rollback.
        try (Statement st = connection.createStatement()) {
          st.execute("DROP TABLE IF EXISTS " + qualified(staging));
        }
        connection.commit();
      }
    } catch (SQLException e) {
      // as above
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private void create(String name, List<Column> columns) throws SQLException {
    StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(qualified(name)).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      ddl.append(i == 0 ? "" : ", ").append(dialect.quote(c.name())).append(' ').append(dialect.type(c));
    }
    try (Statement st = connection.createStatement()) {
      st.execute(ddl.append(')').toString());
    }
  }

  private String qualified(String name) {
    return (schema == null ? "" : dialect.quote(schema) + ".") + dialect.quote(name);
  }

  private boolean exists(String name) throws SQLException {
    return !columnNames(name).isEmpty();
  }

  /** Whether {@code name}'s columns are the export's, in order (what an appender needs). */
  private boolean matches(String name, List<Column> columns) throws SQLException {
    List<String> actual = columnNames(name);
    if (actual.size() != columns.size()) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (!actual.get(i).equalsIgnoreCase(dialect.fold(columns.get(i).name()))) {
        return false;
      }
    }
    return true;
  }

  /** The table's column names in order; empty when there is no such table. */
  private List<String> columnNames(String name) throws SQLException {
    String schemaName = schema != null ? dialect.fold(schema) : currentSchema();
    if (dialect.product == Product.DUCKDB && schemaName != null) {
      return duckDbColumnNames(schemaName, dialect.fold(name));
    }
    DatabaseMetaData meta = connection.getMetaData();
    String escape = meta.getSearchStringEscape();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, pattern(schemaName, escape), pattern(dialect.fold(name), escape), "%")) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME"));
      }
    }
    return names;
  }

  /**
   * What {@code getColumns} answers in DuckDB (any database, in its order), from DuckDB's own
   * catalog function: its JDBC driver's query over information_schema takes 15-30 ms, longer than
   * opening the database, every export.
   */
  private List<String> duckDbColumnNames(String schemaName, String tableName) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT column_name FROM duckdb_columns() "
        + "WHERE schema_name = ? AND table_name = ? ORDER BY database_name, schema_name, table_name, column_index")) {
      ps.setString(1, schemaName);
      ps.setString(2, tableName);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private String currentSchema() {
    try {
      return connection.getSchema();
    } catch (SQLException | AbstractMethodError e) {
      return null; // a pre-JDBC 4.1 driver: any schema
    }
  }

  private static String pattern(String name, String escape) {
    if (name == null || escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }
}
