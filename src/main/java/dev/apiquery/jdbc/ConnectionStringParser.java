package dev.apiquery.jdbc;

import dev.apiquery.redact.SecretNames;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Parses CData connection strings, {@code Key=Value;Key=Value;...} (DESIGN 3, rsd-spec 5). Used for
 * the URL suffix and for the nested {@code ProfileSettings} and {@code Other} strings.
 *
 * <ul>
 *   <li>Keys ignore case; when a key repeats, the last value and its spelling win.
 *   <li>Whitespace around keys and values is trimmed; inside quotes it is kept.
 *   <li>A value wrapped in {@code '...'} or {@code "..."} may hold {@code ;} and {@code =}; one
 *       level of quotes is removed and a doubled quote inside stands for one quote ({@code 'it''s'}
 *       is {@code it's}). Text after the closing quote is an error, because it almost always means
 *       a quote inside the value was not doubled.
 *   <li>An unquoted value runs to the next {@code ;}; it may contain {@code =} (the segment is
 *       split at its first {@code =}) and quotes that do not start it.
 *   <li>Empty segments ({@code ;;}, a trailing {@code ;}) are ignored.
 * </ul>
 *
 * Errors are {@link SQLException}s with SQLState {@code 08001}. They name the key (never its
 * value); a segment without {@code =} is quoted only when it does not look like a secret.
 */
public final class ConnectionStringParser {
  /** SQLState for "cannot establish connection": bad URL or option. */
  public static final String SQLSTATE = "08001";

  private ConnectionStringParser() {}

  /**
   * One {@code Key=Value} segment as written, with where its raw value sits in the text (so that a
   * URL can be redacted in place).
   *
   * @param key the trimmed key
   * @param value the value, trimmed and unquoted
   * @param rawStart index of the first character of the raw value (its opening quote if quoted)
   * @param rawEnd index just past the raw value (past its closing quote if quoted)
   * @param quote the quote character used, or 0 when the value was not quoted
   */
  public record Segment(String key, String value, int rawStart, int rawEnd, char quote) {
    public boolean quoted() {
      return quote != 0;
    }
  }

  /** Parses {@code text} into an ordered, case-insensitive map (last repeat wins). */
  public static Map<String, String> parse(String text) throws SQLException {
    return parse(text, "connection string");
  }

  /**
   * As {@link #parse(String)}, naming {@code what} (for example {@code "option ProfileSettings"})
   * in error messages.
   */
  public static Map<String, String> parse(String text, String what) throws SQLException {
    OptionMap map = new OptionMap();
    for (Segment segment : segments(text, what)) {
      map.put(segment.key(), segment.value());
    }
    return Collections.unmodifiableMap(map);
  }

  /** Every segment in order, repeats included. */
  public static List<Segment> segments(String text, String what) throws SQLException {
    List<Segment> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int n = text.length();
    int i = 0;
    int number = 0;
    while (i < n) {
      i = skipWhitespace(text, i);
      if (i >= n) {
        break;
      }
      if (text.charAt(i) == ';') {
        i++;
        continue;
      }
      number++;
      int semicolon = indexOf(text, ';', i);
      int equals = indexOf(text, '=', i);
      if (equals > semicolon || equals < 0) {
        throw new SQLException(
            "Invalid "
                + what
                + ": segment "
                + number
                + " "
                + describeSegment(text.substring(i, semicolon).strip(), out)
                + " has no '=' (expected Key=Value; quote a value that contains ';')",
            SQLSTATE);
      }
      String key = text.substring(i, equals).strip();
      if (key.isEmpty()) {
        throw new SQLException(
            "Invalid " + what + ": segment " + number + " has an empty name before '='", SQLSTATE);
      }
      i = skipWhitespace(text, equals + 1);
      if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
        char quote = text.charAt(i);
        int start = i;
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new SQLException(
                "Invalid " + what + ": the value of " + key + " has no closing " + quote, SQLSTATE);
          }
          char c = text.charAt(i);
          if (c == quote) {
            if (i + 1 < n && text.charAt(i + 1) == quote) {
              value.append(quote);
              i += 2;
              continue;
            }
            i++;
            break;
          }
          value.append(c);
          i++;
        }
        int end = i;
        i = skipWhitespace(text, i);
        if (i < n && text.charAt(i) != ';') {
          throw new SQLException(
              "Invalid "
                  + what
                  + ": unexpected text after the closing quote of "
                  + key
                  + " (double a quote that is part of the value: '' or \"\")",
              SQLSTATE);
        }
        out.add(new Segment(key, value.toString(), start, end, quote));
        i++;
      } else {
        int end = indexOf(text, ';', i);
        int rawEnd = end;
        while (rawEnd > i && Character.isWhitespace(text.charAt(rawEnd - 1))) {
          rawEnd--;
        }
        out.add(new Segment(key, text.substring(i, rawEnd), i, rawEnd, (char) 0));
        i = end + 1;
      }
    }
    return out;
  }

  /**
   * Removes one level of matching outer quotes and un-doubles the quote inside, the way a quoted
   * URL value is read. For values passed in {@link java.util.Properties}: CData's own samples quote
   * them ({@code "'APIKey=...;'"}). Anything else is returned trimmed and unchanged.
   */
  public static String unquote(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.length() >= 2) {
      char first = v.charAt(0);
      if ((first == '\'' || first == '"') && v.charAt(v.length() - 1) == first) {
        String q = String.valueOf(first);
        return v.substring(1, v.length() - 1).replace(q + q, q);
      }
    }
    return v;
  }

  /** Quotes a value when it would not read back unchanged unquoted. */
  public static String quoteIfNeeded(String value) {
    if (value.isEmpty()) {
      return value;
    }
    boolean needs =
        value.indexOf(';') >= 0
            || value.charAt(0) == '\''
            || value.charAt(0) == '"'
            || Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(value.length() - 1));
    if (!needs) {
      return value;
    }
    char quote = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
    String q = String.valueOf(quote);
    return quote + value.replace(q, q + q) + quote;
  }

  /** Formats entries as a connection string that {@link #parse} reads back. */
  public static String format(Map<String, String> entries) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      if (out.length() > 0) {
        out.append(';');
      }
      out.append(e.getKey()).append('=').append(quoteIfNeeded(e.getValue()));
    }
    return out.toString();
  }

  /**
   * Names a malformed segment in an error. The usual cause is an unquoted {@code ;} inside the
   * previous value, so the segment is then the tail of that value: it is quoted only when neither
   * it nor the previous key can hold a secret (a container such as {@code CustomHeaders} can).
   */
  private static String describeSegment(String segment, List<Segment> before) {
    String previousKey = before.isEmpty() ? null : before.get(before.size() - 1).key();
    boolean risky =
        SecretNames.isSecretName(segment)
            || segment.length() > 60
            || previousKey != null
                && (SecretNames.isSecretName(previousKey) || OptionName.isContainer(previousKey));
    if (!risky) {
      return "'" + segment + "'";
    }
    return previousKey == null ? "(value not shown)" : "(after " + previousKey + "=..., not shown)";
  }

  private static int skipWhitespace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int indexOf(String text, char c, int from) {
    int at = text.indexOf(c, from);
    return at < 0 && c == ';' ? text.length() : at;
  }
}
