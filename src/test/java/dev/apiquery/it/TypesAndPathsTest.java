package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every column type, nested and document-level paths, JSON text, through JDBC. */
class TypesAndPathsTest extends ApiTestSupport {
  private static final String BODY = """
      {"total": 2, "items": [
        {"id": "p1", "age": 41, "visits": 12345678901, "score": 4.5, "balance": 10.5,
         "active": true, "born": "1983-04-01", "updated": "2024-01-05T09:12:00+01:00",
         "opens": "08:30:00", "address": {"city": "Oslo", "zip": "0150"},
         "tags": ["vip", "new"], "phones": [{"n": "111"}, {"n": "222"}], "meta": {"a": 1}},
        {"id": "p2", "age": null, "visits": 3, "score": 1, "balance": "7.125",
         "active": false, "born": "2001-12-31", "updated": "2024-07-01T00:00:00.500Z",
         "opens": "23:59:59", "address": {"city": "Bergen"}, "tags": [], "phones": []}
      ]}""";

  @BeforeEach
  void setUp() throws Exception {
    API.stubFor(get(urlPathEqualTo("/v1/people")).willReturn(okJson(BODY)));
    writeProfile("People", rsd("""
            <attr name="Id" xs:type="string" key="true" other:xPath="id" desc="Person id"/>
            <attr name="Age" xs:type="int" other:xPath="age"/>
            <attr name="Visits" xs:type="long" other:xPath="visits"/>
            <attr name="Score" xs:type="double" other:xPath="score"/>
            <attr name="Balance" xs:type="decimal" columnsize="12" decimaldigits="2" other:xPath="balance"/>
            <attr name="Active" xs:type="boolean" other:xPath="active"/>
            <attr name="Born" xs:type="date" other:xPath="born"/>
            <attr name="Updated" xs:type="datetime" other:xPath="updated"/>
            <attr name="Opens" xs:type="time" other:xPath="opens"/>
            <attr name="City" xs:type="string" other:xPath="address/city"/>
            <attr name="Tags" xs:type="string" other:xPath="tags"/>
            <attr name="FirstPhone" xs:type="string" other:xPath="phones[0]/n"/>
            <attr name="Meta" xs:type="string" other:xPath="meta"/>
            <attr name="Total" xs:type="int" other:xPath="/json/total"/>
            <attr name="Zip" other:xPath="/json/items/address/zip"/>
        """, "${BASE}/v1/people", "<api:set attr=\"JSONPath\" value=\"$.items\"/>"));
  }

  @Test
  void everyTypeArrivesAsTheJavaTypeJdbcPromises() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select * from People")) {
      rs.next();
      assertEquals("p1", rs.getObject("Id"));
      assertEquals(41, rs.getObject("Age"));
      assertEquals(12345678901L, rs.getObject("Visits"));
      assertEquals(4.5d, rs.getObject("Score"));
      assertEquals(new BigDecimal("10.50"), rs.getObject("Balance"));
      assertEquals(Boolean.TRUE, rs.getObject("Active"));
      assertEquals(java.sql.Date.valueOf("1983-04-01"), rs.getObject("Born"));
      // An offset is normalised to UTC: 09:12+01:00 is 08:12 UTC.
      assertEquals(java.sql.Timestamp.valueOf("2024-01-05 08:12:00"), rs.getObject("Updated"));
      assertEquals(java.sql.Time.valueOf("08:30:00"), rs.getObject("Opens"));
      assertEquals("Oslo", rs.getObject("City"));
      assertEquals("[\"vip\",\"new\"]", rs.getObject("Tags"));
      assertEquals("111", rs.getObject("FirstPhone"));
      assertEquals("{\"a\":1}", rs.getObject("Meta"));
      assertEquals(2, rs.getObject("Total"));
      assertEquals("0150", rs.getObject("Zip"));

