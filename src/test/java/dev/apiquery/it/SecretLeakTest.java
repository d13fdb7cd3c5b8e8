package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything at Verbosity=5 into a Logfile, successes and failures: no secret value (options,
 * ProfileSettings, CustomHeaders, tokens the driver obtained) appears in the log, in any
 * exception message, in getURL() or in toString().
 */
class SecretLeakTest extends ApiTestSupport {
  @TempDir Path logs;

  @Test
  void noSecretReachesTheLogOrAnyMessage() throws Exception {
    MockOAuth2Server oauth = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":false}"));
    oauth.start(InetAddress.getByName("127.0.0.1"), 0);
    Path log = logs.resolve("apiquery.log");
    List<String> messages = new ArrayList<>();
    List<String> secrets = new ArrayList<>(List.of("client-secret-0042", "profile-api-key-77", "custom-auth-9911",
        "basic-password-5150", "proxy-pass-unused-1"));
    try {
      API.stubFor(get(urlPathEqualTo("/ok")).willReturn(okJson("{\"data\":[{\"v\":\"1\"}],\"next\":\"/ok2?api_key=profile-api-key-77\"}")));
      API.stubFor(get(urlPathEqualTo("/ok2")).willReturn(okJson("{\"data\":[{\"v\":\"2\"}]}")));
      // The failing API echoes the credentials it received, the obtained bearer token included.
      API.stubFor(get(urlPathEqualTo("/fail")).willReturn(aResponse().withStatus(500).withTransformers("response-template")
          .withBody("{\"error\":\"bad key profile-api-key-77 for custom-auth-9911 with {{request.headers.Authorization}}\"}")));
      String sets = """
          <api:set attr="JSONPath" value="$.data"/><api:set attr="pageurlpath" value="/json/next"/>
          <api:set attr="Header:Name#1" value="X-Api-Key"/><api:set attr="Header:Value#1" value="[_connection.ApiKey]"/>
          """;
      writeProfile("Ok", rsd("<attr name=\"v\" xs:type=\"string\" other:xPath=\"v\"/>",
          "${BASE}/ok?api_key=[_connection.ApiKey]", sets));
      writeProfile("Fail", rsd("<attr name=\"v\" xs:type=\"string\" other:xPath=\"v\"/>",
          "${BASE}/fail?api_key=[_connection.ApiKey]", sets));
      String common = "Logfile=" + log + ";Verbosity=5;ProfileSettings='ApiKey=profile-api-key-77';"
          + "CustomHeaders='X-Custom-Auth: custom-auth-9911';ProxyPassword=proxy-pass-unused-1;";
      String[] urls = {
        url(common + "AuthScheme=OAuth;OAuthGrantType=CLIENT;OAuthClientId=svc;OAuthClientSecret=client-secret-0042;"
            + "OAuthAccessTokenURL=" + oauth.tokenEndpointUrl("default") + ";OAuthSettingsLocation=memory://leak"),
        url(common + "AuthScheme=Basic;User=ann;Password=basic-password-5150"),
      };
      for (String url : urls) {
        try (Connection c = DriverManager.getConnection(url)) {
          rows(c, "select v from ok");
          messages.add(rows(c, "explain plan for select v from ok").get(0).get(0).toString());
          messages.add(c.getMetaData().getURL());
          messages.add(c.toString());
          try {
            rows(c, "select v from fail");
          } catch (SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
              messages.add(String.valueOf(t.getMessage()));
            }
          }
        }
      }
      // The access tokens the driver obtained are secrets too.
      API.findAll(getRequestedFor(urlPathEqualTo("/ok"))).forEach(r -> {
        String auth = r.getHeader("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
          secrets.add(auth.substring("Bearer ".length()));
        }
      });
    } finally {
      oauth.shutdown();
    }
    String logged = Files.readString(log);
    assertTrue(logged.contains("[2] request GET"), "Verbosity=5 logged the requests");
    assertTrue(logged.contains("Authorization: Bearer ***") && logged.contains("Authorization: Basic ***"), logged);
    assertTrue(messages.stream().anyMatch(m -> m.contains("HTTP 500")), messages.toString());
    // The echo happened, and what was echoed is masked.
    assertTrue(messages.stream().anyMatch(m -> m.contains("with Bearer ***")), messages.toString());
    // A long token's start is checked too: a message must not quote part of one either.
    for (String secret : List.copyOf(secrets)) {
      if (secret.length() > 40) {
        secrets.add(secret.substring(0, 24));
      }
    }
    for (String secret : secrets) {
      assertFalse(logged.contains(secret), "the log holds " + secret.substring(0, 6) + "...");
      for (String message : messages) {
        assertFalse(message.contains(secret), "a message holds " + secret.substring(0, 6) + "...: " + message);
      }
    }
  }
}
