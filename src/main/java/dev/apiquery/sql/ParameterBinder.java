package dev.apiquery.sql;

import dev.apiquery.errors.ScanErrors;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Replaces the dynamic parameters of a spec by the values of the current execution, written as
 * the literal of the same value would be ({@link EqualityPredicate#requestText}). The plan of a
 * prepared statement is built once; this runs each time it executes, so new values send new
 * requests. Calcite passes parameter values in the DataContext as {@code "?<index>"}; a lookup
 * join's outer values arrive from the generated code of the scan, once per batch.
 */
final class ParameterBinder {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private ParameterBinder() {}

  /** Whether a parameter of this type can be written into a request (as its literal could). */
  static boolean isWritable(SqlTypeName type) {
    SqlTypeFamily family = type.getFamily();
    return family == SqlTypeFamily.CHARACTER || family == SqlTypeFamily.NUMERIC
        || family == SqlTypeFamily.BOOLEAN || family == SqlTypeFamily.DATE
        || family == SqlTypeFamily.TIME || family == SqlTypeFamily.TIMESTAMP;
  }

  /**
   * The spec with every parameter replaced by its value, or null when a pushed field is left with
   * no value at all (every value was NULL: {@code x = NULL} holds for no row, so nothing is sent).
   */
  static ApiQuerySpec bind(ApiQuerySpec spec, DataContext root) {
    return bind(spec, root, new Object[0]);
  }

  /**
   * As {@link #bind(ApiQuerySpec, DataContext)}, with the values of the correlated parameters
   * (a lookup join's batch of outer rows) in the order of {@link #correlated}. Equal values are
   * sent once, and NULL values never.
   */
  static ApiQuerySpec bind(ApiQuerySpec spec, DataContext root, Object[] outerValues) {
    ApiQuerySpec valued = bindValues(spec, root, outerValues);
    if (valued == null) {
      return null;
    }
    LimitParameters limit = spec.limitParameters();
    if (!limit.isEmpty()) {
      valued = valued.withBoundLimit(
          rowCount(root, limit.offset(), spec.offset(), 0, "OFFSET", "2201X"),
          rowCount(root, limit.fetch(), spec.fetch(), -1, "LIMIT", "2201W"));
    }
    RowRange rows = spec.rowRange();
    return rows.bounds().isEmpty() ? valued : valued.withBoundRowRange(boundRows(rows, root));
  }

  /**
   * The range with each {@code _row <op> ?} replaced by the rows its value keeps, as its literal
   * would; a NULL value keeps no row (the comparison is unknown).
   */
  private static RowRange boundRows(RowRange rows, DataContext root) {
    RowRange bound = new RowRange(rows.from(), rows.to());
    for (RowRange.Bound b : rows.bounds()) {
      Object value = root.get("?" + b.parameter());
      bound = bound.intersect(value == null ? new RowRange(0, 0)
          : RowRangePredicate.range(b.kind(), new BigDecimal(value.toString())));
    }
    return bound;
  }

  /**
   * The value of a {@code LIMIT ?} or {@code OFFSET ?} parameter; the spec's literal without one.
   * NULL means no limit (no offset), as in PostgreSQL; a negative count is an error, as it is
   * for a literal.
   */
  private static long rowCount(DataContext root, int parameter, long literal, long whenNull, String clause,
      String sqlState) {
    if (parameter < 0) {
      return literal;
    }
    Object value = root.get("?" + parameter);
    if (value == null) {
      return whenNull;
    }
    long count = ((Number) value).longValue();
    if (count < 0) {
      throw ScanErrors.sneakyThrow(new SQLException(
          clause + " must not be negative: parameter " + (parameter + 1) + " is " + count, sqlState));
    }
    return count;
  }

  private static ApiQuerySpec bindValues(ApiQuerySpec spec, DataContext root, Object[] outerValues) {
    if (spec.parameters().isEmpty()) {
      return spec;
    }
    List<PushedParameter> correlated = correlated(spec);
    Map<PushedParameter, Object> outer = new HashMap<>();
    for (int i = 0; i < correlated.size(); i++) {
      outer.put(correlated.get(i), outerValues[i]);
    }
    Map<Integer, List<String>> values = new LinkedHashMap<>();
    spec.pushedValues().forEach((field, literals) -> values.put(field, new ArrayList<>(literals)));
    for (Map.Entry<Integer, List<PushedParameter>> e : spec.parameters().entrySet()) {
      List<String> fieldValues = values.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
      for (PushedParameter parameter : e.getValue()) {
        Object value = parameter.isCorrelated() ? outer.get(parameter) : root.get("?" + parameter.index());
        String text = requestText(value, parameter.type());
        if (text != null && !fieldValues.contains(text)) {
          fieldValues.add(text);
        }
      }
    }
    for (List<String> fieldValues : values.values()) {
      if (fieldValues.isEmpty()) {
        return null;
      }
    }
    return spec.bound(values);
  }

  /** The distinct correlated parameters of a spec, in the order their values are handed over. */
  static List<PushedParameter> correlated(ApiQuerySpec spec) {
    Set<PushedParameter> all = new LinkedHashSet<>();
    for (List<PushedParameter> fieldParameters : spec.parameters().values()) {
      for (PushedParameter parameter : fieldParameters) {
        if (parameter.isCorrelated()) {
          all.add(parameter);
        }
      }
    }
    return new ArrayList<>(all);
  }

  /**
   * A parameter value as request text, by the parameter's SQL type; null for NULL. Calcite hands
   * over its internal values (days for DATE, millis for TIME and TIMESTAMP) or the JDBC objects.
   */
  static String requestText(Object value, SqlTypeName type) {
    if (value == null) {
      return null;
    }
    switch (type.getFamily()) {
      case DATE:
        return dateText(value);
      case TIME:
        return timeText(value);
      case TIMESTAMP:
        return timestampText(value).replace(' ', 'T');
      case NUMERIC:
        return value instanceof Number || value instanceof String
            ? new BigDecimal(value.toString().trim()).stripTrailingZeros().toPlainString()
            : value.toString();
      default:
        return value.toString();
    }
  }

  private static String dateText(Object value) {
    if (value instanceof Number days) {
      return DateString.fromDaysSinceEpoch(days.intValue()).toString();
    }
    if (value instanceof Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toLocalDate().toString();
    }
    return value.toString();
  }

  private static String timeText(Object value) {
    if (value instanceof Number millis) {
      return TimeString.fromMillisOfDay(millis.intValue()).toString();
    }
    if (value instanceof Time time) {
      return TimeString.fromCalendarFields(calendar(time)).toString();
    }
    return value.toString();
  }

  private static String timestampText(Object value) {
    if (value instanceof Number millis) {
      return TimestampString.fromMillisSinceEpoch(millis.longValue()).toString();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toString().replace('T', ' ');
    }
    if (value instanceof java.util.Date date) {
      return TimestampString.fromCalendarFields(calendar(date)).toString();
    }
    return value.toString();
  }

  private static Calendar calendar(java.util.Date date) {
    Calendar calendar = Calendar.getInstance(UTC);
    calendar.setTime(date);
    return calendar;
  }
}
