package dev.apiquery.builder;

import dev.apiquery.jdbc.ConnectionOptions;
import dev.apiquery.jdbc.ConnectionStringParser;
import dev.apiquery.jdbc.OptionName;
import dev.apiquery.redact.Redactor;
import dev.apiquery.redact.SecretNames;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Splits what {@code profile new} was given into what the profile file may hold and what must stay
 * a connection option. Secret headers ({@code Authorization}, {@code X-Api-Key}, ...) become
 * {@code CustomHeaders} and secret parameters ({@code api_key=...}) {@code CustomUrlParams}; the
 * URL printed for the user holds every literal secret as an {@code ${env:NAME}} reference (a
 * reference the user gave stays as given), so no secret is written or shown.
 */
public final class ConnectionPlan {
  private final Map<String, String> options;
  private final List<Map.Entry<String, String>> profileHeaders = new ArrayList<>();
  private final List<Map.Entry<String, String>> secretHeaders = new ArrayList<>();
  private final List<Map.Entry<String, String>> secretParams = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();

  /**
   * @param optionsText {@code --options}: connection options in URL syntax, or null
   * @param headers {@code --header}s
   * @param secretParams the {@code --param}s and URL parameters whose names mark a secret
   * @throws BuilderException when the options cannot be read (the message shows no value)
   */
  public ConnectionPlan(String optionsText, List<Map.Entry<String, String>> headers,
      List<Map.Entry<String, String>> secretParams) throws BuilderException {
    try {
      this.options = new LinkedHashMap<>(ConnectionStringParser.parse(optionsText == null ? "" : optionsText,
          "--options"));
    } catch (SQLException e) {
      throw new BuilderException(e.getMessage(), e);
    }
    // CustomHeaders and CustomUrlParams given in --options stay connection options, with the
    // secret ones from --header and --param added to them
    String givenHeaders = remove(OptionName.CUSTOM_HEADERS);
    if (givenHeaders != null) {
      for (String line : givenHeaders.split("\\r\\n|\\n|\\\\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          secretHeaders.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
      }
    }
    for (Map.Entry<String, String> h : headers) {
      (SecretNames.isSecretHeader(h.getKey()) ? secretHeaders : profileHeaders).add(h);
    }
    String givenParams = remove(OptionName.CUSTOM_URL_PARAMS);
    if (givenParams != null) {
      for (String pair : givenParams.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          this.secretParams.add(Map.entry(pair.substring(0, eq), pair.substring(eq + 1)));
        }
      }
    }
    this.secretParams.addAll(secretParams);
  }

  private String remove(OptionName option) {
    String found = null;
    for (String key : List.copyOf(options.keySet())) {
      if (key.equalsIgnoreCase(option.key())) {
        found = options.remove(key);
      }
    }
    return found;
  }

  /** Headers the profile file may hold ({@code Accept}, API versions): none carries a secret. */
  public List<Map.Entry<String, String>> profileHeaders() {
    return List.copyOf(profileHeaders);
  }

  /** The options a connection needs, with their real values: for sampling and the preview. */
  public Properties properties(Map<String, String> settings) {
    Properties props = new Properties();
    options.forEach(props::setProperty);
    settings.forEach(props::setProperty);
    if (!secretHeaders.isEmpty()) {
      props.setProperty(OptionName.CUSTOM_HEADERS.key(), headerLines(secretHeaders, "\n"));
    }
    if (!secretParams.isEmpty()) {
      props.setProperty(OptionName.CUSTOM_URL_PARAMS.key(), queryText(secretParams));
    }
    return props;
  }

  /** {@link #properties} parsed as a connection would, secret references resolved. */
  public ConnectionOptions connectionOptions(Map<String, String> settings) throws BuilderException {
    try {
      return ConnectionOptions.parse("", properties(settings));
    } catch (SQLException e) {
      throw new BuilderException(e.getMessage(), e);
    }
  }

  /**
   * The URL to give a SQL client: the profile, the options and settings, and every literal secret
   * replaced by an {@code ${env:NAME}} reference ({@link #environment()} lists them).
   */
  public String jdbcUrl(String profile, Map<String, String> settings) {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put(OptionName.PROFILE.key(), profile);
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey();
      shown.put(key, OptionName.isContainer(key) ? nested(e.getValue()) : shown(key, e.getValue()));
    }
    shown.putAll(settings);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> h : secretHeaders) {
      headers.add(Map.entry(h.getKey(), shown(h.getKey(), h.getValue())));
    }
    if (!headers.isEmpty()) {
      shown.put(OptionName.CUSTOM_HEADERS.key(), headerLines(headers, "\\n"));
    }
    List<Map.Entry<String, String>> params = new ArrayList<>();
    for (Map.Entry<String, String> p : secretParams) {
      params.add(Map.entry(p.getKey(), shown(p.getKey(), p.getValue())));
    }
    if (!params.isEmpty()) {
      shown.put(OptionName.CUSTOM_URL_PARAMS.key(), queryText(params));
    }
    StringBuilder url = new StringBuilder(ConnectionOptions.URL_PREFIX);
    for (Map.Entry<String, String> e : shown.entrySet()) {
      String value = e.getValue();
      // header lines read best quoted, though only a ';' requires it
      boolean quote = e.getKey().equals(OptionName.CUSTOM_HEADERS.key()) && !value.contains("'");
      url.append(url.length() == ConnectionOptions.URL_PREFIX.length() ? "" : ";").append(e.getKey()).append('=')
          .append(quote ? "'" + value + "'" : ConnectionStringParser.quoteIfNeeded(value));
    }
    return url.toString();
  }

  /** The environment variables the printed URL refers to, with what each must hold. */
  public Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  private String nested(String value) {
    try {
      Map<String, String> entries = new LinkedHashMap<>();
      ConnectionStringParser.parse(value, "nested option").forEach((k, v) -> entries.put(k, shown(k, v)));
      return ConnectionStringParser.format(entries);
    } catch (SQLException e) {
      return Redactor.MASK;
    }
  }

  /** A secret literal becomes {@code ${env:NAME}}; references and other values stay. */
  private String shown(String key, String value) {
    boolean secret = OptionName.find(key).map(OptionName::isSecret).orElse(false)
        || SecretNames.isSecretName(key) || SecretNames.isSecretHeader(key);
    if (!secret || value.contains("${")) {
      return value;
    }
    String name = environmentName(key);
    environment.put(name, "the value given for " + key);
    return "${env:" + name + "}";
  }

  /** {@code X-Api-Key} gives {@code X_API_KEY}, {@code OAuthClientSecret} {@code OAUTH_CLIENT_SECRET}. */
  static String environmentName(String key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        c = '_';
      } else if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(key.charAt(i - 1))) {
        out.append('_');
      }
      if (c != '_' || (out.length() > 0 && out.charAt(out.length() - 1) != '_')) {
        out.append(c);
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  private static String headerLines(List<Map.Entry<String, String>> headers, String separator) {
    return headers.stream().map(h -> h.getKey() + ": " + h.getValue()).collect(Collectors.joining(separator));
  }

  private static String queryText(List<Map.Entry<String, String>> params) {
    return params.stream().map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining("&"));
  }
}
