package dev.apiquery.profile.script.expr;

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
import java.util.Locale;

/**
 * The {@code todate(format[, inputFormat])} formatter: reads an ISO date or date-time (what the
 * SQL layer passes for DATE and TIMESTAMP inputs) and writes it with a {@link DateTimeFormatter}
 * pattern. Values with an offset are normalised to UTC first, as everywhere in the driver.
 */
final class DateFormatting {
  private DateFormatting() {}

  /**
   * ISO-8601 with the lenient spellings APIs and JDBC produce: a space instead of {@code T},
   * optional seconds and fractions, offsets as {@code Z}, {@code +01:00} or {@code +0100}.
   */
  private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart()
      .appendLiteral('T')
      .optionalEnd()
      .optionalStart()
      .appendLiteral(' ')
      .optionalEnd()
      .optionalStart()
      .appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart()
      .appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd()
      .optionalEnd()
      .optionalStart()
      .appendOffset("+HH:MM", "Z")
      .optionalEnd()
      .optionalStart()
      .appendOffset("+HHMM", "Z")
      .optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT);

  /** Fails early, at load time, on a pattern Java cannot use. */
  static DateTimeFormatter pattern(String pattern) throws FormatterException {
    try {
      return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new FormatterException("invalid date pattern '" + pattern + "': " + e.getMessage());
    }
  }

  static String format(String value, String outputPattern, String inputPattern)
      throws FormatterException {
    if (value.isBlank()) {
      return "";
    }
    DateTimeFormatter input = inputPattern == null || inputPattern.isEmpty()
        ? LENIENT_ISO : pattern(inputPattern);
    ZonedDateTime moment = read(value.trim(), input);
    try {
      return pattern(outputPattern).format(moment);
    } catch (java.time.DateTimeException e) {
      throw new FormatterException("cannot format '" + value + "' with '" + outputPattern + "': "
          + e.getMessage());
    }
  }

  private static ZonedDateTime read(String value, DateTimeFormatter input)
      throws FormatterException {
    try {
      TemporalAccessor parsed = input.parseBest(value,
          OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof OffsetDateTime offset) {
        return offset.atZoneSameInstant(ZoneOffset.UTC);
      }
      if (parsed instanceof LocalDateTime local) {
        return local.atZone(ZoneOffset.UTC);
      }
      return ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC);
    } catch (DateTimeParseException | ClassCastException e) {
      throw new FormatterException("'" + value + "' is not a date or date-time"
          + (input == LENIENT_ISO ? " in ISO-8601 form (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)" : ""));
    }
  }
}
