package dev.apiquery.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Month;
import java.time.Year;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date and time notations APIs use, into UTC epoch milliseconds or millis of day.
 *
 * <p>The ISO-8601 family is matched with one regular expression and checked field by field,
 * rather than with several {@link DateTimeFormatter}s tried in turn: APIs vary in exactly the
 * places where formatters are strict (Salesforce's {@code +0000} offset without a colon, a space
 * instead of {@code T}, 0 to 9 fraction digits), and bad values must fail without the cost of a
 * DateTimeParseException per row. The shapes nearly every API sends are first read character by
 * character ({@link IsoDateTime}): the regular expression cost a full scan a fifth of its time.
 */
final class DateTimeText {
  static final long MILLIS_PER_DAY = 86_400_000L;

  /**
   * Numbers above this magnitude are epoch milliseconds, others epoch seconds. 10^11 seconds is
   * the year 5138, while 10^11 milliseconds is 1973-03-03: millisecond values from before March
   * 1973 are read as seconds.
   */
  static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

  /** 9999-12-31T23:59:59.999Z: the last instant a 4-digit year can name. */
  private static final long MAX_MILLIS = 253_402_300_799_999L;

  private static final String OFFSET = "(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?)";
  private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?";

  /** {@code yyyy-MM-dd[(T| )HH:mm[:ss[.fffffffff]]][offset]}. */
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]" + TIME + ")?\\s*" + OFFSET + "?",
      Pattern.CASE_INSENSITIVE);

  /** {@code HH:mm[:ss[.fff]][offset]}. */
  private static final Pattern TIME_OF_DAY =
      Pattern.compile(TIME + "\\s*" + OFFSET + "?", Pattern.CASE_INSENSITIVE);

  /** {@code Tue, 3 Jun 2008 11:05:30 GMT}: HTTP dates, used by a few APIs. */
  private static final Pattern RFC_1123_START = Pattern.compile("[A-Za-z]{3},.*");

  private DateTimeText() {}

  /**
   * Epoch millis (UTC) of an ISO-8601 date or date-time, or of an RFC 1123 date. A date-time
   * without an offset is taken as UTC; a date alone is its midnight UTC.
   *
   * @return null when the text is not such a date-time, or names no real instant
   */
  static Long parseTimestamp(String text) {
    String s = text.trim();
    long fast = IsoDateTime.epochMillis(s);
    if (fast != IsoDateTime.NOT_READ) {
      return fast == IsoDateTime.INVALID ? null : fast;
    }
    return parseGeneral(s);
  }

  /** {@link #parseTimestamp} without the fast path, of a trimmed text. */
  static Long parseGeneral(String s) {
    Matcher m = DATE_TIME.matcher(s);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int day = Integer.parseInt(m.group(3));
      if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
        return null;
      }
      long dayMillis = 0;
      if (m.group(4) != null) {
        Long t = millisOfDay(m.group(4), m.group(5), m.group(6), m.group(7));
        if (t == null) {
          return null;
        }
        dayMillis = t;
      }
      Integer offset = offsetMillis(m.group(8));
      if (offset == null) {
        return null;
      }
      return IsoDateTime.epochDay(year, month, day) * MILLIS_PER_DAY + dayMillis - offset;
    }
    if (RFC_1123_START.matcher(s).matches()) {
      try {
        return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant().toEpochMilli();
      } catch (DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Millis of the UTC day of {@code HH:mm[:ss[.fff]]} with an optional offset (a time at
   * {@code +02:00} is moved to UTC and wraps around midnight).
   *
   * @return null when the text is not such a time
   */
  static Integer parseTime(String text) {
    Matcher m = TIME_OF_DAY.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    Long local = millisOfDay(m.group(1), m.group(2), m.group(3), m.group(4));
    Integer offset = offsetMillis(m.group(5));
    if (local == null || offset == null) {
      return null;
    }
    return (int) Math.floorMod(local - offset, MILLIS_PER_DAY);
  }

  /**
   * Epoch millis of a numeric epoch value: seconds, or milliseconds when its magnitude is above
   * {@link #EPOCH_MILLIS_THRESHOLD}. Fractions below a millisecond are dropped (floor).
   *
   * @return null when the instant is beyond year 9999 (either way)
   */
  static Long epochMillis(BigDecimal number) {
    if (number.precision() - number.scale() > 20) {
      return null;
    }
    BigDecimal millis = number.abs().compareTo(BigDecimal.valueOf(EPOCH_MILLIS_THRESHOLD)) > 0
        ? number
        : number.movePointRight(3);
    BigDecimal floor = millis.setScale(0, RoundingMode.FLOOR);
    if (floor.abs().compareTo(BigDecimal.valueOf(MAX_MILLIS)) > 0) {
      return null;
    }
    return floor.longValueExact();
  }

  /** {@link #epochMillis(BigDecimal)} for a whole number, without BigDecimal arithmetic. */
  static Long epochMillis(long number) {
    if (number > EPOCH_MILLIS_THRESHOLD || number < -EPOCH_MILLIS_THRESHOLD) {
      return number > MAX_MILLIS || number < -MAX_MILLIS ? null : number;
    }
    return number * 1000;
  }

  private static Long millisOfDay(String hh, String mm, String ss, String fraction) {
    int hour = Integer.parseInt(hh);
    int minute = Integer.parseInt(mm);
    int second = ss == null ? 0 : Integer.parseInt(ss);
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int millis = 0;
    if (fraction != null) {
      // First three digits, padded: ".5" is 500 ms, ".123456" is 123 ms.
      String three = (fraction + "00").substring(0, 3);
      millis = Integer.parseInt(three);
    }
    return ((hour * 60L + minute) * 60 + second) * 1000 + millis;
  }

  /** The offset in millis (east of UTC positive); 0 when absent; null when impossible. */
  private static Integer offsetMillis(String text) {
    if (text == null) {
      return 0;
    }
    char sign = text.charAt(0);
    if (sign != '+' && sign != '-') {
      return 0; // Z, UTC, GMT
    }
    String digits = text.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
    int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
    if (hours > 18 || minutes > 59 || seconds > 59) {
      return null;
    }
    int total = ((hours * 60 + minutes) * 60 + seconds) * 1000;
    return sign == '-' ? -total : total;
  }
}
