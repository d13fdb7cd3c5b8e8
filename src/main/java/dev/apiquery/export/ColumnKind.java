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
   * A TIMESTAMP as JDBC 4.2's {@code getObject(i, LocalDateTime.class)} gives it; a driver without
   * it is read through getTimestamp, whose conversion and {@link #settle}'s toLocalDateTime both
   * use the JVM's zone, so the wall clock survives.
   */
  private static Object timestamp(ResultSet rows, int i) throws SQLException {
    try {
      return rows.getObject(i, LocalDateTime.class);
    } catch (SQLFeatureNotSupportedException | AbstractMethodError e) {
      return rows.getTimestamp(i);
    }
  }

  /** The value of column {@code i} (1-based), or null for SQL NULL. */
  Object read(ResultSet rows, int i, int scale) throws SQLException {
    return settle(fetch(rows, i), scale);
  }

  /**
   * Column {@code i} (1-based) as this kind's typed getter gives it, or null for SQL NULL: the
   * reading thread's part of {@link #read}; {@link #settle} makes it the plain value.
   */
  Object fetch(ResultSet rows, int i) throws SQLException {
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
        return rows.getBigDecimal(i);
      }
      case BOOLEAN -> {
        boolean v = rows.getBoolean(i);
        return rows.wasNull() ? null : v;
      }
      case DATE -> {
        return rows.getDate(i);
      }
      case TIME -> {
        return rows.getTime(i);
      }
      case TIMESTAMP -> {
        return timestamp(rows, i);
      }
      default -> {
        return rows.getString(i);
      }
    }
  }

  /**
   * What {@link #fetch} gave, as the plain value every sink knows (java.sql dates and times as
   * java.time, in the JVM's zone as JDBC defines them); the writer thread's part of {@link #read}.
   */
  Object settle(Object fetched, int scale) {
    if (fetched instanceof Timestamp t) {
      return t.toLocalDateTime();
    } else if (fetched instanceof Date d) {
      return d.toLocalDate();
    } else if (fetched instanceof Time t) {
      return t.toLocalTime();
    } else if (fetched instanceof BigDecimal v && scale > 0 && v.scale() < scale) {
      // A JSON 119.00 may arrive as 119: pad to the declared scale, never round.
      return v.setScale(scale);
    }
    return fetched;
  }
}
