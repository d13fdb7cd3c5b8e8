package dev.apiquery.value;

import dev.apiquery.profile.DataType;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Converts raw response values (see {@code dev.apiquery.response.Page}) and strings (input
 * values, filter literals) into the Java values Calcite expects for each SQL type: VARCHAR
 * String, INTEGER Integer, BIGINT Long, DOUBLE Double, DECIMAL BigDecimal (scale set when given),
 * BOOLEAN Boolean, DATE Integer days since 1970-01-01, TIMESTAMP Long UTC wall-clock millis
 * (offsets normalised to UTC), TIME Integer millis of the day.
 *
 * <p>What each type accepts:
 *
 * <ul>
 *   <li>VARCHAR: anything. Numbers as plain text (BigDecimal without exponent, {@code 1E+3} is
 *       {@code "1000"}), booleans as {@code "true"}/{@code "false"}.
 *   <li>INTEGER, BIGINT: integral numbers in range, numbers with a zero fraction ({@code 42.0},
 *       {@code 4.2e1}) and strings holding such numbers (blanks around them are ignored).
 *       Booleans are not numbers.
 *   <li>DOUBLE: any number or numeric string, and {@code NaN}, {@code Infinity},
 *       {@code -Infinity}; a finite value too large for a double fails.
 *   <li>DECIMAL: any finite number or numeric string, rounded half-up to the scale if given.
 *   <li>BOOLEAN: booleans; {@code true/false/1/0/yes/no} in any case; the numbers 0 and 1.
 *   <li>TIMESTAMP: ISO-8601 dates and date-times: {@code T} or a space between date and time,
 *       seconds and 0 to 9 fraction digits optional, offset {@code Z}, {@code UTC},
 *       {@code +01:00}, {@code +0100} (Salesforce), {@code +01} or none (then UTC); a date alone
 *       is midnight UTC; RFC 1123 HTTP dates. Numbers and numeric strings are epoch values:
 *       seconds, or milliseconds when the magnitude is above 100,000,000,000 (so millisecond
 *       values before 1973-03-03 are misread as seconds). Years are 0000 to 9999.
 *   <li>DATE: everything TIMESTAMP accepts, reduced to its UTC date ({@code 2024-01-05T23:30-02:00}
 *       is 2024-01-06).
 *   <li>TIME: {@code H:mm[:ss[.fff]]} with an optional offset (normalised to UTC, wrapping
 *       around midnight), or a date-time (its UTC time of day).
 * </ul>
 */
public final class ValueConverter {
  private ValueConverter() {}

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
        return toVarchar(raw);
      case INTEGER:
        return (int) NumberConversions.toLong(raw, type, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT:
        return NumberConversions.toLong(raw, type, Long.MIN_VALUE, Long.MAX_VALUE);
      case DOUBLE:
        return NumberConversions.toDouble(raw, type);
      case DECIMAL:
        return NumberConversions.toDecimal(raw, type, scale);
      case BOOLEAN:
        return toBoolean(raw);
      case TIMESTAMP:
        return toTimestamp(raw, type);
      case DATE:
        return (int) Math.floorDiv(toTimestamp(raw, type), DateTimeText.MILLIS_PER_DAY);
      case TIME:
        return toTime(raw);
      default:
        throw new ConversionException(raw, type, "unsupported type");
    }
  }

  /**
   * {@link #toInternal} for one column, chosen once: the raw type each SQL type usually gets
   * from a JSON reader is taken first, without the general dispatch; other values take the
   * general path, so the answer is always toInternal's.
   */
  static RowConverter.ColumnConversion forColumn(DataType type, Integer scale) {
    switch (type) {
      case VARCHAR:
        return raw -> raw instanceof String ? raw : toVarchar(raw);
      case BIGINT:
        return raw -> raw instanceof Long ? raw : toInternal(raw, type, scale);
      case INTEGER:
        return raw -> raw instanceof Long l && l == (int) (long) l ? Integer.valueOf((int) (long) l)
            : toInternal(raw, type, scale);
      case DOUBLE:
        return raw -> {
          if (raw instanceof BigDecimal bd) {
            double d = bd.doubleValue();
            if (!Double.isInfinite(d)) {
              return d;
            }
          }
          return toInternal(raw, type, scale);
        };
      case BOOLEAN:
        return raw -> raw instanceof Boolean ? raw : toBoolean(raw);
      case TIMESTAMP:
        return raw -> {
          Long millis = raw instanceof String s ? DateTimeText.parseTimestamp(s) : null;
          return millis != null ? millis : toInternal(raw, type, scale);
        };
      default:
        return raw -> toInternal(raw, type, scale);
    }
  }

  private static String toVarchar(Object raw) {
    if (raw instanceof String s) {
      return s;
    }
    if (raw instanceof BigDecimal bd) {
      return NumberConversions.toPlainText(bd);
    }
    if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      return Double.isFinite(d) ? NumberConversions.toPlainText(BigDecimal.valueOf(d))
          : Double.toString(d);
    }
    return raw.toString();
  }

  private static Boolean toBoolean(Object raw) throws ConversionException {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof Number) {
      BigDecimal n = NumberConversions.toBigDecimal(raw, DataType.BOOLEAN);
      if (n.signum() == 0) {
        return Boolean.FALSE;
      }
      if (n.compareTo(BigDecimal.ONE) == 0) {
        return Boolean.TRUE;
      }
      throw new ConversionException(raw, DataType.BOOLEAN, "only 0 and 1 are booleans");
    }
    switch (raw.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true": case "1": case "yes":
        return Boolean.TRUE;
      case "false": case "0": case "no":
        return Boolean.FALSE;
      default:
        throw new ConversionException(raw, DataType.BOOLEAN,
            "expected true/false, 1/0 or yes/no");
    }
  }

  private static long toTimestamp(Object raw, DataType type) throws ConversionException {
    Long millis;
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short
        || raw instanceof Byte) {
      millis = DateTimeText.epochMillis(((Number) raw).longValue());
    } else if (raw instanceof Number) {
      millis = DateTimeText.epochMillis(NumberConversions.toBigDecimal(raw, type));
    } else if (raw instanceof Boolean) {
      throw new ConversionException(raw, type, "a boolean is not a date or time");
    } else {
      String text = raw.toString();
      millis = DateTimeText.parseTimestamp(text);
      if (millis == null) {
        BigDecimal epoch = NumberConversions.parseDecimal(text);
        if (epoch == null) {
          throw new ConversionException(raw, type,
              type == DataType.DATE ? "expected a date such as 2024-01-05"
                  : "expected a date-time such as 2024-01-05T09:12:00Z");
        }
        millis = DateTimeText.epochMillis(epoch);
      }
    }
    if (millis == null) {
      throw new ConversionException(raw, type, "out of range");
    }
    return millis;
  }

  private static Integer toTime(Object raw) throws ConversionException {
    if (raw instanceof Number || raw instanceof Boolean) {
      throw new ConversionException(raw, DataType.TIME, "expected a time such as 13:45:00");
    }
    String text = raw.toString();
    Integer millis = DateTimeText.parseTime(text);
    if (millis != null) {
      return millis;
    }
    Long timestamp = DateTimeText.parseTimestamp(text);
    if (timestamp != null) {
      return (int) Math.floorMod(timestamp, DateTimeText.MILLIS_PER_DAY);
    }
    throw new ConversionException(raw, DataType.TIME, "expected a time such as 13:45:00");
  }
}
