package dev.apiquery.export;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;

/**
 * The types an export carries, and how a value of each is read from the source: as one plain Java
 * value (Long, Integer, Double, BigDecimal, Boolean, LocalDate, LocalTime, LocalDateTime, String)
 * that every sink knows how to write. Timestamps are UTC wall-clock time (DESIGN 8, Time).
 */
public enum ColumnKind {
  BIGINT, INTEGER, DOUBLE, DECIMAL, BOOLEAN, DATE, TIME, TIMESTAMP, VARCHAR;

  /** The kind of a JDBC type; types without a counterpart (arrays, objects) travel as text. */
  static ColumnKind of(int sqlType) {
    return switch (sqlType) {
      case Types.BIGINT -> BIGINT;
      case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.DATE -> DATE;
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
      default -> VARCHAR;
    };
  }

  /**
   * A TIMESTAMP as its wall-clock time: JDBC 4.2's {@code getObject(i, LocalDateTime.class)},
   * which apiquery answers without the calendar arithmetic of {@code Timestamp.toLocalDateTime}
   * (a fifth of an export's reading time); a driver without it is read through getTimestamp, whose
   * conversion and toLocalDateTime's both use the JVM's zone, so the wall clock survives.
   */
  private static LocalDateTime timestamp(ResultSet rows, int i) throws SQLException {
    try {
      return rows.getObject(i, LocalDateTime.class);
    } catch (SQLFeatureNotSupportedException | AbstractMethodError e) {
      Timestamp v = rows.getTimestamp(i);
      return v == null ? null : v.toLocalDateTime();
    }
  }

  /** The value of column {@code i} (1-based), or null for SQL NULL. */
  Object read(ResultSet rows, int i, int scale) throws SQLException {
    switch (this) {
      case BIGINT -> {
        long v = rows.getLong(i);
        return rows.wasNull() ? null : v;
      }
      case INTEGER -> {
        int v = rows.getInt(i);
        return rows.wasNull() ? null : v;
      }
      case DOUBLE -> {
        double v = rows.getDouble(i);
        return rows.wasNull() ? null : v;
      }
      case DECIMAL -> {
        BigDecimal v = rows.getBigDecimal(i);
        // A JSON 119.00 may arrive as 119: pad to the declared scale, never round.
        return v != null && scale > 0 && v.scale() < scale ? v.setScale(scale) : v;
      }
      case BOOLEAN -> {
        boolean v = rows.getBoolean(i);
        return rows.wasNull() ? null : v;
      }
      case DATE -> {
        Date v = rows.getDate(i);
        return v == null ? null : v.toLocalDate();
      }
      case TIME -> {
        Time v = rows.getTime(i);
        return v == null ? null : v.toLocalTime();
      }
      case TIMESTAMP -> {
        return timestamp(rows, i);
      }
      default -> {
        return rows.getString(i);
      }
    }
  }
}
