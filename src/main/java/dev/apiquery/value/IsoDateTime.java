package dev.apiquery.value;

/**
 * The fast path of {@link DateTimeText#parseTimestamp}: the strict ISO-8601 shapes APIs send
 * almost always, read character by character without a regular expression, a matcher or
 * substrings. {@code yyyy-MM-dd}, optionally followed by {@code T} or a space and
 * {@code HH:mm[:ss[.f...]]}, then nothing, {@code Z}, or {@code +HH}, {@code +HH:mm},
 * {@code +HHmm} (either sign). Anything else (one-digit fields, lower-case {@code z},
 * {@code UTC}, blanks before the offset, seconds in the offset, RFC 1123) is left to the general
 * parser, which accepts the same values and more; for the shapes read here both give the same
 * answer, including null for an impossible date or time.
 */
final class IsoDateTime {
  /** Not one of the shapes read here: ask the general parser. */
  static final long NOT_READ = Long.MIN_VALUE;
  /** One of the shapes, but no real date, time or offset (2024-02-30, 24:00, +19:00). */
  static final long INVALID = Long.MIN_VALUE + 1;

  private IsoDateTime() {}

  /** UTC epoch millis of {@code s} (already trimmed), {@link #NOT_READ} or {@link #INVALID}. */
  static long epochMillis(String s) {
    int n = s.length();
    if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return NOT_READ;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 0 || day < 0) {
      return NOT_READ;
    }
    long dayMillis = 0;
    int i = 10;
    if (n > 10) {
      char sep = s.charAt(10);
      if ((sep != 'T' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
        return NOT_READ;
      }
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      if (hour < 0 || minute < 0) {
        return NOT_READ;
      }
      int second = 0;
      int millis = 0;
      i = 16;
      if (i < n && s.charAt(i) == ':') {
        second = i + 3 <= n ? digits(s, i + 1, 2) : -1;
        if (second < 0) {
          return NOT_READ;
        }
        i += 3;
        if (i < n && s.charAt(i) == '.') {
          int start = ++i;
          while (i < n && isDigit(s.charAt(i))) {
            if (i - start < 3) {
              millis = millis * 10 + (s.charAt(i) - '0');
            }
            i++;
          }
          if (i == start) {
            return NOT_READ;
          }
          for (int k = i - start; k < 3; k++) {
            millis *= 10; // ".5" is 500 ms
          }
        }
      }
      if (hour > 23 || minute > 59 || second > 59) {
        return INVALID;
      }
      dayMillis = ((hour * 60L + minute) * 60 + second) * 1000 + millis;
    }
    long offset = offsetMillis(s, i);
    if (offset == NOT_READ || offset == INVALID) {
      return offset;
    }
    if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
      return INVALID;
    }
    return epochDay(year, month, day) * DateTimeText.MILLIS_PER_DAY + dayMillis - offset;
  }

  /** The offset from position {@code i} to the end: none, Z, +HH, +HH:mm or +HHmm. */
  private static long offsetMillis(String s, int i) {
    int n = s.length();
    if (i == n) {
      return 0;
    }
    char c = s.charAt(i);
    if (c == 'Z') {
      return i + 1 == n ? 0 : NOT_READ;
    }
    if ((c != '+' && c != '-') || i + 3 > n) {
      return NOT_READ;
    }
    int hours = digits(s, i + 1, 2);
    int minutes;
    if (i + 3 == n) {
      minutes = 0;
    } else if (i + 6 == n && s.charAt(i + 3) == ':') {
      minutes = digits(s, i + 4, 2);
    } else if (i + 5 == n) {
      minutes = digits(s, i + 3, 2);
    } else {
      return NOT_READ;
    }
    if (hours < 0 || minutes < 0) {
      return NOT_READ;
    }
    if (hours > 18 || minutes > 59) {
      return INVALID;
    }
    long total = (hours * 60L + minutes) * 60_000L;
    return c == '-' ? -total : total;
  }

  /** The number in {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int monthLength(int year, int month) {
    if (month == 2) {
      return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Days since 1970-01-01 of a valid proleptic Gregorian date (LocalDate's arithmetic). */
  static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    if (y >= 0) {
      total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    } else {
      total -= y / -4 - y / -100 + y / -400;
    }
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
        total--;
      }
    }
    return total - 719_528L; // days from 0000-01-01 to 1970-01-01
  }
}
