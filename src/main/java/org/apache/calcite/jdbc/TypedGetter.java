package org.apache.calcite.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * JDBC 4.2's {@code getObject(column, Class)}, which Avatica answers with "cannot convert" for
 * every type. Built on the typed getters, so each conversion is the one the plain getter makes.
 * TIMESTAMP columns hold UTC wall-clock time (DESIGN 8), so OffsetDateTime and Instant are UTC.
 */
final class TypedGetter {
  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

  private TypedGetter() {}

  @SuppressWarnings("unchecked")
  static <T> T get(ResultSet rs, int column, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("getObject: the type is null", "HY009");
    }
    Object value = convert(rs, column, type);
    return rs.wasNull() ? null : (T) value;
  }

  private static Object convert(ResultSet rs, int column, Class<?> type) throws SQLException {
    if (type == String.class) {
      return rs.getString(column);
    } else if (type == Long.class) {
      return rs.getLong(column);
    } else if (type == Integer.class) {
      return rs.getInt(column);
    } else if (type == Short.class) {
      return rs.getShort(column);
    } else if (type == Byte.class) {
      return rs.getByte(column);
    } else if (type == Double.class) {
      return rs.getDouble(column);
    } else if (type == Float.class) {
      return rs.getFloat(column);
    } else if (type == Boolean.class) {
      return rs.getBoolean(column);
    } else if (type == BigDecimal.class) {
      return rs.getBigDecimal(column);
    } else if (type == byte[].class) {
      return rs.getBytes(column);
    } else if (type == Date.class) {
      return rs.getDate(column);
    } else if (type == Time.class) {
      return rs.getTime(column);
    } else if (type == Timestamp.class) {
      return rs.getTimestamp(column);
    } else if (type == LocalDateTime.class) {
      return localDateTime(rs, column);
    } else if (type == LocalDate.class) {
      int sqlType = rs.getMetaData().getColumnType(column);
      if (sqlType == java.sql.Types.TIMESTAMP) {
        LocalDateTime dateTime = localDateTime(rs, column);
        return dateTime == null ? null : dateTime.toLocalDate();
      }
      Date date = rs.getDate(column, UTC);
      return date == null ? null : LocalDate.ofEpochDay(Math.floorDiv(date.getTime(), 86_400_000L));
    } else if (type == LocalTime.class) {
      Time time = rs.getTime(column, UTC);
      return time == null ? null : LocalTime.ofNanoOfDay(Math.floorMod(time.getTime(), 86_400_000L) * 1_000_000L);
    } else if (type == OffsetDateTime.class) {
      LocalDateTime dateTime = localDateTime(rs, column);
      return dateTime == null ? null : dateTime.atOffset(ZoneOffset.UTC);
    } else if (type == Instant.class) {
      LocalDateTime dateTime = localDateTime(rs, column);
      return dateTime == null ? null : dateTime.toInstant(ZoneOffset.UTC);
    } else if (type == Object.class) {
      return rs.getObject(column);
    }
    throw new SQLDataException("getObject: cannot convert column " + column + " to " + type.getName(), "22018");
  }

  /** The UTC wall-clock time of a TIMESTAMP (also of a DATE, at midnight). */
  private static LocalDateTime localDateTime(ResultSet rs, int column) throws SQLException {
    if (rs instanceof ApiQueryJdbcFactory.ResultSet own && own.holdsWallClock(column)) {
      return own.wallClock(column);
    }
    Timestamp timestamp = rs.getTimestamp(column, UTC);
    return timestamp == null ? null
        : LocalDateTime.ofEpochSecond(Math.floorDiv(timestamp.getTime(), 1000L),
            timestamp.getNanos(), ZoneOffset.UTC);
  }
}
