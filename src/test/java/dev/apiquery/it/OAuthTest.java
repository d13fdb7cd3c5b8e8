package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AuthScheme=OAuth against a real OAuth 2.0 server in process (refresh-token rotation on). */
class OAuthTest extends ApiTestSupport {
  private MockOAuth2Server oauth;
  @TempDir Path settings;

  @BeforeEach
  void start() throws Exception {
    oauth = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":false,\"rotateRefreshToken\":true}"));
    oauth.start(InetAddress.getByName("127.0.0.1"), 0);
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[{\"v\":\"x\"}]")));
    writeProfile("Items", rsd("<attr name=\"v\" xs:type=\"string\" other:xPath=\"v\"/>", "${BASE}/items", ""));
  }

  @AfterEach
  void stop() {
    oauth.shutdown();
  }

  private String tokenUrl() {
    return oauth.tokenEndpointUrl("default").toString();
  }

  private List<String> bearerTokensSeen() {
    return API.findAll(getRequestedFor(urlPathEqualTo("/items"))).stream()
        .map(r -> r.getHeader("Authorization")).toList();
  }

  /** A refresh token the server issued, through its non-interactive authorization-code flow. */
  private String refreshToken() throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
    HttpUrl authorize = oauth.authorizationEndpointUrl("default").newBuilder()
        .addQueryParameter("client_id", "crm").addQueryParameter("response_type", "code")
        .addQueryParameter("redirect_uri", "http://127.0.0.1/cb").addQueryParameter("scope", "openid offline_access")
        .addQueryParameter("state", "s").build();
    String code;
    try (Response r = http.newCall(new Request.Builder().url(authorize).build()).execute()) {
      code = HttpUrl.get(r.header("Location")).queryParameter("code");
    }
    FormBody form = new FormBody.Builder().add("grant_type", "authorization_code").add("code", code)
        .add("redirect_uri", "http://127.0.0.1/cb").add("client_id", "crm").add("client_secret", "s3cret").build();
    try (Response r = http.newCall(new Request.Builder().url(tokenUrl()).post(form).build()).execute()) {
      return new ObjectMapper().readTree(r.body().string()).get("refresh_token").asText();
    }
  }

  @Test
  void clientCredentialsTokenIsReusedUntilItNearsExpiryOrRefreshedEveryQuery() throws Exception {
    String options = "AuthScheme=OAuth;OAuthGrantType=CLIENT;OAuthClientId=svc;OAuthClientSecret=s3cret;"
        + "OAuthAccessTokenURL=" + tokenUrl() + ";OAuthSettingsLocation=memory://client-test";
    try (Connection c = connect(options)) {
      rows(c, "select v from items");
      rows(c, "select v from items");
    }
    List<String> seen = bearerTokensSeen();
    assertTrue(seen.get(0).startsWith("Bearer ey"), seen.toString());
    assertEquals(seen.get(0), seen.get(1), "BEFORE_EXPIRY: an hour-long token is reused");

    API.resetRequests();
    try (Connection c = connect(options.replace("client-test", "every-query") + ";OAuthRefreshPolicy=EVERY_QUERY;"
        + "OAuthPasswordGrantMode=BASIC;CustomHeaders='X-Token: ${access_token}'")) {
      rows(c, "select v from items");
      Thread.sleep(1100); // a new second: a new token even if the server's clock is coarse
      rows(c, "select v from items");
    }
    List<LoggedRequest> requests = API.findAll(getRequestedFor(urlPathEqualTo("/items")));
    assertNotEquals(requests.get(0).getHeader("Authorization"), requests.get(1).getHeader("Authorization"));
    assertEquals(requests.get(1).getHeader("Authorization"), "Bearer " + requests.get(1).getHeader("X-Token"),
        "${access_token} is the current token");
  }

  @Test
  void rotatedRefreshTokensArePersistedAndResumedByANewConnection() throws Exception {
    String original = refreshToken();
    Path file = settings.resolve("crm-oauth.properties");
    Properties info = new Properties();
    info.setProperty("AuthScheme", "OAuth");
    info.setProperty("OAuthClientId", "crm");
    info.setProperty("OAuthClientSecret", "s3cret");
    info.setProperty("OAuthRefreshToken", original);
    info.setProperty("OAuthRefreshTokenURL", tokenUrl());
    info.setProperty("OAuthSettingsLocation", file.toString());
    try (Connection c = connect(info)) {
      rows(c, "select v from items");
      assertFalse(c.getMetaData().getURL().contains(original));
    }
    String stored = Files.readString(file);
    assertFalse(stored.contains(original), "the rotated refresh token replaced the original");
    assertTrue(stored.contains("OAuthRefreshToken="), stored.length() + " chars");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    // The original refresh token is spent (rotation): a connection still configured with it
    // resumes from the file instead, so its query works.
    try (Connection c = connect(info)) {
      assertEquals(1, rows(c, "select v from items").size());
    }
    assertEquals(2, bearerTokensSeen().size());
  }

  /** A server whose tokens live 3 seconds (expires_in may say 2). */
  private void shortLivedTokens() throws Exception {
    oauth.shutdown();
    oauth = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":false,\"rotateRefreshToken\":true,"
        + "\"tokenCallbacks\":[{\"issuerId\":\"default\",\"tokenExpiry\":3,\"requestMappings\":[{\"requestParam\":"
        + "\"grant_type\",\"match\":\"*\",\"claims\":{\"sub\":\"svc\",\"aud\":[\"api\"]}}]}]}"));
    oauth.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Test
  void eightThreadsShareOneRefreshPerExpiryAndNeverReuseARotatedToken() throws Exception {
    shortLivedTokens();
    String url = url("AuthScheme=OAuth;OAuthClientId=crm;OAuthClientSecret=s3cret;OAuthRefreshToken=" + refreshToken()
        + ";OAuthRefreshTokenURL=" + tokenUrl() + ";OAuthRefreshSkew=1;OAuthSettingsLocation=memory://eight-threads");
    long end = System.nanoTime() + 6_000_000_000L;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
    for (int t = 0; t < 8; t++) {
      results.add(pool.submit(() -> {
        int queries = 0;
        try (Connection c = java.sql.DriverManager.getConnection(url)) {
          while (System.nanoTime() < end) {
            assertEquals(1, rows(c, "select v from items").size()); // a reused rotated token would fail here
            queries++;
          }
        }
        return queries;
      }));
    }
    int total = 0;
    for (java.util.concurrent.Future<Integer> f : results) {
      total += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    long distinct = bearerTokensSeen().stream().distinct().count();
    // 6 s of 3 s tokens refreshed 1 s early: a new token every ~1-2 s, shared by all 8 threads.
    assertTrue(total >= 8, "queries: " + total);
    assertTrue(distinct >= 2 && distinct <= 7, distinct + " tokens for " + total + " queries");
  }

  @Test
  void aTokenRejectedMidScanIsRefreshedAndThePageRetriedWithoutLosingRows() throws Exception {
    API.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
        .willReturn(okJson("[{\"v\":\"1\"},{\"v\":\"2\"}]")));
    API.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
        .inScenario("revoked").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withStatus(401)).willSetStateTo("refreshed"));
    API.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
        .inScenario("revoked").whenScenarioStateIs("refreshed").willReturn(okJson("[{\"v\":\"3\"}]")));
    API.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("3"))
        .willReturn(okJson("[]")));
    writeProfile("Pages", rsd("<attr name=\"v\" xs:type=\"string\" other:xPath=\"v\"/>", "${BASE}/pages",
        "<api:set attr=\"pagenumberparam\" value=\"page\"/>"));
    try (Connection c = connect("AuthScheme=OAuth;OAuthGrantType=CLIENT;OAuthClientId=svc;OAuthClientSecret=x;"
        + "OAuthAccessTokenURL=" + tokenUrl() + ";OAuthSettingsLocation=memory://mid-scan;MaxConcurrentRequests=1")) {
      assertEquals(List.of(List.of("1"), List.of("2"), List.of("3")), rows(c, "select v from pages"));
    }
    List<LoggedRequest> page2 = API.findAll(getRequestedFor(urlPathEqualTo("/pages"))
        .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2")));
    assertEquals(2, page2.size());
    assertNotEquals(page2.get(0).getHeader("Authorization"), page2.get(1).getHeader("Authorization"),
        "the retried page carries the refreshed token");
  }

  @Test
  void passwordGrantSendsTheUserAndTheClientInTheFormAndATokenWithoutExpiryIsRefreshedEachQuery() throws Exception {
    // Salesforce-style: no expires_in, so BEFORE_EXPIRY refreshes before every query.
    API.stubFor(post(urlPathEqualTo("/pw-token")).willReturn(okJson("{\"access_token\":\"pw-token-1\",\"token_type\":\"Bearer\"}")));
    try (Connection c = connect("AuthScheme=OAuth;OAuthGrantType=PASSWORD;User=ann;Password=pw-secret;"
        + "OAuthClientId=cli;OAuthClientSecret=cs;Scope=api;OAuthParams='audience=crm';"
        + "OAuthAccessTokenURL=" + base() + "/pw-token;OAuthSettingsLocation=memory://password")) {
      rows(c, "select v from items");
      rows(c, "select v from items");
    }
    List<LoggedRequest> tokenRequests = API.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlPathEqualTo("/pw-token")));
    assertEquals(2, tokenRequests.size(), "unknown expiry: refreshed before each query");
    String form = tokenRequests.get(0).getBodyAsString();
    for (String part : List.of("grant_type=password", "username=ann", "password=pw-secret", "client_id=cli",
        "client_secret=cs", "scope=api", "audience=crm")) {
      assertTrue(form.contains(part), form);
    }
    assertEquals("Bearer pw-token-1", bearerTokensSeen().get(0));
  }

  @Test
  void aLongScanOutlivesItsTokenAndGoesOn() throws Exception {
    shortLivedTokens();
    for (int p = 1; p <= 4; p++) {
      API.stubFor(get(urlPathEqualTo("/slow-pages")).withQueryParam("page",
          com.github.tomakehurst.wiremock.client.WireMock.equalTo(Integer.toString(p)))
          .willReturn(okJson(p == 4 ? "[]" : "[{\"v\":\"" + p + "\"}]").withFixedDelay(1_200)));
    }
    writeProfile("SlowPages", rsd("<attr name=\"v\" xs:type=\"string\" other:xPath=\"v\"/>", "${BASE}/slow-pages",
        "<api:set attr=\"pagenumberparam\" value=\"page\"/>"));
    try (Connection c = connect("AuthScheme=OAuth;OAuthGrantType=CLIENT;OAuthClientId=svc;OAuthClientSecret=x;"
        + "OAuthAccessTokenURL=" + tokenUrl() + ";OAuthRefreshSkew=1;OAuthSettingsLocation=memory://long-scan;"
        + "MaxConcurrentRequests=1")) {
      assertEquals(3, rows(c, "select v from slowpages").size());
    }
    List<String> tokens = API.findAll(getRequestedFor(urlPathEqualTo("/slow-pages"))).stream()
        .map(r -> r.getHeader("Authorization")).distinct().toList();
    assertTrue(tokens.size() >= 2, "the scan continued with a refreshed token: " + tokens.size());
  }

  @Test
  void aSlowTokenEndpointFailsWithinTimeout() throws Exception {
    API.stubFor(post(urlPathEqualTo("/slow-token")).willReturn(okJson("{\"access_token\":\"late\"}").withFixedDelay(10_000)));
    long start = System.nanoTime();
    try (Connection c = connect("AuthScheme=OAuth;OAuthGrantType=CLIENT;OAuthClientId=svc;Timeout=1;"
        + "OAuthAccessTokenURL=" + base() + "/slow-token;OAuthSettingsLocation=memory://slow")) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select v from items"));
      assertTrue(e.getMessage().contains("token endpoint") && e.getMessage().contains("Timeout"), e.getMessage());
    }
    assertTrue((System.nanoTime() - start) / 1_000_000 < 8_000);
  }

  @Test
  void invalidGrantFailsWithWhatToDoAndNoSecret() throws Exception {
    API.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
    try (Connection c = connect("AuthScheme=OAuth;OAuthClientId=crm;OAuthRefreshToken=rt-very-secret-1;"
        + "OAuthRefreshTokenURL=" + base() + "/token;OAuthSettingsLocation=memory://invalid-grant")) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select v from items"));
      assertTrue(e.getMessage().contains("invalid_grant") && e.getMessage().contains("OAuthRefreshToken"), e.getMessage());
      assertFalse(e.getMessage().contains("rt-very-secret-1"), e.getMessage());
      assertEquals("28000", e.getSQLState());
    }
    API.verify(0, getRequestedFor(urlPathEqualTo("/items")));
    API.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
    try (Connection c = connect("AuthScheme=OAuth;OAuthGrantType=CLIENT;OAuthClientId=crm;OAuthClientSecret=cs-hidden-2;"
        + "OAuthAccessTokenURL=" + base() + "/token;OAuthSettingsLocation=memory://invalid-client")) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select v from items"));
      assertTrue(e.getMessage().contains("invalid_client") && e.getMessage().contains("OAuthClientSecret"), e.getMessage());
      assertFalse(e.getMessage().contains("cs-hidden-2"), e.getMessage());
    }
  }
}