      rs.next();
      assertEquals("p2", rs.getString("Id"));
      assertNull(rs.getObject("Age"));
      assertEquals(0, rs.getInt("Age"));
      assertEquals(new BigDecimal("7.13"), rs.getBigDecimal("Balance"));
      assertEquals(1.0d, rs.getDouble("Score"));
      assertEquals(java.sql.Timestamp.valueOf("2024-07-01 00:00:00.5"), rs.getTimestamp("Updated"));
      assertEquals("[]", rs.getString("Tags"));
      assertNull(rs.getObject("FirstPhone"));
      assertNull(rs.getObject("Meta"));
      assertEquals(2, rs.getInt("Total"));
      assertEquals(false, rs.next());
    }
    API.verify(1, getRequestedFor(urlPathEqualTo("/v1/people")));
  }

  @Test
  void unconvertibleValuesBecomeNullAndAreCountedInAWarning() throws Exception {
    API.stubFor(get(urlPathEqualTo("/v1/odd")).willReturn(okJson(
        "[{\"n\":\"N/A\",\"d\":\"soon\"},{\"n\":7,\"d\":\"2024-01-01\"},{\"n\":\"x\",\"d\":null}]")));
    writeProfile("Odd", rsd("""
            <attr name="n" xs:type="int" other:xPath="n"/>
            <attr name="d" xs:type="date" other:xPath="d"/>
        """, "${BASE}/v1/odd", ""));
    try (Connection c = connect(); Statement st = c.createStatement()) {
      assertNull(st.getWarnings());
      try (ResultSet rs = st.executeQuery("select n, d from odd")) {
        List<List<Object>> rows = rows(rs);
        assertEquals(3, rows.size());
        assertNull(rows.get(0).get(0));
        assertEquals(7, rows.get(1).get(0));
        java.sql.SQLWarning warning = rs.getWarnings();
        assertTrue(warning != null && warning.getMessage().contains("3 value(s)"), String.valueOf(warning));
        assertTrue(warning.getMessage().contains("Odd"), warning.getMessage());
      }
      assertTrue(st.getWarnings().getMessage().contains("returned as NULL"));
      try (ResultSet rs = st.executeQuery("select n from odd where n = 7")) {
        rows(rs);
      }
      // A new execution starts without the old warnings... but this one converted "N/A" again.
      assertTrue(st.getWarnings().getMessage().contains("2 value(s)"), st.getWarnings().getMessage());
      st.clearWarnings();
      assertNull(st.getWarnings());
      try (java.sql.PreparedStatement ps = c.prepareStatement("select d from odd");
          ResultSet rs = ps.executeQuery()) {
        rows(rs);
        assertTrue(rs.getWarnings().getMessage().contains("1 value(s)"), rs.getWarnings().getMessage());
      }
    }
  }

  @Test
  void unquotedNamesMatchCaseInsensitivelyAndKeepTheirSpelling() throws Exception {
    try (Connection c = connect()) {
      List<List<Object>> rows = rows(c, "select id, CITY from people where active");
      assertEquals(List.of(List.of("p1", "Oslo")), rows);
      assertEquals(List.of(List.of("p2")), rows(c, "select \"Id\" from People where age is null"));
    }
  }

  @Test
  void filtersOnOrdinaryColumnsRunAfterTheFetch() throws Exception {
    try (Connection c = connect()) {
      assertEquals(List.of(List.of("Bergen")), rows(c, "select city from people where score < 2 and visits = 3"));
      assertEquals(List.of(List.of(2L)), rows(c, "select count(*) from people"));
      assertEquals(List.of(List.of("p2"), List.of("p1")), rows(c, "select id from people order by born desc"));
    }
  }

  @Test
  void oneProjectedColumnIsNotAnArray() throws Exception {
    // Calcite treats one-column rows specially; the scan must still hand over Object[] rows.
    try (Connection c = connect()) {
      assertEquals(List.of(List.of("Oslo"), List.of("Bergen")), rows(c, "select city from people"));
      assertEquals(List.of(List.of("OSLO")), rows(c, "select upper(city) from people limit 1"));
    }
  }

  @Test
  void explainShowsOnlyTheProjectedColumnsAndThePushedLimit() throws Exception {
    try (Connection c = connect()) {
      String plan = rows(c, "explain plan for select city, id from people limit 1").get(0).get(0).toString();
      assertEquals(true, plan.contains("columns=[City, Id]"), plan);
      assertEquals(true, plan.contains("fetch=1"), plan);
      // A limit never passes a filter that still has to run after the fetch.
      String filtered = rows(c, "explain plan for select id from people where score < 2 limit 1").get(0).get(0).toString();
      assertTrue(filtered.contains("ApiLimit(fetch=[1])"), filtered);
      assertTrue(!filtered.contains("fetch=1]"), filtered);
      assertEquals(List.of(List.of("p2")), rows(c, "select id from people where score < 2 limit 1"));
    }
  }
}
