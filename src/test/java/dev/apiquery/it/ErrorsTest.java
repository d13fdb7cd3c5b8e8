package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every failure is a SQLException a user can act on, and none leaks a secret. */
class ErrorsTest extends ApiTestSupport {
  private static final String ITEMS = "<attr name=\"v\" xs:type=\"string\" other:xPath=\"v\"/>";

  private SQLException queryFails(String sql, String options) throws Exception {
    try (Connection c = connect(options)) {
      return assertThrows(SQLException.class, () -> rows(c, sql));
    }
  }

  @Test
  void aServerErrorNamesTableRequestStatusAndBody() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(
        aResponse().withStatus(500).withStatusMessage("Server Error").withBody("{\"error\":\"database down\"}")));
    writeProfile("Items", rsd(ITEMS, "${BASE}/items?api_key=[_connection.ApiKey]&amp;q=1", ""));
    SQLException e = queryFails("select * from items", "ProfileSettings='ApiKey=topsecret99'");
    String m = e.getMessage();
    assertTrue(m.contains("Items"), m);
    assertTrue(m.contains("GET http://127.0.0.1:"), m);
    assertTrue(m.contains("/items?api_key=***"), m);
    assertTrue(m.contains("HTTP 500"), m);
    assertTrue(m.contains("database down"), m);
    assertTrue(m.contains("page 1"), m);
    assertFalse(m.contains("topsecret99"), m);
  }

  @Test
  void unauthorisedIsAnAuthorisationError() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401).withBody("nope")));
    writeProfile("Items", rsd(ITEMS, "${BASE}/items", ""));
    SQLException e = queryFails("select * from items", "");
    assertEquals("28000", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
  }

  @Test
  void htmlInsteadOfJsonFailsTheQuery() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Login required</body></html>")));
    writeProfile("Items", rsd(ITEMS, "${BASE}/items", ""));
    String m = queryFails("select * from items", "").getMessage();
    assertTrue(m.contains("text/html"), m);
    assertTrue(m.contains("Login required"), m);
  }

  @Test
  void malformedJsonFailsTheQueryInsteadOfReturningFewerRows() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[{\"v\":\"a\"},{\"v\": tru")));
    writeProfile("Items", rsd(ITEMS, "${BASE}/items", ""));
    String m = queryFails("select * from items", "").getMessage();
    assertTrue(m.contains("malformed body") && m.contains("Malformed JSON response"), m);
    assertTrue(m.contains("Items"), m);
  }

  @Test
  void aBrokenProfileFileFailsItsQueryWithFileAndLineNotTheConnection() throws Exception {
    Files.writeString(profileDir.resolve("Broken.rsd"), """
        <api:script xmlns:api="http://apiscript.com/ns?v1">
          <api:info title="B">
            <attr name="a" xs:type="string"/>
          </api:info>
          <api:script method="GET">
            <api:set attr="URI" value="http://127.0.0.1:1/x"/>
        </api:script>
        """);
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select * from broken"));
      assertTrue(e.getMessage().contains("Table 'Broken': Broken.rsd:"), e.getMessage());
      assertEquals("HY000", e.getSQLState());
    }
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(url("").replace(profileDir.toString(),
            profileDir.resolve("missing").toString())));
    assertTrue(e.getMessage().contains("profile not found"), e.getMessage());
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void aMissingProfileOptionSaysWhatToSet() {
    SQLException e = assertThrows(SQLException.class,
        () -> java.sql.DriverManager.getConnection("jdbc:apiquery:Timeout=5"));
    assertTrue(e.getMessage().contains("Profile"), e.getMessage());
  }

  @Test
  void anUnreachableApiIsAConnectionError() throws Exception {
    writeProfile("Items", rsd(ITEMS, "http://127.0.0.1:1/items", ""));
    SQLException e = queryFails("select * from items", "Timeout=5;MaxRetries=0");
    assertEquals("08S01", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("GET http://127.0.0.1:1/items"), e.getMessage());
  }

  @Test
  void realWorldRsdQuirksAreAccepted() throws Exception {
    // A raw & in an attribute, a non-breaking space between attributes, CRLF line ends.
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[{\"v\":\"ok\"}]")));
    String text = rsd(ITEMS.replace("name=\"v\" xs:type", "name=\"v\"\u00a0xs:type"),
        "${BASE}/items?a=1&b=[_input.b]", "").replace("${BASE}", base()).replace("\n", "\r\n");
    text = text.replace("</api:info>", "<input name=\"b\" def=\"x y\"/></api:info>");
    Files.writeString(profileDir.resolve("Items.rsd"), text, StandardCharsets.UTF_8);
    try (Connection c = connect()) {
      assertEquals(List.of(List.of("ok")), rows(c, "select v from items"));
    }
    assertEquals("/items?a=1&b=x%20y", API.getAllServeEvents().get(0).getRequest().getUrl());
  }
}
