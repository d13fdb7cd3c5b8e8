package dev.apiquery.profile.script.expr;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalField;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * CData's date formatters. Formats are .NET-style (see {@link DatePatterns}); the input is read
 * as {@link DateParsing} describes; every moment is UTC. An empty value stays empty, so an unset
 * optional input adds nothing to a request. {@code now()}, {@code utcnow()} and {@code date()}
 * take no value and may be written as {@code [now()]}.
 */
final class DateFormatters {
  private DateFormatters() {}

  static void addTo(FormatterTable t) {
    t.add("todate", 0, 3, (v, a) -> v.isBlank() ? "" : todate(v, a));
    for (String name : List.of("now", "utcnow", "date")) {
      t.add(name, 0, 1, (v, a) -> DatePatterns.format(
          ZonedDateTime.now(ZoneOffset.UTC), Args.get(a, 0, DatePatterns.DEFAULT_OUTPUT)));
    }
    t.add("dateadd", 0, 4, (v, a) -> v.isBlank() ? "" : DatePatterns.format(
        DateParsing.read(v, Args.get(a, 3, "")).plus(
            Args.integer(a, 1, 1, "number"), unit(Args.get(a, 0, "day"))),
        Args.get(a, 2, DatePatterns.DEFAULT_OUTPUT)));
    t.add("datediff", 1, 3, (v, a) -> v.isBlank() ? "" : String.valueOf(unit(Args.get(a, 1, "day"))
        .between(DateParsing.read(v, Args.get(a, 2, "")), DateParsing.read(a.get(0), Args.get(a, 2, "")))));
    t.add("compare", 0, 2, (v, a) -> {
      String other = Args.get(a, 0, "");
      ZonedDateTime right = other.isBlank() || other.equalsIgnoreCase("now")
          ? ZonedDateTime.now(ZoneOffset.UTC) : DateParsing.read(other, Args.get(a, 1, ""));
      return String.valueOf(Integer.signum(DateParsing.read(v, Args.get(a, 1, "")).compareTo(right)));
    });
    part(t, "year", ChronoField.YEAR);
    part(t, "month", ChronoField.MONTH_OF_YEAR);
    part(t, "day", ChronoField.DAY_OF_MONTH);
    part(t, "hour", ChronoField.HOUR_OF_DAY);
    part(t, "minute", ChronoField.MINUTE_OF_HOUR);
    part(t, "second", ChronoField.SECOND_OF_MINUTE);
    part(t, "dayofyear", ChronoField.DAY_OF_YEAR);
    t.add("dayofweek", 0, 1, (v, a) -> v.isBlank() ? "" : dayName(
        DateParsing.read(v, Args.get(a, 0, "")).getDayOfWeek()));
    t.add("filetime", 0, 1, (v, a) -> v.isBlank() ? ""
        : String.valueOf(DateParsing.toFileTime(DateParsing.read(v, Args.get(a, 0, "")).toInstant())));
  }

  /** {@code todate([outputformat][, inputformat][, strict])}. */
  private static String todate(String value, List<String> args) throws FormatterException {
    String output = Args.get(args, 0, "");
    String input = Args.get(args, 1, "");
    boolean strict = Args.get(args, 2, "false").strip().equalsIgnoreCase("true");
    ZonedDateTime moment;
    try {
      moment = DateParsing.read(value, input);
    } catch (FormatterException e) {
      if (strict || input.isBlank()) {
        throw e;
      }
      // Not strict: CData falls back to detecting the format when the given one does not match.
      moment = DateParsing.read(value, "");
    }
    return DatePatterns.format(moment, output.isBlank() ? DatePatterns.DEFAULT_OUTPUT : output);
  }

  private static void part(FormatterTable t, String name, TemporalField field) {
    t.add(name, 0, 1, (v, a) -> v.isBlank() ? ""
        : String.valueOf(DateParsing.read(v, Args.get(a, 0, "")).get(field)));
  }

  private static String dayName(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static ChronoUnit unit(String interval) throws FormatterException {
    return switch (interval.strip().toLowerCase(Locale.ROOT)) {
      case "year", "years", "yyyy", "yy" -> ChronoUnit.YEARS;
      case "quarter", "quarters", "qq", "q" -> throw new FormatterException(
          "interval 'quarter' is not supported; add 3 months instead");
      case "month", "months", "mm", "m" -> ChronoUnit.MONTHS;
      case "week", "weeks", "wk", "ww" -> ChronoUnit.WEEKS;
      case "day", "days", "dd", "d" -> ChronoUnit.DAYS;
      case "hour", "hours", "hh" -> ChronoUnit.HOURS;
      case "minute", "minutes", "mi", "n" -> ChronoUnit.MINUTES;
      case "second", "seconds", "ss", "s" -> ChronoUnit.SECONDS;
      case "millisecond", "milliseconds", "ms" -> ChronoUnit.MILLIS;
      default -> throw new FormatterException("unknown date interval '" + interval
          + "' (year, month, week, day, hour, minute, second, millisecond)");
    };
  }
}
