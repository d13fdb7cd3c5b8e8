package org.apache.calcite.jdbc;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * Shortcuts for {@code getObject} past Avatica's per-value work, decided per column once; a
 * column without one is read by Avatica as before.
 *
 * <ul>
 *   <li>Plain columns (VARCHAR, BIGINT, INTEGER, DOUBLE, BOOLEAN): the row holds the very object
 *       Avatica would return (it unboxes it, dispatches on the SQL type and boxes it again), so it
 *       is returned as it is, when it has the expected class.
 *   <li>TIMESTAMP held as epoch millis: Avatica builds every value through {@code LocalDateTime},
 *       {@code Timestamp.valueOf} (which normalises a {@code Date} against the default zone's
 *       rules) and two more zone-offset lookups, a fifth of a full scan's consumer time. When every
 *       zone involved (the JVM default when the result set opens, Avatica's default captured at
 *       start-up, the result set's calendar) has a fixed offset, as UTC and {@code GMT+n} do, that
 *       arithmetic is one constant shift. With a zone that has rules (daylight saving, historical
 *       changes) Avatica's own path is used.
 *   <li>TIMESTAMP held as epoch millis, asked for as a {@code LocalDateTime} (or a type made from
 *       one): the millis are the UTC wall clock itself, in every zone. Avatica goes through a
 *       {@code Timestamp} in the JVM's zone, which moves a wall-clock time that zone skips (02:30
 *       on the night Berlin moves to summer time) by an hour.
 * </ul>
 */
final class ColumnShortcuts {
  /** Per column (1-based): the class of a plain column's values, else null. */
  private final Class<?>[] plain;
  /** Per column (1-based): a TIMESTAMP held as epoch millis. */
  private final boolean[] wallClockMillis;
  /** Whether every zone involved has a fixed offset: then such a TIMESTAMP is read with {@link #shift}. */
  private final boolean fixedZones;
  private final long shift;

  private ColumnShortcuts(Class<?>[] plain, boolean[] wallClockMillis, boolean fixedZones, long shift) {
    this.plain = plain;
    this.wallClockMillis = wallClockMillis;
    this.fixedZones = fixedZones;
    this.shift = shift;
  }

  static ColumnShortcuts of(List<ColumnMetaData> columns, Calendar local) {
    TimeZone current = TimeZone.getDefault();
    boolean fixedZones = fixed(current) && fixed(DateTimeUtils.DEFAULT_ZONE) && fixed(local.getTimeZone());
    Class<?>[] plain = new Class<?>[columns.size() + 1];
    boolean[] wallClockMillis = new boolean[columns.size() + 1];
    for (int i = 0; i < columns.size(); i++) {
      ColumnMetaData.AvaticaType type = columns.get(i).type;
      plain[i + 1] = plainClass(type);
      wallClockMillis[i + 1] = type.id == Types.TIMESTAMP
          && (type.rep == ColumnMetaData.Rep.PRIMITIVE_LONG || type.rep == ColumnMetaData.Rep.LONG);
    }
    // Avatica: t = valueOf(UTC wall clock) in the current zone; t + DEFAULT_ZONE offset - calendar offset.
    long shift = -(long) current.getRawOffset() + DateTimeUtils.DEFAULT_ZONE.getRawOffset()
        - local.getTimeZone().getRawOffset();
    return new ColumnShortcuts(plain, wallClockMillis, fixedZones, shift);
  }

  private static Class<?> plainClass(ColumnMetaData.AvaticaType type) {
    switch (type.id) {
      case Types.VARCHAR:
        return type.rep == ColumnMetaData.Rep.STRING ? String.class : null;
      case Types.BIGINT:
        return boxed(type.rep, ColumnMetaData.Rep.PRIMITIVE_LONG, ColumnMetaData.Rep.LONG, Long.class);
      case Types.INTEGER:
        return boxed(type.rep, ColumnMetaData.Rep.PRIMITIVE_INT, ColumnMetaData.Rep.INTEGER, Integer.class);
      case Types.DOUBLE:
        return boxed(type.rep, ColumnMetaData.Rep.PRIMITIVE_DOUBLE, ColumnMetaData.Rep.DOUBLE, Double.class);
      case Types.BOOLEAN:
        return boxed(type.rep, ColumnMetaData.Rep.PRIMITIVE_BOOLEAN, ColumnMetaData.Rep.BOOLEAN, Boolean.class);
      default:
        return null;
    }
  }

  private static Class<?> boxed(ColumnMetaData.Rep rep, ColumnMetaData.Rep primitive, ColumnMetaData.Rep box,
      Class<?> boxClass) {
    return rep == primitive || rep == box ? boxClass : null;
  }

  private static boolean fixed(TimeZone zone) {
    return zone.toZoneId().getRules().isFixedOffset();
  }

  /** The class a plain column's values have, or null (column 1-based, any number). */
  Class<?> plain(int column) {
    return column > 0 && column < plain.length ? plain[column] : null;
  }

  /** Whether column {@code column} (1-based, any number) is a TIMESTAMP read with the shift. */
  boolean timestampMillis(int column) {
    return fixedZones && wallClockMillis(column);
  }

  /** Whether column {@code column} (1-based, any number) is a TIMESTAMP held as UTC wall-clock millis. */
  boolean wallClockMillis(int column) {
    return column > 0 && column < wallClockMillis.length && wallClockMillis[column];
  }

  /** The Timestamp Avatica would return for the UTC wall-clock millis {@code millis}. */
  Timestamp timestamp(long millis) {
    return new Timestamp(millis + shift);
  }
}
