package dev.apiquery.auth;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The OAuth options of one connection (DESIGN 3 and 5), checked once. Immutable; no secret in toString. */
record OAuthConfig(
    boolean initiate,
    String grantType,
    String clientId,
    String clientSecret,
    String refreshToken,
    String accessToken,
    String user,
    String password,
    String tokenUrl,
    String scope,
    Map<String, String> extraParams,
    boolean basicClientAuth,
    boolean everyQuery,
    long skewMillis,
    String settingsLocation,
    long timeoutMillis) {

  static OAuthConfig of(Map<String, String> o) throws SQLException {
    boolean initiate = !"OFF".equalsIgnoreCase(value(o, "InitiateOAuth", "REFRESH"));
    String grant = value(o, "OAuthGrantType", "REFRESH").toUpperCase(Locale.ROOT);
    if (!grant.equals("REFRESH") && !grant.equals("CLIENT") && !grant.equals("PASSWORD")) {
      throw new SQLException("OAuthGrantType must be REFRESH, CLIENT or PASSWORD, not '" + grant + "'", "08001");
    }
    String tokenUrl = value(o, "OAuthRefreshTokenURL", value(o, "OAuthAccessTokenURL", null));
    String clientId = value(o, "OAuthClientId", null);
    if (initiate && tokenUrl == null) {
      throw new SQLException("AuthScheme=OAuth needs OAuthAccessTokenURL (or OAuthRefreshTokenURL), "
          + "or InitiateOAuth=OFF with OAuthAccessToken", "08001");
    }
    if (!initiate && value(o, "OAuthAccessToken", null) == null) {
      throw new SQLException("InitiateOAuth=OFF needs OAuthAccessToken", "28000");
    }
    Map<String, String> extra = new LinkedHashMap<>();
    String params = value(o, "OAuthParams", null);
    if (params != null) {
      for (String pair : params.split(",")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          extra.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
    }
    String location = value(o, "OAuthSettingsLocation", null);
    if (location == null) {
      location = "memory://" + Integer.toHexString(((clientId == null ? "" : clientId) + "|" + tokenUrl).hashCode());
    }
    long skew = Long.parseLong(value(o, "OAuthRefreshSkew", "60")) * 1000;
    return new OAuthConfig(initiate, grant, clientId, value(o, "OAuthClientSecret", null),
        value(o, "OAuthRefreshToken", null), value(o, "OAuthAccessToken", null), value(o, "User", null),
        value(o, "Password", null), tokenUrl, value(o, "Scope", null), extra,
        "BASIC".equalsIgnoreCase(value(o, "OAuthPasswordGrantMode", "POST")),
        "EVERY_QUERY".equalsIgnoreCase(value(o, "OAuthRefreshPolicy", "BEFORE_EXPIRY")),
        skew, location, Long.parseLong(value(o, "Timeout", "60")) * 1000);
  }

  private static String value(Map<String, String> o, String key, String def) {
    String v = o.get(key);
    return v == null || v.isBlank() ? def : v.trim();
  }

  @Override
  public String toString() {
    return "OAuthConfig[grant=" + grantType + ", tokenUrl=" + tokenUrl + ", location=" + settingsLocation + ", secrets=***]";
  }
}
