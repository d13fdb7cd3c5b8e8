package dev.apiquery.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.profile.ColumnDef;
import dev.apiquery.profile.DataType;
import dev.apiquery.profile.ProfileLoader;
import dev.apiquery.profile.TableDef;
import java.net.InetAddress;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code profile new}: types, names, secrets, overwriting, settings and auth, through {@code Main}. */
class ProfileNewTest extends ProfileCliSupport {
  private static final String SECRET = "tok-9f8e7d6c5b4a";

  private static final String REPOS = """
      [{"id": 1, "full name": "acme/api", "stars": 12, "size": 3000000000, "score": 1.5,
        "price": "x", "private": false, "created_at": "2024-01-05T10:00:00Z", "pushed": "2024-02-01",
        "owner": {"login": "acme", "id": 7, "site": {"url": "https://acme.test"}}, "topics": ["sql", "rest"],
        "homepage": null, "mixed": {"a": 1}, "CreatedBy": "x", "createdby": "y"},
       {"id": 2, "full name": "acme/web", "stars": 3, "size": 5, "score": 2,
        "price": 7, "private": true, "created_at": "2024-01-06", "pushed": "2024-02-02",
        "owner": {"login": "bob", "id": 8}, "topics": [],
        "homepage": null, "mixed": "flat", "CreatedBy": "z", "createdby": "w"}]
      """;

  private Map<String, ColumnDef> columns(String table) throws Exception {
    TableDef def = ProfileLoader.load(profileDir.resolve(table + ".rsd").toString()).tables().get(0);
    return def.columns().stream().collect(Collectors.toMap(ColumnDef::name, c -> c, (a, b) -> a,
        java.util.LinkedHashMap::new));
  }

  @Test
  void typesNamesAndKeyAreInferredFromEveryRow() throws Exception {
    API.stubFor(get(urlPathEqualTo("/repos")).willReturn(okJson(REPOS)));
    ok("profile", "new", "--url", base() + "/repos", "--out", out().toString());
    Map<String, ColumnDef> c = columns("repos");
    assertEquals(List.of("id", "full_name", "stars", "size", "score", "price", "private", "created_at", "pushed",
        "owner_login", "owner_id", "owner_site", "topics", "homepage", "mixed", "CreatedBy", "createdby_2"),
        List.copyOf(c.keySet()));
    assertEquals(DataType.INTEGER, c.get("id").type());
    assertTrue(c.get("id").key());
    assertFalse(c.get("owner_id").key());
    assertEquals("full name", c.get("full_name").xPath());
    assertEquals(DataType.INTEGER, c.get("stars").type());
    assertEquals(DataType.BIGINT, c.get("size").type(), "int widened to long");
    assertEquals(DataType.DOUBLE, c.get("score").type(), "double and int widen to double");
    assertEquals(DataType.VARCHAR, c.get("price").type(), "a string and a number are a string");
    assertEquals(DataType.BOOLEAN, c.get("private").type());
    assertEquals(DataType.TIMESTAMP, c.get("created_at").type(), "a datetime and a date widen to datetime");
    assertEquals(DataType.DATE, c.get("pushed").type());
    assertEquals("owner/login", c.get("owner_login").xPath());
    assertEquals(DataType.VARCHAR, c.get("owner_site").type(), "two levels down is JSON text");
    assertEquals(DataType.VARCHAR, c.get("topics").type());
    assertEquals(DataType.VARCHAR, c.get("homepage").type(), "always null is a string");
    assertEquals("mixed", c.get("mixed").xPath(), "an object in one row and text in another is not flattened");
    try (Connection conn = connect()) {
      assertEquals(List.of(List.of(1, "acme", "[\"sql\",\"rest\"]", "{\"url\":\"https://acme.test\"}", 3000000000L)),
          rows(conn, "SELECT id, owner_login, topics, owner_site, size FROM repos WHERE id = 1"));
    }
    assertTrue(out.toString().contains("Preview (SELECT * FROM \"repos\" LIMIT 5):"), out.toString());
    assertTrue(out.toString().contains("(2 rows)"), out.toString());
  }

  @Test
  void secretHeadersAndParamsNeverReachTheFile() throws Exception {
    API.stubFor(get(urlPathEqualTo("/v1/orders")).withHeader("X-Api-Key", equalTo(SECRET))
        .withHeader("Accept", equalTo("application/vnd.shop.v2+json")).withQueryParam("api_key", equalTo(SECRET + "2"))
        .willReturn(okJson("{\"orders\":" + items(0, 3) + "}")));
    ok("profile", "new", "--url", base() + "/v1/orders?api_key=" + SECRET + "2", "--out", out().toString(),
        "--header", "X-Api-Key: " + SECRET, "--header", "Accept: application/vnd.shop.v2+json");
    String rsd = file("orders");
    assertFalse(rsd.contains(SECRET), rsd);
    assertTrue(rsd.contains("value=\"application/vnd.shop.v2+json\""), "a plain header stays in the profile: " + rsd);
    String printed = out.toString();
    assertFalse(printed.contains(SECRET), printed);
    assertTrue(printed.contains("CustomHeaders='X-Api-Key: ${env:X_API_KEY}'"), printed);
    assertTrue(printed.contains("CustomUrlParams=api_key=${env:API_KEY}"), printed);
    assertTrue(printed.contains("set X_API_KEY to the value given for X-Api-Key"), printed);
    assertTrue(printed.contains("(3 rows)"), "the preview sent the secrets as connection options: " + printed);
    Properties info = new Properties();
    info.setProperty("CustomHeaders", "X-Api-Key: " + SECRET);
    info.setProperty("CustomUrlParams", "api_key=" + SECRET + "2");
    try (Connection c = connect(info)) {
      assertEquals(3, rows(c, "SELECT * FROM orders").size());
    }
  }

