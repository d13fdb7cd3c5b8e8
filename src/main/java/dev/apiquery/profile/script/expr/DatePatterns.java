package dev.apiquery.profile.script.expr;

import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Date format strings as CData writes them: .NET custom patterns ({@code yyyy-MM-dd'T'HH:mm:ss},
 * {@code fff}, {@code zzz}, {@code tt}, {@code dddd}), .NET standard one-letter specifiers
 * ({@code s}, {@code r}, {@code d}...) and CData's {@code file} (Windows file time). Letters that
 * are not pattern letters are literal, as in .NET ({@code yyyy-MM-ddTHH}). Java's own letters
 * for fractions, offsets and day names ({@code SSS}, {@code XXX}, {@code EEE}, {@code a}) are
 * kept, so Java-style patterns work too. Day and month names are English (.NET's invariant culture).
 */
final class DatePatterns {
  private DatePatterns() {}

  /** CData's default output: ISO-8601 with an offset (UTC, so {@code +00:00}). */
  static final String DEFAULT_OUTPUT = "yyyy-MM-dd'T'HH:mm:sszzz";

  private static final String JAVA_LETTERS = "yMdHhmsSEaXxZGuwWDkK";

  /** Writes {@code moment} (UTC) in {@code format}. */
  static String format(ZonedDateTime moment, String format) throws FormatterException {
    if (format.equals("file")) {
      return String.valueOf(DateParsing.toFileTime(moment.toInstant()));
    }
    try {
      return formatter(format).format(moment);
    } catch (DateTimeException e) {
      throw new FormatterException("cannot write a date with '" + format + "': " + e.getMessage());
    }
  }

  /** The formatter for a pattern or standard specifier; fails on a pattern Java cannot use. */
  static DateTimeFormatter formatter(String format) throws FormatterException {
    String pattern = format.length() == 1 ? standard(format.charAt(0)) : null;
    try {
      return DateTimeFormatter.ofPattern(pattern != null ? pattern : translate(format), Locale.ENGLISH);
    } catch (IllegalArgumentException e) {
      throw new FormatterException("invalid date pattern '" + format + "': " + e.getMessage());
    }
  }

  /** .NET standard format specifiers, invariant culture. */
  private static String standard(char specifier) {
    return switch (specifier) {
      case 'd' -> "MM/dd/yyyy";
      case 'D' -> "EEEE, dd MMMM yyyy";
      case 'f' -> "EEEE, dd MMMM yyyy HH:mm";
      case 'F' -> "EEEE, dd MMMM yyyy HH:mm:ss";
      case 'g' -> "MM/dd/yyyy HH:mm";
      case 'G' -> "MM/dd/yyyy HH:mm:ss";
      case 'r', 'R' -> "EEE, dd MMM yyyy HH:mm:ss 'GMT'";
      case 's' -> "yyyy-MM-dd'T'HH:mm:ss";
      case 'u' -> "yyyy-MM-dd HH:mm:ss'Z'";
      case 't' -> "HH:mm";
      case 'T' -> "HH:mm:ss";
      case 'o', 'O' -> "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx";
      default -> null;
    };
  }

  /** A .NET custom pattern as a Java one. */
  static String translate(String format) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c == '\'' || c == '"') {
        int end = format.indexOf(c, i + 1);
        end = end < 0 ? format.length() : end;
        appendLiteral(out, format.substring(i + 1, end));
        i = end + 1;
        continue;
      }
      if (c == '\\' && i + 1 < format.length()) {
        appendLiteral(out, format.substring(i + 1, i + 2));
        i += 2;
        continue;
      }
      int run = i;
      while (run < format.length() && format.charAt(run) == c) {
        run++;
      }
      out.append(token(c, run - i));
      i = run;
    }
    return out.toString();
  }

  private static String token(char letter, int count) {
    String run = String.valueOf(letter).repeat(count);
    return switch (letter) {
      case 'f', 'F' -> "S".repeat(count);
      case 'z' -> count >= 3 ? "xxx" : "x";
      case 'K' -> "XXX";
      case 't' -> "a";
      case 'g' -> "G";
      case 'd' -> count >= 4 ? "EEEE" : count == 3 ? "EEE" : run;
      default -> Character.isLetter(letter) && JAVA_LETTERS.indexOf(letter) < 0
          ? "'" + run + "'" : run;
    };
  }

  private static void appendLiteral(StringBuilder out, String text) {
    if (text.isEmpty()) {
      return;
    }
    out.append('\'').append(text.replace("'", "''")).append('\'');
  }
}
