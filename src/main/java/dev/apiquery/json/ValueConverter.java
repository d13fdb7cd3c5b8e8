package dev.apiquery.json;

import dev.apiquery.profile.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Converts raw JSON values (see {@link Page}) and strings (input values, filter literals) into
 * the Java values Calcite expects for each SQL type: VARCHAR String, INTEGER Integer, BIGINT Long,
 * DOUBLE Double, DECIMAL BigDecimal (scale set when given), BOOLEAN Boolean, DATE Integer days
 * since 1970-01-01, TIMESTAMP Long UTC wall-clock millis (offsets normalised to UTC), TIME Integer
 * millis of the day.
 */
public final class ValueConverter {
  private ValueConverter() {}

  /** Epoch numbers above this are milliseconds, below it seconds (10^11 s is the year 5138). */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  /** ISO date-time with {@code T} or a space, optional fraction, optional offset in any form. */
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  /**
   * @param raw null, a raw JSON value or a string
   * @param scale the DECIMAL scale, or null
   * @return the converted value; null for null
   * @throws ConversionException when the value does not fit the type
   */
  public static Object toInternal(Object raw, DataType type, Integer scale) throws ConversionException {
    if (raw == null) {
      return null;
    }
    switch (type) {
      case VARCHAR:
        return text(raw);
      case INTEGER: {
        BigDecimal n = number(raw, type);
        try {
          return n.intValueExact();
        } catch (ArithmeticException e) {
          throw fail(raw, type);
        }
      }
      case BIGINT: {
        if (raw instanceof Long l) {
          return l;
        }
        BigDecimal n = number(raw, type);
        try {
          return n.longValueExact();
        } catch (ArithmeticException e) {
          throw fail(raw, type);
        }
      }
      case DOUBLE:
        if (raw instanceof Number n && !(raw instanceof BigDecimal) && !(raw instanceof BigInteger)) {
          return n.doubleValue();
        }
        return number(raw, type).doubleValue();
      case DECIMAL: {
        BigDecimal n = number(raw, type);
        return scale == null ? n : n.setScale(scale, RoundingMode.HALF_UP);
      }
      case BOOLEAN:
        return bool(raw);
      case DATE:
        return (int) date(raw).toEpochDay();
      case TIMESTAMP:
        return timestamp(raw);
      case TIME:
        return time(raw);
      default:
        throw fail(raw, type);
    }
  }

  private static String text(Object raw) {
    if (raw instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return raw.toString();
  }

  private static BigDecimal number(Object raw, DataType type) throws ConversionException {
    if (raw instanceof BigDecimal d) {
      return d;
    }
    if (raw instanceof Long || raw instanceof Integer) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (raw instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw fail(raw, type);
      }
      return BigDecimal.valueOf(d);
    }
    if (raw instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw fail(raw, type);
      }
    }
    if (raw instanceof Boolean b && type != DataType.DECIMAL && type != DataType.DOUBLE) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    throw fail(raw, type);
  }

  private static Boolean bool(Object raw) throws ConversionException {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof Number) {
      BigDecimal n = number(raw, DataType.BOOLEAN);
      if (n.signum() == 0) {
        return false;
      }
      if (n.compareTo(BigDecimal.ONE) == 0) {
        return true;
      }
      throw fail(raw, DataType.BOOLEAN);
    }
    switch (raw.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true": case "1": case "yes": case "y": case "t":
        return true;
      case "false": case "0": case "no": case "n": case "f":
        return false;
      default:
        throw fail(raw, DataType.BOOLEAN);
    }
  }

  private static LocalDate date(Object raw) throws ConversionException {
    if (raw instanceof Number) {
      return LocalDate.ofEpochDay(Math.floorDiv(timestamp(raw), 86_400_000L));
    }
    String s = raw.toString().trim();
    if (s.length() == 10) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw fail(raw, DataType.DATE);
      }
    }
    return LocalDate.ofEpochDay(Math.floorDiv(timestamp(raw), 86_400_000L));
  }

  /** UTC wall-clock millis. */
  private static long timestamp(Object raw) throws ConversionException {
    if (raw instanceof Number) {
      BigDecimal n = number(raw, DataType.TIMESTAMP);
      long whole = n.longValue();
      return Math.abs(whole) >= MILLIS_THRESHOLD
          ? whole
          : n.multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP).longValue();
    }
    String s = raw.toString().trim();
    if (s.length() == 10) {
      try {
        return LocalDate.parse(s).toEpochDay() * 86_400_000L;
      } catch (DateTimeParseException e) {
        throw fail(raw, DataType.TIMESTAMP);
      }
    }
    try {
      var parsed = DATE_TIME.parse(s);
      LocalDateTime local = LocalDateTime.of(
          LocalDate.from(parsed), LocalTime.from(parsed));
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
        return OffsetDateTime.of(local, offset).toInstant().toEpochMilli();
      }
      return local.toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (java.time.DateTimeException e) {
      throw fail(raw, DataType.TIMESTAMP);
    }
  }

  private static int time(Object raw) throws ConversionException {
    String s = raw.toString().trim();
    try {
      var parsed = TIME.parse(s);
      LocalTime local = LocalTime.from(parsed);
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
        local = OffsetTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
      }
      return (int) (local.toNanoOfDay() / 1_000_000L);
    } catch (java.time.DateTimeException e) {
      if (s.length() > 10 && (s.contains("T") || s.contains(" "))) {
        // A full datetime: its UTC time of day.
        return (int) Math.floorMod(timestamp(raw), 86_400_000L);
      }
      throw fail(raw, DataType.TIME);
    }
  }

  private static ConversionException fail(Object raw, DataType type) {
    String text = raw.toString();
    if (text.length() > 60) {
      text = text.substring(0, 60) + "...";
    }
    return new ConversionException("'" + text + "' is not a valid " + type);
  }
}
