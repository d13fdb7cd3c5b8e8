package dev.apiquery.jdbc;

import dev.apiquery.jdbc.secret.SecretReferences;
import dev.apiquery.jdbc.secret.SecretResolvers;
import dev.apiquery.redact.Redactor;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The options of one connection (DESIGN 3): parsed from the URL and {@link Properties}, keys
 * case-insensitive, secret references resolved. Immutable; {@link #toString()} is redacted.
 *
 * <p>Precedence: URL entries are read first, then {@code Properties}, so a property wins over a URL
 * entry of the same name (in any case). Among several properties whose names differ only in case,
 * the one that sorts last wins (a {@code Properties} object has no order of its own). Aliases are
 * stored under the option's canonical name ({@code Location} becomes {@code Profile}), so whichever
 * of the two comes last wins.
 *
 * <p>{@link #connectionValues()} holds the options first; keys of {@code ProfileSettings} and then
 * {@code Other} are added only when no option of that name was given, so a profile setting can
 * never silently override what the user set at the top level.
 */
public final class ConnectionOptions {
  /** The driver's URL prefix. */
  public static final String URL_PREFIX = "jdbc:apiquery:";

  private final OptionMap optionMap;
  private final Map<String, String> options;
  private final Map<String, String> profileSettings;
  private final Map<String, String> other;
  private final List<Map.Entry<String, String>> customHeaders;
  private final List<Map.Entry<String, String>> customUrlParams;
  private final Map<String, String> connectionValues;
  private final List<String> secretValues;
  private final Redactor redactor;

  private ConnectionOptions(OptionResolver resolved) {
    this.optionMap = resolved.options;
    this.options = Collections.unmodifiableMap(optionMap);
    this.profileSettings = Collections.unmodifiableMap(resolved.profileSettings);
    this.other = Collections.unmodifiableMap(resolved.other);
    this.customHeaders = List.copyOf(resolved.headers);
    this.customUrlParams = List.copyOf(resolved.urlParams);
    this.secretValues = resolved.secrets.values();
    this.redactor = new Redactor(secretValues);
    this.connectionValues = Collections.unmodifiableMap(buildConnectionValues());
  }

  /**
   * @param urlSuffix the text after {@code jdbc:apiquery:} (may be empty)
   * @param info properties passed to {@code DriverManager.getConnection}; they win over the URL
   * @throws java.sql.SQLException (SQLState 08001) naming the option when a value or a secret
   *     reference is invalid; the message never contains a secret
   */
  public static ConnectionOptions parse(String urlSuffix, Properties info)
      throws java.sql.SQLException {
    return parse(urlSuffix, info, SecretResolvers.defaults());
  }

  /** As {@link #parse(String, Properties)} with a given set of secret resolvers. */
  public static ConnectionOptions parse(
      String urlSuffix, Properties info, SecretResolvers resolvers) throws SQLException {
    OptionMap raw = new OptionMap();
    for (ConnectionStringParser.Segment s :
        ConnectionStringParser.segments(urlSuffix, "connection URL")) {
      raw.put(OptionName.canonical(s.key()), s.value());
    }
    for (Map.Entry<String, String> e : propertiesInOrder(info).entrySet()) {
      raw.put(
          OptionName.canonical(e.getKey().strip()), ConnectionStringParser.unquote(e.getValue()));
    }
    OptionResolver resolver = new OptionResolver(new SecretReferences.Expander(resolvers));
    resolver.resolve(raw);
    ConnectionOptions result = new ConnectionOptions(resolver);
    result.checkNumbers();
    return result;
  }

  /** String-valued entries (defaults included), sorted so that case-duplicates resolve alike. */
  private static Map<String, String> propertiesInOrder(Properties info) {
    Map<String, String> sorted = new TreeMap<>();
    if (info == null) {
      return sorted;
    }
    for (String name : info.stringPropertyNames()) {
      sorted.put(name, info.getProperty(name));
    }
    // Properties.put(key, 30) is a common slip; such entries are invisible to getProperty
    for (Map.Entry<Object, Object> e : info.entrySet()) {
      if (e.getKey() instanceof String
          && e.getValue() != null
          && !(e.getValue() instanceof String)) {
        sorted.put((String) e.getKey(), String.valueOf(e.getValue()));
      }
    }
    sorted.keySet().removeIf(String::isBlank);
    return sorted;
  }

  /** Numeric options fail when the connection opens, not at the first request. */
  private void checkNumbers() throws SQLException {
    for (OptionName option : OptionName.values()) {
      if (option.kind() == OptionName.Kind.INT) {
        getInt(option.key(), 0);
      } else if (option.kind() == OptionName.Kind.NUMBER) {
        getDouble(option.key(), 0);
      }
    }
  }

  private Map<String, String> buildConnectionValues() {
    OptionMap values = new OptionMap();
    values.putAll(options);
    for (OptionName option : OptionName.values()) {
      String value = options.get(option.key());
      for (String alias : option.aliases()) {
        if (value != null) {
          values.put(alias, value);
        }
      }
    }
    profileSettings.forEach(values::putIfAbsent);
    other.forEach(values::putIfAbsent);
    return values;
  }

  /** The value of an option (case-insensitive key), or null when unset or empty. */
  public String get(String key) {
    String value = options.get(OptionName.canonical(key));
    return value == null || value.isEmpty() ? null : value;
  }

  /** The value of an option, or its documented default (null when it has none). */
  public String get(OptionName option) {
    String value = get(option.key());
    return value != null ? value : option.defaultValue();
  }

  /**
   * The value of {@code key} as a profile sees it: the option, else the {@code ProfileSettings}
   * key, else the {@code Other} key; null when unset or empty. CData profiles put settings such as
   * {@code AuthScheme} inside {@code ProfileSettings}.
   */
  public String effective(String key) {
    String value = connectionValues.get(OptionName.canonical(key));
    return value == null || value.isEmpty() ? null : value;
  }

  /** An integer option with a default; a value that is not a number fails with the option name. */
  public int getInt(String key, int defaultValue) throws java.sql.SQLException {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw notANumber(key, value, "a whole number");
    }
  }

  /** An integer option with its documented default (0 when it has none). */
  public int getInt(OptionName option) throws SQLException {
    String def = option.defaultValue();
    return getInt(option.key(), def == null ? 0 : Integer.parseInt(def));
  }

  /** A decimal option with a default; a value that is not a number fails with the option name. */
  public double getDouble(String key, double defaultValue) throws SQLException {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      double d = Double.parseDouble(value.strip());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw notANumber(key, value, "a number");
    }
  }

  private SQLException notANumber(String key, String value, String what) {
    String spelling = optionMap.spelling(OptionName.canonical(key));
    String name = spelling != null ? spelling : key;
    // the value is quoted only when it cannot be a secret
    String shown =
        SecretCollector.isSecretKey(key) || value.length() > 40
            ? ""
            : ", not '" + redactor.redact(value) + "'";
    return new SQLException(
        "Option " + name + " must be " + what + shown, ConnectionStringParser.SQLSTATE);
  }

  /**
   * The values a profile sees as {@code [_connection.x]}: every option, then every key of {@code
   * ProfileSettings} and {@code Other}. Case-insensitive keys.
   */
  public Map<String, String> connectionValues() {
    return connectionValues;
  }

  /** The keys of {@code ProfileSettings}, resolved. Case-insensitive keys. */
  public Map<String, String> profileSettings() {
    return profileSettings;
  }

  /** The keys of {@code Other}, resolved. Case-insensitive keys. */
  public Map<String, String> other() {
    return other;
  }

  /** Every option given (resolved, canonical names for known options). Case-insensitive keys. */
  public Map<String, String> asMap() {
    return options;
  }

  /** Parsed {@code CustomHeaders}, in order. */
  public List<Map.Entry<String, String>> customHeaders() {
    return customHeaders;
  }

  /** Parsed {@code CustomUrlParams} (decoded names and values), in order. */
  public List<Map.Entry<String, String>> customUrlParams() {
    return customUrlParams;
  }

  /** Every resolved value that is a secret (DESIGN 8), for redaction. */
  public List<String> secretValues() {
    return secretValues;
  }

  /** A redactor that hides {@link #secretValues()}. */
  public Redactor redactor() {
    return redactor;
  }

  /** The connection URL with every secret value shown as {@code ***}. */
  public String redactedUrl(String originalUrl) {
    if (originalUrl == null) {
      return null;
    }
    String prefix = "";
    String suffix = originalUrl;
    if (originalUrl.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length())) {
      prefix = originalUrl.substring(0, URL_PREFIX.length());
      suffix = originalUrl.substring(URL_PREFIX.length());
    }
    String redacted;
    try {
      redacted = OptionRedaction.redactConnectionString(suffix);
    } catch (SQLException e) {
      // not a URL we can read: showing nothing of it is the only safe choice
      redacted = Redactor.MASK;
    }
    return redactor.redact(prefix + redacted);
  }

  /** {@code ConnectionOptions{Key=value; ...}} with every secret shown as {@code ***}. */
  @Override
  public String toString() {
    String body =
        options.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "="
                        + ConnectionStringParser.quoteIfNeeded(display(e.getKey(), e.getValue())))
            .collect(Collectors.joining("; "));
    return redactor.redact("ConnectionOptions{" + body + "}");
  }

  private String display(String key, String value) {
    OptionName.Kind kind = OptionName.find(key).map(OptionName::kind).orElse(OptionName.Kind.TEXT);
    return switch (kind) {
      case NESTED ->
          OptionRedaction.displayNested(
              key.toLowerCase(Locale.ROOT).equals("other") ? other : profileSettings);
      case HEADERS -> OptionRedaction.displayHeaders(customHeaders);
      case URL_PARAMS -> OptionRedaction.displayUrlParams(customUrlParams);
      default -> OptionRedaction.displayValue(key, value);
    };
  }
}
