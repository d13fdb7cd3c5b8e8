package org.apache.calcite.jdbc;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * A shortcut for Avatica's TIMESTAMP {@code getObject}/{@code getTimestamp} of a column held as
 * epoch millis. Avatica builds every value through {@code LocalDateTime}, {@code
 * Timestamp.valueOf} (which normalises a {@code Date} against the default zone's rules) and two
 * more zone-offset lookups: a fifth of a full scan's consumer time. When every zone involved (the
 * JVM default when the value is read, Avatica's default captured at start-up, the result set's
 * calendar) has a fixed offset, as UTC and {@code GMT+n} do, that arithmetic is one constant
 * shift, and the Timestamp is made directly. With any zone that has rules (daylight saving,
 * historical changes), Avatica's own path is used.
 */
final class TimestampColumns {
  private final boolean[] fromMillis;
  private final long shift;

  private TimestampColumns(boolean[] fromMillis, long shift) {
    this.fromMillis = fromMillis;
    this.shift = shift;
  }

  /** The shortcut for these columns, or null when a zone involved is not a fixed offset. */
  static TimestampColumns of(List<ColumnMetaData> columns, Calendar local) {
    TimeZone current = TimeZone.getDefault();
    if (!fixed(current) || !fixed(DateTimeUtils.DEFAULT_ZONE) || !fixed(local.getTimeZone())) {
      return null;
    }
    boolean[] fromMillis = new boolean[columns.size() + 1];
    boolean any = false;
    for (int i = 0; i < columns.size(); i++) {
      ColumnMetaData column = columns.get(i);
      ColumnMetaData.Rep rep = column.type.rep;
      fromMillis[i + 1] = column.type.id == Types.TIMESTAMP
          && (rep == ColumnMetaData.Rep.PRIMITIVE_LONG || rep == ColumnMetaData.Rep.LONG);
      any |= fromMillis[i + 1];
    }
    // Avatica: t = valueOf(UTC wall clock) in the current zone; t + DEFAULT_ZONE offset - calendar offset.
    long shift = -(long) current.getRawOffset() + DateTimeUtils.DEFAULT_ZONE.getRawOffset()
        - local.getTimeZone().getRawOffset();
    return any ? new TimestampColumns(fromMillis, shift) : null;
  }

  private static boolean fixed(TimeZone zone) {
    return zone.toZoneId().getRules().isFixedOffset();
  }

  /** Whether column {@code column} (1-based) is a TIMESTAMP held as epoch millis. */
  boolean covers(int column) {
    return column > 0 && column < fromMillis.length && fromMillis[column];
  }

  /** The Timestamp Avatica would return for the UTC wall-clock millis {@code millis}. */
  Timestamp timestamp(long millis) {
    return new Timestamp(millis + shift);
  }
}
