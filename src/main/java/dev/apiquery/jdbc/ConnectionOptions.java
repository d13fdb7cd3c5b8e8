package dev.apiquery.jdbc;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The options of one connection (DESIGN 3): parsed from the URL and {@link Properties}, keys
 * case-insensitive, secret references resolved. Immutable; {@link #toString()} is redacted.
 */
public final class ConnectionOptions {
  /**
   * @param urlSuffix the text after {@code jdbc:apiquery:} (may be empty)
   * @param info properties passed to {@code DriverManager.getConnection}; they win over the URL
   * @throws java.sql.SQLException (SQLState 08001) naming the option when a value or a secret
   *     reference is invalid; the message never contains a secret
   */
  public static ConnectionOptions parse(String urlSuffix, Properties info) throws java.sql.SQLException {
    throw new UnsupportedOperationException("TODO");
  }

  /** The value of an option (case-insensitive key), or null when unset or empty. */
  public String get(String key) {
    throw new UnsupportedOperationException("TODO");
  }

  /** An integer option with a default; a value that is not a number fails with the option name. */
  public int getInt(String key, int defaultValue) throws java.sql.SQLException {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The values a profile sees as {@code [_connection.x]}: every option, then every key of
   * {@code ProfileSettings} and {@code Other}. Case-insensitive keys.
   */
  public Map<String, String> connectionValues() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Parsed {@code CustomHeaders}, in order. */
  public List<Map.Entry<String, String>> customHeaders() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Parsed {@code CustomUrlParams} (decoded names and values), in order. */
  public List<Map.Entry<String, String>> customUrlParams() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Every resolved value that is a secret (DESIGN 8), for redaction. */
  public List<String> secretValues() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The connection URL with every secret value shown as {@code ***}. */
  public String redactedUrl(String originalUrl) {
    throw new UnsupportedOperationException("TODO");
  }
}
