package dev.apiquery.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apiquery.http.LazyTlsClient;
import dev.apiquery.http.SharedHttpClient;
import dev.apiquery.redact.Redactor;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;

/** Token requests to the OAuth 2.0 token endpoint (RFC 6749 sections 4.3, 4.4, 6). */
final class TokenEndpoint {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OAuthConfig config;
  private final LazyTlsClient client;

  TokenEndpoint(OAuthConfig config) {
    this.config = config;
    this.client = new LazyTlsClient(
        SharedHttpClient.get().newBuilder().callTimeout(Duration.ofMillis(config.timeoutMillis())).build(), tls -> { });
  }

  /** A new token state from the grant, keeping the refresh token when the server does not rotate it. */
  TokenState request(TokenState current) throws SQLException {
    FormBody.Builder form = new FormBody.Builder();
    switch (config.grantType()) {
      case "CLIENT" -> form.add("grant_type", "client_credentials");
      case "PASSWORD" -> form.add("grant_type", "password")
          .add("username", nonNull(config.user())).add("password", nonNull(config.password()));
      default -> {
        String refresh = current.refreshToken() != null ? current.refreshToken() : config.refreshToken();
        if (refresh == null) {
          throw new SQLException("OAuth: no refresh token: set OAuthRefreshToken (or use OAuthGrantType=CLIENT)", "28000");
        }
        form.add("grant_type", "refresh_token").add("refresh_token", refresh);
      }
    }
    if (config.scope() != null) {
      form.add("scope", config.scope());
    }
    config.extraParams().forEach(form::add);
    Request.Builder request = new Request.Builder().url(config.tokenUrl()).header("Accept", "application/json");
    if (config.basicClientAuth()) {
      request.header("Authorization", Credentials.basic(nonNull(config.clientId()), nonNull(config.clientSecret())));
    } else {
      if (config.clientId() != null) {
        form.add("client_id", config.clientId());
      }
      if (config.clientSecret() != null) {
        form.add("client_secret", config.clientSecret());
      }
    }
    long now = System.currentTimeMillis();
    try (Response response = client.newCall(request.post(form.build()).build()).execute()) {
      String body = response.body().string();
      JsonNode json = parse(body);
      if (!response.isSuccessful() || json == null || !json.hasNonNull("access_token")) {
        throw failure(response.code(), json);
      }
      String refresh = json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : current.refreshToken();
      if (refresh == null) {
        refresh = config.refreshToken();
      }
      long expiresAt = json.hasNonNull("expires_in") ? now + json.get("expires_in").asLong() * 1000 : 0;
      return new TokenState(json.get("access_token").asText(), refresh, expiresAt, now);
    } catch (IOException e) {
      throw new SQLException("OAuth: the token endpoint " + Redactor.redactUrl(config.tokenUrl())
          + " did not answer within Timeout: " + e.getMessage(), "08S01", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private SQLException failure(int status, JsonNode json) {
    String error = json != null && json.hasNonNull("error") ? json.get("error").asText() : "";
    String where = "OAuth: the token endpoint " + Redactor.redactUrl(config.tokenUrl()) + " answered HTTP " + status;
    switch (error) {
      case "invalid_grant":
        return new SQLException(where + " invalid_grant: the " + (config.grantType().equals("PASSWORD")
            ? "user name or password was rejected" : "refresh token was rejected: it expired, was revoked, or was "
            + "already used after a rotation") + ". Obtain a new one, set OAuthRefreshToken, and remove the tokens "
            + "kept at OAuthSettingsLocation", "28000");
      case "invalid_client":
        return new SQLException(where + " invalid_client: the client was not recognised; check OAuthClientId, "
            + "OAuthClientSecret and OAuthPasswordGrantMode (BASIC or POST)", "28000");
      default:
        return new SQLException(where + (error.isEmpty() ? "" : " " + error) + " without an access token", "28000");
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
