package dev.apiquery.profile.script.expr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Reads the date piped into a date formatter. Without an input format it detects the forms APIs
 * and the SQL layer produce: ISO-8601 (a space or {@code T}, optional seconds, fractions and
 * offset), RFC 1123 ({@code Fri, 05 Jan 2024 09:12:00 GMT}) and US {@code MM/dd/yyyy[ HH:mm[:ss]]}.
 * Values with an offset are normalised to UTC; values without one are taken as UTC.
 */
final class DateParsing {
  private DateParsing() {}

  /** 100-nanosecond ticks between 1601-01-01 (Windows file time) and 1970-01-01. */
  private static final long FILE_TIME_EPOCH_SECONDS = 11_644_473_600L;

  private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT);

  private static final List<DateTimeFormatter> DETECTED = List.of(
      LENIENT_ISO,
      DateTimeFormatter.RFC_1123_DATE_TIME,
      DateTimeFormatter.ofPattern("M/d/yyyy[ H:mm[:ss]]", Locale.ROOT));

  /** The moment in {@code value}, read with {@code inputFormat} or, when blank, detected. */
  static ZonedDateTime read(String value, String inputFormat) throws FormatterException {
    String text = value.strip();
    if (inputFormat != null && !inputFormat.isBlank()) {
      if (inputFormat.equals("file")) {
        return fromFileTime(text);
      }
      ZonedDateTime moment = tryRead(text, DatePatterns.formatter(inputFormat));
      if (moment == null) {
        throw new FormatterException("'" + value + "' does not match the date format '"
            + inputFormat + "'");
      }
      return moment;
    }
    for (DateTimeFormatter format : DETECTED) {
      ZonedDateTime moment = tryRead(text, format);
      if (moment != null) {
        return moment;
      }
    }
    throw new FormatterException("'" + value + "' is not a date or date-time (ISO-8601 such as"
        + " yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, RFC 1123, or MM/dd/yyyy; give the input format"
        + " otherwise)");
  }

  private static ZonedDateTime tryRead(String text, DateTimeFormatter format) {
    try {
      TemporalAccessor parsed = format.parseBest(text,
          ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof ZonedDateTime zoned) {
        return zoned.withZoneSameInstant(ZoneOffset.UTC);
      }
      if (parsed instanceof OffsetDateTime offset) {
        return offset.atZoneSameInstant(ZoneOffset.UTC);
      }
      if (parsed instanceof LocalDateTime local) {
        return local.atZone(ZoneOffset.UTC);
      }
      return ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC);
    } catch (DateTimeParseException | ClassCastException e) {
      return null;
    }
  }

  static long toFileTime(Instant instant) {
    return (instant.getEpochSecond() + FILE_TIME_EPOCH_SECONDS) * 10_000_000L
        + instant.getNano() / 100;
  }

  private static ZonedDateTime fromFileTime(String text) throws FormatterException {
    try {
      long ticks = Long.parseLong(text);
      Instant instant = Instant.ofEpochSecond(ticks / 10_000_000L - FILE_TIME_EPOCH_SECONDS,
          (ticks % 10_000_000L) * 100);
      return instant.atZone(ZoneOffset.UTC);
    } catch (NumberFormatException e) {
      throw new FormatterException("'" + text + "' is not a Windows file time");
    }
  }
}
