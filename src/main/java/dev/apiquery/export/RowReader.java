package dev.apiquery.export;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads an export's rows in two steps, so that the thread reading the source (the one a bare scan
 * has too) does as little as the scan's own {@code getObject} calls: {@link #read} takes each
 * value with the cheapest getter for its column, chosen once; {@link #settle}, on the writer
 * thread, makes what the getter gave the plain value {@link ColumnKind#read} gives (LocalDateTime,
 * LocalDate, a DECIMAL padded to its scale).
 *
 * <ul>
 *   <li>BIGINT, INTEGER, DOUBLE, BOOLEAN and VARCHAR columns are read with {@code getObject}: a
 *       driver that holds its rows as objects (apiquery does) returns the row's own value, where
 *       {@code getLong} unboxes it and the export boxed it again. A value of another class (a
 *       driver's Short for an INTEGER) sends the column back to its typed getter for good.
 *   <li>TIMESTAMP columns, when the JVM's zone has a fixed offset (UTC, GMT+n), are read with
 *       {@code getTimestamp}, which apiquery answers without the calendar arithmetic of
 *       {@code getObject(i, LocalDateTime.class)}, and the wall clock is one constant shift away.
 *       The column's first value is read both ways; when they differ (a driver whose timestamps are
 *       not in the JVM's zone), the column keeps {@code getObject(i, LocalDateTime.class)}.
 * </ul>
 */
final class RowReader {
  private enum Getter { LONG, INTEGER, DOUBLE, BOOLEAN, STRING, TIMESTAMP_UNCHECKED, TIMESTAMP, TYPED }

  private static final long MILLIS = 1_000L;

  private final ColumnKind[] kinds;
  private final int[] scales;
  private final Getter[] getters;
  /** The JVM zone's offset in seconds, when it is fixed; else null. */
  private final Integer zoneSeconds;

  private RowReader(ColumnKind[] kinds, int[] scales, Getter[] getters, Integer zoneSeconds) {
    this.kinds = kinds;
    this.scales = scales;
    this.getters = getters;
    this.zoneSeconds = zoneSeconds;
  }

  /** A reader of {@code columns}, the columns of the result {@code meta} describes. */
  static RowReader of(ResultSetMetaData meta, List<Column> columns) throws SQLException {
    ZoneId zone = ZoneId.systemDefault();
    Integer zoneSeconds = zone.getRules().isFixedOffset()
        ? zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() : null;
    int n = columns.size();
    ColumnKind[] kinds = new ColumnKind[n];
    int[] scales = new int[n];
    Getter[] getters = new Getter[n];
    for (int i = 0; i < n; i++) {
      kinds[i] = columns.get(i).kind();
      scales[i] = columns.get(i).scale();
      getters[i] = getter(meta.getColumnType(i + 1), zoneSeconds != null);
    }
    return new RowReader(kinds, scales, getters, zoneSeconds);
  }

  private static Getter getter(int sqlType, boolean fixedZone) {
    return switch (sqlType) {
      case Types.BIGINT -> Getter.LONG;
      case Types.INTEGER -> Getter.INTEGER;
      case Types.DOUBLE -> Getter.DOUBLE;
      case Types.BOOLEAN -> Getter.BOOLEAN;
      case Types.VARCHAR -> Getter.STRING;
      case Types.TIMESTAMP -> fixedZone ? Getter.TIMESTAMP_UNCHECKED : Getter.TYPED;
      default -> Getter.TYPED;
    };
  }

  /** Number of columns in a row. */
  int width() {
    return kinds.length;
  }

  /** Reads the current row of {@code rows} into {@code into}, from index {@code from} on. */
  void read(ResultSet rows, Object[] into, int from) throws SQLException {
    for (int i = 0; i < getters.length; i++) {
      into[from + i] = value(rows, i);
    }
  }

  /** The values {@link #read} put at {@code from} in {@code read}, as plain values into {@code row}. */
  void settle(Object[] read, int from, Object[] row) {
    for (int i = 0; i < row.length; i++) {
      Object v = read[from + i];
      row[i] = v instanceof Timestamp t && zoneSeconds != null ? wallClock(t) : kinds[i].settle(v, scales[i]);
    }
  }

  private Object value(ResultSet rows, int i) throws SQLException {
    int column = i + 1;
    Getter getter = getters[i];
    switch (getter) {
      case TYPED -> {
        return kinds[i].fetch(rows, column);
      }
      case TIMESTAMP -> {
        return rows.getTimestamp(column);
      }
      case TIMESTAMP_UNCHECKED -> {
        return checkedTimestamp(rows, i);
      }
      default -> {
        Object v = rows.getObject(column);
        if (v == null || v.getClass() == expected(getter)) {
          return v;
        }
        getters[i] = Getter.TYPED;
        return kinds[i].fetch(rows, column);
      }
    }
  }

  private static Class<?> expected(Getter getter) {
    return switch (getter) {
      case LONG -> Long.class;
      case INTEGER -> Integer.class;
      case DOUBLE -> Double.class;
      case BOOLEAN -> Boolean.class;
      default -> String.class;
    };
  }

  /** A TIMESTAMP column's first value: read both ways, and the column's getter chosen by whether they agree. */
  private Object checkedTimestamp(ResultSet rows, int i) throws SQLException {
    int column = i + 1;
    Timestamp fast = rows.getTimestamp(column);
    if (fast == null) {
      return null; // decided on the first value there is
    }
    Object typed;
    try {
      typed = rows.getObject(column, LocalDateTime.class);
    } catch (SQLFeatureNotSupportedException | AbstractMethodError e) {
      // The driver's path is getTimestamp and toLocalDateTime, which the shift equals in a fixed zone.
      getters[i] = Getter.TIMESTAMP;
      return fast;
    }
    getters[i] = wallClock(fast).equals(typed) ? Getter.TIMESTAMP : Getter.TYPED;
    return typed;
  }

  /** What {@code t.toLocalDateTime()} gives in the JVM's fixed-offset zone, without its calendar arithmetic. */
  private LocalDateTime wallClock(Timestamp t) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(t.getTime(), MILLIS) + zoneSeconds, t.getNanos(),
        ZoneOffset.UTC);
  }
}
