package dev.apiquery.jdbc;

import dev.apiquery.redact.Redactor;
import dev.apiquery.redact.SecretNames;
import dev.apiquery.redact.UrlCodec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code CustomUrlParams} format: a query string {@code a=1&b=2}; {@code ;} also separates
 * (TimeXtender's UI writes it). Names and values are percent-decoded; {@code +} stays a plus,
 * because pasted base64 API keys contain it and {@code %20} says "space" unambiguously. An entry
 * without {@code =} has an empty value.
 */
final class UrlParamList {
  private static final String OPTION = OptionName.CUSTOM_URL_PARAMS.key();

  private UrlParamList() {}

  /** One parameter, decoded (value not yet expanded). */
  record Param(int number, String name, String value) {}

  static List<Param> parse(String text) throws SQLException {
    List<Param> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String[] parts = text.split("[&;]", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = UrlCodec.percentDecode((eq < 0 ? part : part.substring(0, eq)).strip(), false);
      String value = eq < 0 ? "" : UrlCodec.percentDecode(part.substring(eq + 1).strip(), false);
      if (name.isEmpty()) {
        throw new SQLException(
            "Invalid " + OPTION + ": entry " + (i + 1) + " has an empty name before '='",
            ConnectionStringParser.SQLSTATE);
      }
      out.add(new Param(i + 1, name, value));
    }
    return out;
  }

  /** {@code text} with the values of secret parameters replaced, separators kept. */
  static String redact(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '&' || text.charAt(i) == ';') {
        String part = text.substring(start, i);
        int eq = part.indexOf('=');
        if (eq >= 0
            && SecretNames.isSecretName(UrlCodec.percentDecode(part.substring(0, eq), false))) {
          out.append(part, 0, eq + 1).append(Redactor.MASK);
        } else {
          out.append(part);
        }
        if (i < text.length()) {
          out.append(text.charAt(i));
        }
        start = i + 1;
      }
    }
    return out.toString();
  }
}
