package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AuthPlugin SPI: built-in Basic and Bearer, a third-party scheme, 401, credential scope. */
class AuthPluginTest extends ApiTestSupport {
  private static final String ITEMS = "<attr name=\"v\" xs:type=\"string\" other:xPath=\"v\"/>";

  private LoggedRequest only(String path) {
    List<LoggedRequest> all = API.findAll(getRequestedFor(urlPathEqualTo(path)));
    assertEquals(1, all.size());
    return all.get(0);
  }

  @Test
  void basicAndBearer() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[{\"v\":\"x\"}]")));
    writeProfile("Items", rsd(ITEMS, "${BASE}/items", ""));
    try (Connection c = connect("AuthScheme=Basic;User=ann;Password=pa55-word")) {
      rows(c, "select v from items");
      assertFalse(c.getMetaData().getURL().contains("pa55-word"));
    }
    String expected = "Basic " + Base64.getEncoder().encodeToString("ann:pa55-word".getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, only("/items").getHeader("Authorization"));
    API.resetRequests();
    try (Connection c = connect("AuthScheme=bearer;OAuthAccessToken=tok-123456")) {
      rows(c, "select v from items");
    }
    assertEquals("Bearer tok-123456", only("/items").getHeader("Authorization"));
  }

  @Test
  void aSchemeWithoutItsOptionsOrAnUnknownSchemeFailsAtConnect() throws Exception {
    writeProfile("Items", rsd(ITEMS, "${BASE}/items", ""));
    SQLException missing = assertThrows(SQLException.class, () -> connect("AuthScheme=Basic"));
    assertTrue(missing.getMessage().contains("User"), missing.getMessage());
    SQLException unknown = assertThrows(SQLException.class, () -> connect("AuthScheme=Kerberos"));
    assertTrue(unknown.getMessage().contains("Kerberos") && unknown.getMessage().contains("Basic"), unknown.getMessage());
  }

  @Test
  void aThirdPartySchemeIsPluggedInAndMayReauthenticateOnce() throws Exception {
    API.stubFor(get(urlPathEqualTo("/signed")).withHeader("X-Signature", equalTo("v1:6"))
        .willReturn(aResponse().withStatus(401)));
    API.stubFor(get(urlPathEqualTo("/signed")).withHeader("X-Signature", equalTo("v2:6"))
        .willReturn(okJson("[{\"v\":\"signed\"}]")));
    writeProfile("Signed", rsd(ITEMS, "${BASE}/signed", ""));
    try (Connection c = connect("AuthScheme=TestSignature;SigningSecret=abcdef")) {
      assertEquals(List.of(List.of("signed")), rows(c, "select v from signed"));
    }
    List<LoggedRequest> requests = API.findAll(getRequestedFor(urlPathEqualTo("/signed")));
    assertEquals(2, requests.size(), "the 401, then the one retry");
    assertEquals("1", requests.get(1).queryParameter("queries").firstValue(), "beforeQuery ran once");
  }

  @Test
  void aNextPageOnAnotherHostGetsNoCredentialsUnlessAllowed() throws Exception {
    // Page 1 on 127.0.0.1 points to page 2 on "localhost": another host name.
    String other = "http://localhost:" + API.getPort();
    API.stubFor(get(urlPathEqualTo("/first")).willReturn(okJson(
        "{\"data\":[{\"v\":\"1\"}],\"next\":\"" + other + "/second\"}")));
    API.stubFor(get(urlPathEqualTo("/second")).willReturn(okJson("{\"data\":[{\"v\":\"2\"}]}")));
    writeProfile("Pages", rsd(ITEMS, "${BASE}/first", """
          <api:set attr="JSONPath" value="$.data"/><api:set attr="pageurlpath" value="/json/next"/>
          <api:set attr="Header:Name#1" value="X-Api-Key"/><api:set attr="Header:Value#1" value="profile-key"/>
          <api:set attr="Header:Name#2" value="Accept-Language"/><api:set attr="Header:Value#2" value="en"/>
        """));
    String options = "AuthScheme=Bearer;OAuthAccessToken=tok-abcdef;CustomHeaders='X-Team: data';"
        + "CustomUrlParams='api_key=k-999'";
    try (Connection c = connect(options)) {
      assertEquals(2, rows(c, "select v from pages").size());
    }
    LoggedRequest first = only("/first");
    assertEquals("Bearer tok-abcdef", first.getHeader("Authorization"));
    assertEquals("data", first.getHeader("X-Team"));
    assertEquals("k-999", first.queryParameter("api_key").firstValue());
    LoggedRequest second = only("/second");
    assertNull(second.getHeader("Authorization"));
    assertNull(second.getHeader("X-Team"));
    assertNull(second.getHeader("X-Api-Key"), "a secret profile header stays with the profile's hosts");
    assertEquals("en", second.getHeader("Accept-Language"));
    assertFalse(second.queryParameter("api_key").isPresent());

    API.resetRequests();
    try (Connection c = connect(options + ";AllowedHosts='localhost:" + API.getPort() + "'")) {
      assertEquals(2, rows(c, "select v from pages").size());
    }
    assertEquals("Bearer tok-abcdef", only("/second").getHeader("Authorization"));
    API.verify(getRequestedFor(urlPathEqualTo("/second")).withHeader("X-Team", equalTo("data")));
    API.verify(0, getRequestedFor(urlPathEqualTo("/first")).withHeader("Authorization", absent()));
  }
}
