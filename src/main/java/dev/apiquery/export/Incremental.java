package dev.apiquery.export;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code --incremental COLUMN}: only rows whose COLUMN is greater than the target's current
 * {@code MAX(COLUMN)}. The bound is added to the query as a WHERE around it, so the planner pushes
 * it down to the API when COLUMN is one of the table's inputs or filters.
 */
final class Incremental {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

  private Incremental() {}

  /** The request's statement, bounded by the target's high-water mark when the target has one. */
  static String bound(Connection source, ExportRequest request, Target target) throws SQLException {
    List<Column> columns = Exporter.columnsOf(source, request.sql());
    Column column = columns.stream().filter(c -> c.name().equalsIgnoreCase(request.incremental())).findFirst()
        .orElseThrow(() -> new SQLException("--incremental " + request.incremental() + ": the query has no such column "
            + "(it has " + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ")", "42S22"));
    Object max = target.max(column);
    if (max == null) {
      return request.sql();
    }
    return "SELECT * FROM (" + request.sql() + ") AS \"apiquery_export\" WHERE \""
        + column.name().replace("\"", "\"\"") + "\" > " + literal(max);
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
