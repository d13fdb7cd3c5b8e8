package dev.apiquery.jdbc;

import dev.apiquery.redact.Redactor;
import dev.apiquery.redact.SecretNames;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Key-aware redaction of options for {@link ConnectionOptions#redactedUrl} and {@link
 * ConnectionOptions#toString}: a secret key's value becomes {@value Redactor#MASK}, the containers
 * are redacted entry by entry, URL-valued options lose their secret query values. The callers then
 * pass the result through the connection's value {@link Redactor} as a safety net for a secret that
 * appears under an innocent name.
 */
final class OptionRedaction {
  private OptionRedaction() {}

  /**
   * {@code text} (a connection string as written) with secret values replaced in place. Quoting,
   * order, repeats and secret references outside secret keys are kept as written.
   */
  static String redactConnectionString(String text) throws SQLException {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (ConnectionStringParser.Segment s :
        ConnectionStringParser.segments(text, "connection URL")) {
      out.append(text, copied, s.rawStart()).append(redactRaw(text, s));
      copied = s.rawEnd();
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static String redactRaw(String text, ConnectionStringParser.Segment s) {
    String raw = text.substring(s.rawStart(), s.rawEnd());
    if (SecretCollector.isSecretKey(s.key())) {
      return Redactor.MASK;
    }
    String value = s.value();
    OptionName.Kind kind =
        OptionName.find(s.key()).map(OptionName::kind).orElse(OptionName.Kind.TEXT);
    String redacted;
    switch (kind) {
      case NESTED -> {
        try {
          redacted = redactConnectionString(value);
        } catch (SQLException e) {
          return Redactor.MASK;
        }
      }
      case HEADERS -> redacted = HeaderLines.redact(value);
      case URL_PARAMS -> redacted = UrlParamList.redact(value);
      default -> redacted = SecretCollector.looksLikeUrl(value) ? Redactor.redactUrl(value) : value;
    }
    if (redacted.equals(value)) {
      return raw;
    }
    if (!s.quoted()) {
      return redacted;
    }
    String q = String.valueOf(s.quote());
    return q + redacted.replace(q, q + q) + q;
  }

  /** A plain option value for display. */
  static String displayValue(String key, String value) {
    if (SecretCollector.isSecretKey(key)) {
      return Redactor.MASK;
    }
    return SecretCollector.looksLikeUrl(value) ? Redactor.redactUrl(value) : value;
  }

  /** {@code ProfileSettings}/{@code Other} for display, as a connection string. */
  static String displayNested(Map<String, String> nested) {
    return nested.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + "="
                    + ConnectionStringParser.quoteIfNeeded(displayValue(e.getKey(), e.getValue())))
        .collect(Collectors.joining(";"));
  }

  /** {@code CustomHeaders} for display, lines separated by a literal {@code \n}. */
  static String displayHeaders(List<Map.Entry<String, String>> headers) {
    return headers.stream()
        .map(h -> h.getKey() + ": " + SecretNames.redactHeaderValue(h.getKey(), h.getValue()))
        .collect(Collectors.joining("\\n"));
  }

  /** {@code CustomUrlParams} for display (decoded values). */
  static String displayUrlParams(List<Map.Entry<String, String>> params) {
    return params.stream()
        .map(
            p ->
                p.getKey()
                    + "="
                    + (SecretNames.isSecretName(p.getKey()) ? Redactor.MASK : p.getValue()))
        .collect(Collectors.joining("&"));
  }
}
