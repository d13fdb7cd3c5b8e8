package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dynamic parameters are pushed exactly like literals: the same requests, rows and errors. */
class PreparedStatementTest extends ApiTestSupport {

  @BeforeEach
  void setUp() throws Exception {
    API.stubFor(get(urlPathMatching("/orgs/[^/]+/repos")).willReturn(okJson("[{\"id\":1,\"name\":\"core\"}]")));
    API.stubFor(get(urlEqualTo("/orgs/beta%20co/repos")).willReturn(okJson("[{\"id\":3,\"name\":\"api\"}]")));
    writeProfile("Repos", rsd("""
            <attr name="id" xs:type="long" other:xPath="/json/id"/>
            <attr name="name" xs:type="string" other:xPath="/json/name"/>
            <input name="org" xs:type="string" required="true" desc="Organisation login"/>
        """, "${BASE}/orgs/[_input.org]/repos", ""));
    API.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson("""
        {"events":[{"id":1,"kind":"a"},{"id":2,"kind":"b"}]}""")));
    writeProfile("Events", rsd("""
            <attr name="id" xs:type="long" other:xPath="id"/>
            <attr name="kind" xs:type="string" other:xPath="kind" other:filter="kind"/>
            <input name="customer_id" xs:type="long" other:filter="customer"/>
            <input name="since" xs:type="datetime" other:filter="since"/>
            <input name="event_day" xs:type="date" other:filter="day"/>
            <input name="ratio" xs:type="decimal" other:filter="ratio"/>
        """, "${BASE}/events", "<api:set attr=\"JSONPath\" value=\"$.events\"/>"));
  }

  private static List<LoggedRequest> events() {
    return API.findAll(getRequestedFor(urlPathEqualTo("/events")));
  }

  @Test
  void aRequiredInputTakesTheParameterAndReExecutionSendsTheNewValue() throws Exception {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select name, org from repos where org = ?")) {
      ps.setString(1, "acme");
      assertEquals(List.of(List.of("core", "acme")), rows(ps.executeQuery()));
      ps.setString(1, "beta co");
      assertEquals(List.of(List.of("api", "beta co")), rows(ps.executeQuery()));
    }
    API.verify(1, getRequestedFor(urlEqualTo("/orgs/acme/repos")));
    API.verify(1, getRequestedFor(urlEqualTo("/orgs/beta%20co/repos")));
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void inWithParametersFansOutLikeALiteralList() throws Exception {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select org, name from repos where org in (?, ?)")) {
      ps.setString(1, "x1");
      ps.setObject(2, "x2");
      assertEquals(List.of(List.of("x1", "core"), List.of("x2", "core")), rows(ps.executeQuery()));
    }
    API.verify(1, getRequestedFor(urlEqualTo("/orgs/x1/repos")));
    API.verify(1, getRequestedFor(urlEqualTo("/orgs/x2/repos")));
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void everySetterWritesTheValueAsItsLiteralWould() throws Exception {
    String sql = "select id from events where customer_id = ? and since = ? and event_day = ? and ratio = ? and kind = ?";
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, 42L);
      ps.setTimestamp(2, Timestamp.valueOf("2024-03-04 05:06:07"));
      ps.setDate(3, Date.valueOf("2024-03-04"));
      ps.setBigDecimal(4, new BigDecimal("1.50"));
      ps.setString(5, "a");
      assertEquals(List.of(List.of(1L)), rows(ps.executeQuery()));
      ps.setInt(1, 7);
      ps.setObject(2, Timestamp.valueOf("2025-01-01 00:00:00"));
      ps.setObject(3, Date.valueOf("2025-12-31"));
      ps.setDouble(4, 2.25);
      ps.setObject(5, "b", Types.VARCHAR);
      assertEquals(List.of(List.of(2L)), rows(ps.executeQuery()));
    }
    try (Connection c = connect()) {
      rows(c, "select id from events where customer_id = 42 and since = TIMESTAMP '2024-03-04 05:06:07'"
          + " and event_day = DATE '2024-03-04' and ratio = 1.50 and kind = 'a'");
    }
    List<LoggedRequest> requests = events();
    assertEquals(3, requests.size());
    assertParams(requests.get(0), "42", "2024-03-04T05:06:07", "2024-03-04", "1.5", "a");
    assertParams(requests.get(1), "7", "2025-01-01T00:00:00", "2025-12-31", "2.25", "b");
    // The literal query sends exactly what the prepared one sent.
    assertEquals(requests.get(0).getUrl(), requests.get(2).getUrl());
  }

  private static void assertParams(LoggedRequest r, String customer, String since, String day, String ratio, String kind) {
    assertEquals(customer, r.queryParameter("customer").firstValue(), r.getUrl());
    assertEquals(since, r.queryParameter("since").firstValue(), r.getUrl());
    assertEquals(day, r.queryParameter("day").firstValue(), r.getUrl());
    assertEquals(ratio, r.queryParameter("ratio").firstValue(), r.getUrl());
    assertEquals(kind, r.queryParameter("kind").firstValue(), r.getUrl());
  }

  @Test
  void aFilterColumnParameterIsSentAndStillChecked() throws Exception {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select id from events where kind = ?")) {
      ps.setString(1, "b");
      // The stub ignores the parameter: SQL still filters.
      assertEquals(List.of(List.of(2L)), rows(ps.executeQuery()));
      String plan = rows(c, "explain plan for select id from events where kind = ?").toString();
      assertTrue(plan.contains("params=[kind=[?0]]"), plan);
    }
    assertEquals(1, events().size());
    assertEquals("b", events().get(0).queryParameter("kind").firstValue());
  }

  @Test
  void aNullParameterMatchesNothingAndSendsNothing() throws Exception {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select name from repos where org = ?")) {
      ps.setNull(1, Types.VARCHAR);
      assertEquals(List.of(), rows(ps.executeQuery()));
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  @Test
  void errorsHaveTheSameStateAndMessageAsThroughAStatement() throws Exception {
    API.stubFor(get(urlEqualTo("/orgs/gone/repos")).willReturn(okJson("{}").withStatus(404)));
    try (Connection c = connect()) {
      SQLException direct = assertThrows(SQLException.class, () -> rows(c, "select name from repos where org = 'gone'"));
      SQLException prepared;
      try (PreparedStatement ps = c.prepareStatement("select name from repos where org = ?")) {
        ps.setString(1, "gone");
        prepared = assertThrows(SQLException.class, () -> rows(ps.executeQuery()));
      }
      assertEquals(direct.getSQLState(), prepared.getSQLState());
      assertEquals(direct.getMessage(), prepared.getMessage());
      SQLException missingDirect = assertThrows(SQLException.class, () -> rows(c, "select name from repos"));
      SQLException missingPrepared;
      try (PreparedStatement ps = c.prepareStatement("select name from repos where id = ?")) {
        ps.setLong(1, 1);
        missingPrepared = assertThrows(SQLException.class, () -> rows(ps.executeQuery()));
      }
      assertEquals("07001", missingDirect.getSQLState());
      assertEquals(missingDirect.getSQLState(), missingPrepared.getSQLState());
      assertEquals(missingDirect.getMessage(), missingPrepared.getMessage());
    }
  }
}
