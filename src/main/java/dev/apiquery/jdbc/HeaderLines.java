package dev.apiquery.jdbc;

import dev.apiquery.redact.Redactor;
import dev.apiquery.redact.SecretNames;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code CustomHeaders} format: {@code Name: value}, one header per line. Lines are separated
 * by CRLF, CR, LF, or the two characters {@code \n} (a URL cannot hold a real line break; a literal
 * {@code \r\n} works too). Blank lines are skipped. Errors name the line number, never its text,
 * because header values are often credentials.
 */
final class HeaderLines {
  private static final Pattern SEPARATOR = Pattern.compile("\\r\\n|\\r|\\n|\\\\r\\\\n|\\\\n");
  private static final String OPTION = OptionName.CUSTOM_HEADERS.key();

  private HeaderLines() {}

  /** One header as written (value not yet expanded). */
  record Line(int number, String name, String value) {}

  static List<Line> parse(String text) throws SQLException {
    List<Line> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String[] lines = SEPARATOR.split(text, -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int number = i + 1;
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw error(number, "has no ':' (expected 'Name: value')");
      }
      String name = line.substring(0, colon).strip();
      if (name.isEmpty()) {
        throw error(number, "has an empty header name");
      }
      if (!isToken(name)) {
        throw error(number, "has a header name that is not a valid HTTP token");
      }
      out.add(new Line(number, name, line.substring(colon + 1).strip()));
    }
    return out;
  }

  /** Checks an expanded value: a control character would split or corrupt the request. */
  static void checkValue(Line line, String value) throws SQLException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        throw error(line.number(), "(" + line.name() + ") has a control character in its value");
      }
    }
  }

  /** {@code text} with the values of secret headers replaced, separators kept. */
  static String redact(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Matcher m = SEPARATOR.matcher(text);
    int start = 0;
    while (m.find()) {
      out.append(redactLine(text.substring(start, m.start()))).append(m.group());
      start = m.end();
    }
    out.append(redactLine(text.substring(start)));
    return out.toString();
  }

  private static String redactLine(String line) {
    if (line.isBlank()) {
      return line;
    }
    int colon = line.indexOf(':');
    if (colon < 0) {
      return Redactor.MASK; // malformed: the whole line may be a value
    }
    String name = line.substring(0, colon).strip();
    String value = line.substring(colon + 1).strip();
    String shown = SecretNames.redactHeaderValue(name, value);
    return shown.equals(value) ? line : line.substring(0, colon + 1) + " " + shown;
  }

  private static boolean isToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          c >= '0' && c <= '9'
              || c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static SQLException error(int line, String problem) {
    return new SQLException(
        "Invalid " + OPTION + ": line " + line + " " + problem, ConnectionStringParser.SQLSTATE);
  }
}
