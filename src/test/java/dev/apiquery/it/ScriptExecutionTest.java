package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The executor runs the whole script as CData does, checked through JDBC against the requests
 * the API saw. The profiles (src/test/resources/profile/exec) are written like vendor files:
 * CRLF, raw {@code &} in URIs, no xmlns, {@code $.} paths.
 */
class ScriptExecutionTest extends ApiTestSupport {

  /** Copies a test profile into the profile folder, {@code ${BASE}} replaced by the API's URL. */
  private void install(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/profile/exec/" + name + ".rsd")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.contains("\r\n"), "vendor-style profiles have CRLF line ends");
      writeProfile(name, text);
    }
  }

  private static List<LoggedRequest> requests() {
    return API.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
  }

  @Test
  void aTokenPostIsFollowedByTheDataCallThatUsesItsOutput() throws Exception {
    install("Tickets");
    API.stubFor(post(urlEqualTo("/oauth/token")).willReturn(okJson(
        "{\"access_token\":\"tk-123456789\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    API.stubFor(get(urlPathEqualTo("/api/v2/tickets")).withHeader("Authorization", equalTo("Bearer tk-123456789"))
        .willReturn(okJson("{\"tickets\":[{\"id\":1,\"subject\":\"Printer\",\"status\":\"open\"},"
            + "{\"id\":2,\"subject\":\"VPN\",\"status\":\"closed\"}]}")));
    try (Connection c = connect("ProfileSettings='ClientId=app 1;ClientSecret=s3cret=x+y'")) {
      assertEquals(List.of(List.of(1, "Printer"), List.of(2, "VPN")), rows(c, "select id, subject from tickets"));
    }
    API.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=client_credentials&client_id=app+1&client_secret=s3cret%3Dx%2By")));
    API.verify(1, getRequestedFor(urlEqualTo("/api/v2/tickets?per_page=100&sort=id")));
    assertEquals(2, requests().size());
  }

  @Test
  void aNestedCallMakesOneRequestPerItemOfTheOuterCall() throws Exception {
    install("ProjectUsers");
    stubProjects();
    try (Connection c = connect()) {
      assertEquals(List.of(
          List.of(1, "Alpha", 11, "ann"), List.of(1, "Alpha", 12, "bob"),
          List.of(3, "Gamma", 31, "cid"), List.of(3, "Gamma", 32, "dee")),
          rows(c, "select project_id, project_name, id, name from projectusers"));
    }
    API.verify(1, getRequestedFor(urlEqualTo("/projects?state=active&per_page=50")));
    API.verify(1, getRequestedFor(urlEqualTo("/projects/1/users")));
    API.verify(1, getRequestedFor(urlEqualTo("/projects/2/users")));
    API.verify(1, getRequestedFor(urlEqualTo("/projects/3/users")));
    assertEquals(4, requests().size());
  }

  @Test
  void aLimitOverNestedCallsSendsNoRequestPastTheRowsItNeeds() throws Exception {
    install("ProjectUsers");
    stubProjects();
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(11), List.of(12)), rows(c, "select id from projectusers limit 2"));
      assertEquals(2, requests().size(), requests().toString());
      API.resetRequests();
      try (Statement st = c.createStatement()) {
        st.setMaxRows(3);
        try (ResultSet rs = st.executeQuery("select id from projectusers")) {
          assertEquals(3, rows(rs).size());
        }
      }
      // Project 2 has no users: its request is needed to reach the third row.
      assertEquals(List.of("/projects/1/users", "/projects/2/users", "/projects/3/users",
          "/projects?state=active&per_page=50"), requests().stream().map(LoggedRequest::getUrl).sorted().toList());
    }
  }

  @Test
  void explainShowsTheCallTreeAndSendsNothing() throws Exception {
    install("ProjectUsers");
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
        "explain plan for select id from projectusers")) {
      rs.next();
      String plan = rs.getString(1);
      assertTrue(plan.contains("GET " + base() + "/projects?state=active&per_page=50 (no paging)"), plan);
      assertTrue(plan.contains("  GET " + base() + "/projects//users (no paging, once per item of the enclosing call)"),
          plan);
    }
    assertEquals(0, requests().size());
  }

  private void stubProjects() {
    API.stubFor(get(urlPathEqualTo("/projects")).willReturn(okJson(
        "{\"projects\":[{\"id\":1,\"name\":\"Alpha\"},{\"id\":2,\"name\":\"Beta\"},{\"id\":3,\"name\":\"Gamma\"}]}")));
    API.stubFor(get(urlEqualTo("/projects/1/users")).willReturn(okJson(
        "{\"users\":[{\"id\":11,\"name\":\"ann\"},{\"id\":12,\"name\":\"bob\"}]}")));
    API.stubFor(get(urlEqualTo("/projects/2/users")).willReturn(okJson("{\"users\":[]}")));
    API.stubFor(get(urlEqualTo("/projects/3/users")).willReturn(okJson(
        "{\"users\":[{\"id\":31,\"name\":\"cid\"},{\"id\":32,\"name\":\"dee\"}]}")));
  }

  @Test
  void rowsNextPagesByPageNumberUntilAPageIsEmptyAndLimitStopsItEarly() throws Exception {
    install("Items");
    API.stubFor(get(urlEqualTo("/items?page=1&per_page=2")).willReturn(okJson(
        "{\"items\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]}")));
    API.stubFor(get(urlEqualTo("/items?page=2&per_page=2")).willReturn(okJson(
        "{\"items\":[{\"id\":3,\"name\":\"c\"},{\"id\":4,\"name\":\"d\"}]}")));
    API.stubFor(get(urlEqualTo("/items?page=3&per_page=2")).willReturn(okJson("{\"items\":[]}")));
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(4)), rows(c, "select id from items"));
      assertEquals(3, requests().size());
      API.resetRequests();
      assertEquals(List.of(List.of(1), List.of(2), List.of(3)), rows(c, "select id from items limit 3"));
      assertEquals(List.of("/items?page=1&per_page=2", "/items?page=2&per_page=2"),
          requests().stream().map(LoggedRequest::getUrl).sorted().toList());
    }
  }

  @Test
  void rowsNextThatNeverEndsFailsAtMaxPages() throws Exception {
    install("Items");
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("{\"items\":[{\"id\":1,\"name\":\"a\"}]}")));
    try (Connection c = connect("MaxPages=3")) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select id from items"));
      assertTrue(e.getMessage().contains("MaxPages=3"), e.getMessage());
    }
    assertEquals(3, requests().size());
  }

  @Test
  void keywordsEnumSelectContinueNullAndSetm() throws Exception {
    install("Stores");
    API.stubFor(get(urlEqualTo("/v1/regions/north/stores")).willReturn(okJson("{\"stores\":["
        + "{\"id\":1,\"kind\":\"S\"},{\"id\":2,\"kind\":\"WH\",\"closed\":true},{\"id\":3,\"kind\":\"WH\"}]}")));
    API.stubFor(get(urlEqualTo("/v1/regions/south/stores")).willReturn(okJson("{\"stores\":["
        + "{\"id\":4,\"kind\":\"X\"},{\"id\":5}]}")));
    try (Connection c = connect()) {
      assertEquals(List.of(
          List.of("north", 1, "shop"), List.of("north", 3, "warehouse"),
          List.of("south", 4, "other"), List.of("south", 5, "unknown")),
          rows(c, "select region, id, label from stores"));
    }
    assertEquals(2, requests().size());
  }

  @Test
  void unknownKeywordFailsTheQueryThatReachesItNotTheConnection() throws Exception {
    install("Items");
    writeProfile("Odd", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/odd",
        "<api:frobnicate attr=\"x\"/>"));
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("{\"items\":[]}")));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select * from odd"));
      assertTrue(e.getMessage().contains("Odd.rsd:"), e.getMessage());
      assertTrue(e.getMessage().contains("keyword <api:frobnicate> is not supported"), e.getMessage());
      assertEquals(List.of(), rows(c, "select id from items"));
    }
  }

  @Test
  void scriptBuiltPartsGoAsWrittenAndSqlValuesAreEncoded() throws Exception {
    install("DiskUsage");
    API.stubFor(get(urlPathEqualTo("/space/diskUsage/DEV%20TEAM")).willReturn(okJson(
        "[{\"path\":\"/a\",\"bytes\":10}]")));
    String host = "127.0.0.1:" + API.getPort();
    try (Connection c = connect("ProfileSettings='Host=" + host + ";ApiKey=key-0123456789'")) {
      assertEquals(List.of(List.of("/a", 10L)),
          rows(c, "select path, bytes from diskusage where space = 'DEV TEAM' and q = 'a&b=c/d'"));
    }
    LoggedRequest request = requests().get(0);
    assertEquals("/space/diskUsage/DEV%20TEAM?page=1&per_page=100&q=a%26b%3Dc%2Fd", request.getUrl());
    assertEquals("key-0123456789", request.getHeader("X-Api-Key"));
    assertEquals(1, requests().size());
  }

  @Test
  void aPostSearchInsideSelectSendsItsJsonBodyAndIsNeverRetried() throws Exception {
    install("OrderSearch");
    API.stubFor(post(urlEqualTo("/orders/search")).withRequestBody(equalToJson("{\"status\":\"open\",\"limit\":50}"))
        .willReturn(okJson("{\"results\":[{\"id\":1,\"status\":\"open\"},{\"id\":2,\"status\":\"closed\"}]}")));
    try (Connection c = connect()) {
      // WHERE on the status column sets [_input.status]; the predicate is still applied.
      assertEquals(List.of(List.of(1, "open")), rows(c, "select id, status from ordersearch where status = 'open'"));
      assertEquals(1, requests().size());
      assertEquals("application/json", requests().get(0).getHeader("Content-Type").split(";")[0]);
      API.resetRequests();
      API.stubFor(post(urlEqualTo("/orders/search")).withRequestBody(equalToJson("{\"status\":\"any\",\"limit\":50}"))
          .willReturn(aResponse().withStatus(503)));
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select id from ordersearch"));
      assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
      assertEquals(1, requests().size(), "a POST is never retried");
    }
  }

  @Test
  void callsThatReturnItemsButPushNoRowWarn() throws Exception {
    writeProfile("Quiet", """
        <api:script>\r
          <api:info title="Quiet" desc="pushes nothing">\r
            <attr name="id" xs:type="integer" other:xPath="id"/>\r
          </api:info>\r
          <api:script method="GET">\r
            <api:set attr="URI" value="${BASE}/quiet"/>\r
            <api:call op="jsonproviderGet" out="o">\r
              <api:set attr="seen" value="[o.id]"/>\r
            </api:call>\r
          </api:script>\r
        </api:script>\r
        """);
    API.stubFor(get(urlEqualTo("/quiet")).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select id from quiet")) {
      assertEquals(List.of(), rows(rs));
      SQLWarning warning = st.getWarnings();
      assertTrue(warning != null && warning.getMessage().contains("returned 2 item(s) but it pushed no row"),
          String.valueOf(warning));
    }
  }

  @Test
  void aCallWhoseOutputNothingUsesWarnsAndAPushOutsideACallEmitsTheDefaultItem() throws Exception {
    writeProfile("Status", """
        <api:script>\r
          <api:info title="Status" desc="one row built by the script">\r
            <attr name="state" xs:type="string" other:xPath="state"/>\r
          </api:info>\r
          <api:script method="GET">\r
            <api:set attr="URI" value="${BASE}/ping"/>\r
            <api:call op="jsonproviderGet" out="unused"/>\r
            <api:set attr="state" value="up"/>\r
            <api:push/>\r
          </api:script>\r
        </api:script>\r
        """);
    API.stubFor(get(urlEqualTo("/ping")).willReturn(okJson("[{\"ok\":true}]")));
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select state from status")) {
      assertEquals(List.of(List.of("up")), rows(rs));
      SQLWarning warning = st.getWarnings();
      assertTrue(warning != null && warning.getMessage().contains("Status.rsd:7")
          && warning.getMessage().contains("outputs items that nothing uses"), String.valueOf(warning));
    }
    assertEquals(1, requests().size());
  }
}
