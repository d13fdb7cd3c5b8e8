package dev.apiquery.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionOptionsRedactionTest {
  /** Every secret in URL below; none may survive redaction. */
  private static final List<String> SECRETS =
      List.of(
          "pw-Sesame-1",
          "cs-Client-2",
          "rt-Refresh-3",
          "at-Access-4",
          "px-Proxy-5",
          "k-Api-6",
          "tok-Other-7",
          "hdr-Bearer-8",
          "hdr-Key-9",
          "qp-Token-10",
          "url-Secret-11",
          "sig-12");

  private static final String URL =
      "jdbc:apiquery:Profile=/p/github;User=alice;Password='pw-Sesame-1';"
          + "OAuthClientId=client-id-public;OAuthClientSecret=cs-Client-2;"
          + "OAuthRefreshToken=rt-Refresh-3;OAuthAccessToken=at-Access-4;ProxyPassword=px-Proxy-5;"
          + "ProfileSettings='APIKey=k-Api-6;Region=eu';Other=\"Token=tok-Other-7;Debug=1\";CustomHeaders='Authorization:"
          + " Bearer hdr-Bearer-8\\n"
          + "X-Api-Key: hdr-Key-9\\n"
          + "Accept: application/json';CustomUrlParams='access_token=qp-Token-10&per_page=50';"
          + "OAuthAccessTokenURL='https://auth.example.com/token?client_secret=url-Secret-11&grant_type=x';"
          + "AuthScheme=OAuth;Sig=sig-12;Timeout=30";

  private static ConnectionOptions options() throws SQLException {
    return ConnectionOptions.parse(
        URL.substring(ConnectionOptions.URL_PREFIX.length()), new Properties());
  }

  @Test
  void secretValuesHoldEverySecretAndNothingElse() throws SQLException {
    List<String> values = options().secretValues();
    assertTrue(values.containsAll(SECRETS), values.toString());
    for (String notSecret :
        List.of(
            "alice",
            "client-id-public",
            "eu",
            "1",
            "application/json",
            "50",
            "OAuth",
            "30",
            "/p/github")) {
      assertFalse(values.contains(notSecret), notSecret);
    }
    assertTrue(values.contains("Bearer hdr-Bearer-8"));
  }

  @Test
  void redactedUrlHidesEverySecretAndKeepsTheRest() throws SQLException {
    String redacted = options().redactedUrl(URL);
    for (String secret : SECRETS) {
      assertFalse(redacted.contains(secret), secret + " in " + redacted);
    }
    assertEquals(
        "jdbc:apiquery:Profile=/p/github;User=alice;Password=***;"
            + "OAuthClientId=client-id-public;OAuthClientSecret=***;"
            + "OAuthRefreshToken=***;OAuthAccessToken=***;ProxyPassword=***;"
            + "ProfileSettings='APIKey=***;Region=eu';Other=\"Token=***;Debug=1\";CustomHeaders='Authorization:"
            + " Bearer ***\\n"
            + "X-Api-Key: ***\\n"
            + "Accept: application/json';CustomUrlParams='access_token=***&per_page=50';"
            + "OAuthAccessTokenURL='https://auth.example.com/token?client_secret=***&grant_type=x';"
            + "AuthScheme=OAuth;Sig=***;Timeout=30",
        redacted);
  }

  @Test
  void redactedUrlKeepsNonSecretReferencesAndHidesSecretOnes() throws SQLException {
    ConnectionOptions o =
        ConnectionOptions.parse("Password=${test:p1};Region=${env:PATH}", new Properties());
    assertEquals(
        "jdbc:apiquery:Password=***;Region=${env:PATH}",
        o.redactedUrl("jdbc:apiquery:Password=${test:p1};Region=${env:PATH}"));
  }

  @Test
  void redactedUrlCatchesASecretUnderAnInnocentName() throws SQLException {
    ConnectionOptions o = ConnectionOptions.parse("Password=hunter2-long;Note=hunter2-long", null);
    assertEquals(
        "jdbc:apiquery:Password=***;Note=***",
        o.redactedUrl("jdbc:apiquery:Password=hunter2-long;Note=hunter2-long"));
  }

  @Test
  void unreadableUrlIsFullyMasked() throws SQLException {
    ConnectionOptions o = ConnectionOptions.parse("", null);
    assertEquals("jdbc:apiquery:***", o.redactedUrl("jdbc:apiquery:Password='unterminated"));
  }

  @Test
  void toStringHidesEverySecret() throws SQLException {
    String text = options().toString();
    for (String secret : SECRETS) {
      assertFalse(text.contains(secret), secret + " in " + text);
    }
    assertTrue(
        text.startsWith("ConnectionOptions{Profile=/p/github; User=alice; Password=***;"), text);
    assertTrue(text.contains("ProfileSettings='APIKey=***;Region=eu'"), text);
    assertTrue(text.contains("CustomUrlParams=access_token=***&per_page=50"), text);
    assertTrue(
        text.contains(
            "CustomHeaders=Authorization: Bearer ***\\nX-Api-Key: ***\\nAccept: application/json"),
        text);
    assertTrue(text.contains("OAuthClientId=client-id-public"), text);
  }

  @Test
  void redactorOfTheConnectionHidesSecretsInFreeText() throws SQLException {
    ConnectionOptions o = options();
    assertEquals(
        "GET https://api.example.com/u?k=*** failed; token *** rejected",
        o.redactor()
            .redact("GET https://api.example.com/u?k=k-Api-6 failed; token at-Access-4 rejected"));
  }

  @Test
  void errorMessagesNeverHoldResolvedSecrets() throws SQLException {
    ConnectionOptions o = ConnectionOptions.parse("ApiKey=${test:secret-xyz}", null);
    java.sql.SQLException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class, () -> o.getInt("ApiKey", 0));
    assertFalse(e.getMessage().contains("vault-secret-xyz"), e.getMessage());
  }
}
