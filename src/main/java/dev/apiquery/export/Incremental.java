package dev.apiquery.export;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code --incremental COLUMN}: only rows whose COLUMN is greater than the target's current
 * {@code MAX(COLUMN)}, as a WHERE around the query, applied to the rows after they are fetched: an
 * RSD profile can bind a WHERE value to a request parameter ({@code other:filter}, inputs), but it
 * has no way to say that a parameter is a lower bound. {@code --incremental-input NAME} says it:
 * the maximum is also given to the input NAME ({@code WHERE NAME = max}, pushed into the request).
 */
final class Incremental {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

  private Incremental() {}

  /** The request's statement, bounded by the target's high-water mark when the target has one. */
  static String bound(Connection source, ExportRequest request, Target target) throws SQLException {
    List<Column> columns = Exporter.columnsOf(source, request.sql());
    Column column = find(columns, "--incremental", request.incremental());
    Column input = request.incrementalInput() == null ? null
        : find(columns, "--incremental-input", request.incrementalInput());
    Object max = target.max(column);
    if (max == null) {
      return request.sql();
    }
    String where = quote(column) + " > " + literal(max);
    if (input != null) {
      // The API's lower bound may be inclusive or coarser (a date): the > above keeps the answer exact.
      where += " AND " + quote(input) + " = " + literal(as(input, max, request.incremental()));
    }
    String bounded = "SELECT * FROM (" + request.sql() + ") AS \"apiquery_export\" WHERE " + where;
    if (input != null) {
      requirePushed(source, bounded, input);
    }
    return bounded;
  }

  /**
   * Fails unless the planner put the input's value into the request: above a LIMIT, say, it stays a
   * filter on the rows, where the input column (unset) matches nothing and the export would
   * silently add no rows.
   */
  private static void requirePushed(Connection source, String bounded, Column input) throws SQLException {
    Pattern pushed = Pattern.compile("ApiEnumerableTableScan\\(.*params=\\[.*\\b" + Pattern.quote(input.name())
        + "=\\[", Pattern.CASE_INSENSITIVE);
    try (Statement st = source.createStatement();
        ResultSet plan = st.executeQuery("EXPLAIN PLAN FOR " + bounded)) {
      while (plan.next()) {
        if (pushed.matcher(plan.getString(1)).find()) {
          return;
        }
      }
    }
    throw new SQLException("--incremental-input " + input.name() + ": the bound cannot reach the request in this "
        + "query (a LIMIT, OFFSET, join or aggregate stands between); export a plain SELECT ... FROM table", "42000");
  }

  private static Column find(List<Column> columns, String option, String name) throws SQLException {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> new SQLException(option + " " + name + ": the query has no such column "
            + "(it has " + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ")", "42S22"));
  }

  private static String quote(Column c) {
    return "\"" + c.name().replace("\"", "\"\"") + "\"";
  }

  /** The high-water mark as a value of the input's type: a date for a DATE input, ISO-8601 text for text. */
  private static Object as(Column input, Object max, String column) throws SQLException {
    ColumnKind kind = input.kind();
    if (kind == ColumnKind.VARCHAR) {
      return CsvFileSink.text(max);
    }
    if (kind == ColumnKind.DATE && max instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    boolean sameKind = switch (kind) {
      case BIGINT, INTEGER, DOUBLE, DECIMAL -> max instanceof Number;
      case TIMESTAMP -> max instanceof LocalDateTime;
      case DATE -> max instanceof LocalDate;
      case TIME -> max instanceof LocalTime;
      case BOOLEAN -> max instanceof Boolean;
      case VARCHAR -> true;
    };
    if (!sameKind) {
      throw new SQLException("--incremental-input " + input.name() + ": the " + kind + " input cannot take the "
          + "high-water mark of " + column + " (" + max + ")", "42804");
    }
    return max;
  }

  /** A value as a SQL literal of the source's dialect (Calcite's). */
  static String literal(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString().toUpperCase(Locale.ROOT);
    }
    if (v instanceof LocalDateTime t) {
      return "TIMESTAMP '" + TIMESTAMP.format(t) + "'";
    }
    if (v instanceof LocalDate d) {
      return "DATE '" + d + "'";
    }
    if (v instanceof LocalTime t) {
      return "TIME '" + t + "'";
    }
    return "'" + v.toString().replace("'", "''") + "'";
  }
}
