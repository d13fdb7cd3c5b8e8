package dev.apiquery.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of DESIGN 3, with their defaults. Lookup ignores case and knows aliases ({@code
 * Location} is {@code Profile}). Options not listed here are still accepted and kept.
 */
public enum OptionName {
  PROFILE("Profile", Kind.TEXT, null, false, "Location"),
  PROFILE_SETTINGS("ProfileSettings", Kind.NESTED, null, false),
  SCHEMA("Schema", Kind.TEXT, null, false),
  CUSTOM_HEADERS("CustomHeaders", Kind.HEADERS, null, false),
  CUSTOM_URL_PARAMS("CustomUrlParams", Kind.URL_PARAMS, null, false),
  AUTH_SCHEME("AuthScheme", Kind.TEXT, "None", false),
  INITIATE_OAUTH("InitiateOAuth", Kind.TEXT, "REFRESH", false),
  OAUTH_GRANT_TYPE("OAuthGrantType", Kind.TEXT, "REFRESH", false),
  OAUTH_CLIENT_ID("OAuthClientId", Kind.TEXT, null, false),
  OAUTH_CLIENT_SECRET("OAuthClientSecret", Kind.TEXT, null, true),
  OAUTH_REFRESH_TOKEN("OAuthRefreshToken", Kind.TEXT, null, true),
  OAUTH_ACCESS_TOKEN("OAuthAccessToken", Kind.TEXT, null, true),
  SCOPE("Scope", Kind.TEXT, null, false),
  /** Extra token-request parameters; secret because they may carry client assertions. */
  OAUTH_PARAMS("OAuthParams", Kind.TEXT, null, true),
  OAUTH_ACCESS_TOKEN_URL("OAuthAccessTokenURL", Kind.TEXT, null, false),
  OAUTH_REFRESH_TOKEN_URL("OAuthRefreshTokenURL", Kind.TEXT, null, false),
  OAUTH_PASSWORD_GRANT_MODE("OAuthPasswordGrantMode", Kind.TEXT, "POST", false),
  OAUTH_REFRESH_POLICY("OAuthRefreshPolicy", Kind.TEXT, "BEFORE_EXPIRY", false),
  OAUTH_REFRESH_SKEW("OAuthRefreshSkew", Kind.INT, "60", false),
  /** The default ({@code memory://} + a hash of client id and token URL) is computed by auth. */
  OAUTH_SETTINGS_LOCATION("OAuthSettingsLocation", Kind.TEXT, null, false),
  TIMEOUT("Timeout", Kind.INT, "60", false),
  MAX_RETRIES("MaxRetries", Kind.INT, "4", false),
  MAX_RETRY_WAIT("MaxRetryWait", Kind.INT, "120", false),
  /** Requests per second per host; a fraction such as {@code 0.5} is allowed. */
  RATE_LIMIT("RateLimit", Kind.NUMBER, "0", false),
  MAX_CONCURRENT_REQUESTS("MaxConcurrentRequests", Kind.INT, "4", false),
  MAX_PAGES("MaxPages", Kind.INT, "100000", false),
  ALLOWED_HOSTS("AllowedHosts", Kind.TEXT, null, false),
  LOGFILE("Logfile", Kind.TEXT, null, false),
  VERBOSITY("Verbosity", Kind.INT, "1", false),
  PROXY_SERVER("ProxyServer", Kind.TEXT, null, false),
  PROXY_PORT("ProxyPort", Kind.INT, null, false),
  PROXY_USER("ProxyUser", Kind.TEXT, null, false),
  PROXY_PASSWORD("ProxyPassword", Kind.TEXT, null, true),
  SSL_SERVER_CERT("SSLServerCert", Kind.TEXT, null, false),
  USER("User", Kind.TEXT, null, false),
  PASSWORD("Password", Kind.TEXT, null, true),
  OTHER("Other", Kind.NESTED, null, false);

  /** How a value is read. */
  public enum Kind {
    TEXT,
    /** A whole number, checked when the connection opens. */
    INT,
    /** A decimal number, checked when the connection opens. */
    NUMBER,
    /** A nested {@code k=v;k=v} connection string ({@code ProfileSettings}, {@code Other}). */
    NESTED,
    /** {@code Name: value} lines. */
    HEADERS,
    /** A query string {@code a=1&b=2}. */
    URL_PARAMS
  }

  private static final Map<String, OptionName> BY_NAME = new HashMap<>();

  static {
    for (OptionName option : values()) {
      BY_NAME.put(OptionMap.fold(option.key), option);
      for (String alias : option.aliases) {
        BY_NAME.put(OptionMap.fold(alias), option);
      }
    }
  }

  private final String key;
  private final Kind kind;
  private final String defaultValue;
  private final boolean secret;
  private final List<String> aliases;

  OptionName(String key, Kind kind, String defaultValue, boolean secret, String... aliases) {
    this.key = key;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.secret = secret;
    this.aliases = List.of(aliases);
  }

  /** The canonical spelling, as documented. */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** The documented default, or null when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** Whether the value is a secret (DESIGN 8). */
  public boolean isSecret() {
    return secret;
  }

  /** Other names accepted for this option. */
  public List<String> aliases() {
    return aliases;
  }

  /** The option called {@code name} or one of its aliases, ignoring case. */
  public static Optional<OptionName> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(OptionMap.fold(name)));
  }

  /** The canonical spelling of a known option or alias; other names are returned unchanged. */
  public static String canonical(String name) {
    return find(name).map(OptionName::key).orElse(name);
  }

  /** Whether {@code name} is an option whose value holds other named values. */
  public static boolean isContainer(String name) {
    return find(name).map(OptionName::isContainer).orElse(false);
  }

  /** Whether this option's value holds other named values (nested settings, headers, params). */
  public boolean isContainer() {
    return kind == Kind.NESTED || kind == Kind.HEADERS || kind == Kind.URL_PARAMS;
  }

  /** Whether {@code name} is one of the driver's own options and is not a secret. */
  public static boolean isKnownNonSecret(String name) {
    return find(name).map(o -> !o.secret && !o.isContainer()).orElse(false);
  }
}