  @Test
  void aReferenceGivenForASecretIsPrintedAsGiven() throws Exception {
    System.setProperty("apiquery.test.key", SECRET);
    try {
      API.stubFor(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer " + SECRET))
          .willReturn(okJson(items(0, 2))));
      ok("profile", "new", "--url", base() + "/things", "--out", out().toString(),
          "--options", "AuthScheme=Bearer;OAuthAccessToken=${sysprop:apiquery.test.key}");
      assertTrue(out.toString().contains("OAuthAccessToken=${sysprop:apiquery.test.key}"), out.toString());
      assertFalse(out.toString().contains(SECRET), out.toString());
      assertFalse(file("things").contains(SECRET));
    } finally {
      System.clearProperty("apiquery.test.key");
    }
  }

  @Test
  void aSecondRunWithoutForceRefusesToOverwrite() throws Exception {
    API.stubFor(get(urlPathEqualTo("/tags")).willReturn(okJson(items(0, 2))));
    ok("profile", "new", "--url", base() + "/tags", "--out", out().toString());
    Files.writeString(profileDir.resolve("tags.rsd"), "edited by hand");
    API.resetRequests();
    assertEquals(1, apiquery("profile", "new", "--url", base() + "/tags", "--out", out().toString()));
    assertTrue(err.toString().contains("tags.rsd exists; use --force to overwrite it"), err.toString());
    assertEquals("edited by hand", file("tags"));
    assertEquals(0, API.getAllServeEvents().size(), "it refuses before sampling");
    ok("profile", "new", "--url", base() + "/tags", "--out", out().toString(), "--force");
    assertTrue(file("tags").startsWith("<api:script"));
  }

  @Test
  void baseUrlSettingAndRowsOverride() throws Exception {
    API.stubFor(get(urlPathEqualTo("/api/report")).willReturn(okJson(
        "{\"included\":" + items(10, 15) + ",\"data\":{\"rows\":" + items(0, 2) + "}}")));
    ok("profile", "new", "--url", base() + "/api/report?x=[1]", "--out", out().toString(), "--name", "Report",
        "--rows", "$.data.rows", "--base-url-setting");
    String rsd = file("Report");
    assertTrue(rsd.contains("value=\"[_connection.BaseUrl]/api/report?x=%5B1%5D\""), rsd);
    assertTrue(rsd.contains("<api:set attr=\"JSONPath\" value=\"$.data.rows\"/>"), rsd);
    assertTrue(out.toString().contains("also an array of objects: $.included (5 elements; --rows $.included"), out.toString());
    assertTrue(out.toString().contains(";BaseUrl=" + base()), out.toString());
    try (Connection c = connect("BaseUrl=" + base())) {
      assertEquals(List.of(List.of(0), List.of(1)), rows(c, "SELECT id FROM Report"));
    }
  }

  @Test
  void oauthTokensAreObtainedWhileSampling() throws Exception {
    MockOAuth2Server oauth = new MockOAuth2Server();
    oauth.start(InetAddress.getByName("127.0.0.1"), 0);
    try {
      API.stubFor(get(urlPathEqualTo("/crm/contacts")).withHeader("Authorization", matching("Bearer ey.+"))
          .willReturn(okJson("{\"results\":" + items(0, 2) + "}")));
      String options = "AuthScheme=OAuth;OAuthGrantType=CLIENT;OAuthClientId=crm;OAuthClientSecret=s3cr3t-client;"
          + "OAuthAccessTokenURL=" + oauth.tokenEndpointUrl("default");
      ok("profile", "new", "--url", base() + "/crm/contacts", "--out", out().toString(), "--options", options);
      RecordedRequest token = oauth.takeRequest(5, TimeUnit.SECONDS);
      assertTrue(token != null && token.getPath().endsWith("/default/token"), "a token was requested");
      assertEquals(2, API.findAll(getRequestedFor(urlPathEqualTo("/crm/contacts"))).size(), "sample and preview");
      assertFalse(out.toString().contains("s3cr3t-client"), out.toString());
      assertTrue(out.toString().contains("OAuthClientSecret=${env:OAUTH_CLIENT_SECRET}"), out.toString());
      assertFalse(file("contacts").contains("s3cr3t"));
    } finally {
      oauth.shutdown();
    }
  }

  @Test
  void anHttpErrorNamesTheRequestAndWritesNothing() throws Exception {
    API.stubFor(get(urlPathEqualTo("/denied")).willReturn(aResponse().withStatus(403).withBody("{\"error\":\"no\"}")));
    assertEquals(1, apiquery("profile", "new", "--url", base() + "/denied?token=" + SECRET, "--out", out().toString()));
    assertTrue(err.toString().contains("GET " + base() + "/denied answered HTTP 403: {\"error\":\"no\"}"), err.toString());
    assertFalse(err.toString().contains(SECRET));
    assertFalse(Files.exists(profileDir.resolve("denied.rsd")));
  }

  @Test
  void aBadCommandLineExitsTwo() {
    assertEquals(2, apiquery("profile", "new", "--out", out().toString()));
    assertTrue(err.toString().contains("--url"), err.toString());
    assertEquals(2, apiquery("profile", "new", "--url", base(), "--header", "no colon " + SECRET));
    assertFalse(err.toString().contains(SECRET), err.toString());
  }
}
