package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code _row} pseudo-column and its ranges, in the exact shapes Spark's JDBC source sends
 * for {@code partitionColumn=_row}: every pushed range checked for its rows, their {@code _row}
 * values and the exact requests the API saw.
 */
class RowRangeTest extends ApiTestSupport {
  private static final int TOTAL = 50;
  private static final int PAGE = 10;


  /** Rows {@code [from, to)} as (id, name, _row): in this API a row's id is its position. */
  private static List<List<Object>> expected(int from, int to) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(List.of(i, "n" + i, (long) i));
    }
    return rows;
  }

  private static final String COLUMNS = """
          <attr name="id" xs:type="int" other:xPath="id"/>\r
          <attr name="name" xs:type="string" other:xPath="name"/>\r
          <input name="rows@next" desc="internal"/>\r
      """;

  /** {@code /items?offset=o&limit=10} for the given offsets; anything else is a 404 the test sees. */
  private void offsetApi(int... offsets) throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).atPriority(10).willReturn(notFound()));
    for (int offset : offsets) {
      API.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .withQueryParam("limit", equalTo(Integer.toString(PAGE)))
          .willReturn(okJson("{\"total\":" + TOTAL + ",\"items\":" + items(Math.min(offset, TOTAL),
              Math.min(TOTAL, offset + PAGE)) + "}")));
    }
    writeProfile("Items", rsd(COLUMNS, "${BASE}/items?status=all&amp;sort=created", """
          <api:set attr="JSONPath" value="$.items"/>\r
          <api:set attr="pageoffsetparam" value="offset"/>\r
          <api:set attr="pagesizeparam" value="limit"/>\r
          <api:set attr="pagesize" value="10"/>\r
        """));
  }

  private static List<String> offsetsAsked() {
    List<String> offsets = new ArrayList<>();
    for (LoggedRequest r : API.findAll(getRequestedFor(urlPathEqualTo("/items")))) {
      offsets.add(r.queryParameter("offset").firstValue());
    }
    offsets.sort(null);
    return offsets;
  }

  @Test
  void sparksPartitionPredicatesStartAtTheirOffsetAndStopAfterTheirLastRow() throws Exception {
    offsetApi(0, 10, 20, 30, 40, 50, 60, 70, 80);
    try (Connection c = connect()) {
      // Spark's first partition: _row is never null, so the OR holds for rows 0-19 only.
      assertEquals(expected(0, 20),
          rows(c, "SELECT \"id\",\"name\",\"_row\" FROM items WHERE \"_row\" < 20 or \"_row\" is null"));
      assertEquals(List.of("0", "10"), offsetsAsked());
      API.resetRequests();

      assertEquals(expected(20, 40),
          rows(c, "SELECT \"id\",\"name\",\"_row\" FROM items WHERE \"_row\" >= 20 AND \"_row\" < 40"));
      assertEquals(List.of("20", "30"), offsetsAsked());
      API.resetRequests();

      // count(): Spark selects a constant; the range still pushes.
      assertEquals(20, rows(c, "SELECT 1 FROM items WHERE \"_row\" >= 20 AND \"_row\" < 40").size());
      assertEquals(List.of("20", "30"), offsetsAsked());
      API.resetRequests();
    }
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      // The last partition has no end: the empty page at offset 50 ends it.
      assertEquals(expected(40, 50),
          rows(c, "SELECT \"id\",\"name\",\"_row\" FROM items WHERE \"_row\" >= 40"));
      assertEquals(List.of("40", "50"), offsetsAsked());
    }
  }

  @Test
  void selectStarListsRowLastAndTheMetadataSaysWhatItIs() throws Exception {
    offsetApi(0, 10, 20, 30, 40, 50);
    // One request at a time: no page fetched ahead past the end lands in the next test's count.
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM items WHERE 1=0")) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(3, md.getColumnCount());
        assertEquals("_row", md.getColumnName(3));
        assertEquals(java.sql.Types.BIGINT, md.getColumnType(3));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(3));
      }
      assertEquals(0, API.getAllServeEvents().size());
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getColumns(null, null, "Items", "_row")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt("ORDINAL_POSITION"));
        assertEquals("BIGINT", rs.getString("TYPE_NAME"));
        assertEquals("NO", rs.getString("IS_NULLABLE"));
        assertTrue(rs.getString("REMARKS").contains("0-based position"), rs.getString("REMARKS"));
      }
      assertEquals(expected(0, TOTAL), rows(c, "SELECT * FROM items"));
    }
  }

  @Test
  void aSubqueryOverTheTableStillPushes() throws Exception {
    offsetApi(20, 30);
    try (Connection c = connect()) {
      List<List<Object>> rows = rows(c, "SELECT \"_row\",\"id\",\"name\" FROM (SELECT _row, id, name FROM items) q "
          + "WHERE \"_row\" >= 20 AND \"_row\" < 40");
      assertEquals(20, rows.size());
      assertEquals(List.of(20L, 20, "n20"), rows.get(0));
      assertEquals(List.of("20", "30"), offsetsAsked());
    }
  }

  @Test
  void limitOffsetAndOtherFiltersComposeWithTheRange() throws Exception {
    offsetApi(10, 20, 30);
    API.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("23"))
        .withQueryParam("limit", equalTo("5")).willReturn(okJson("{\"items\":" + items(23, 28) + "}")));
    try (Connection c = connect()) {
      // OFFSET and LIMIT count within the range: rows 23-27, one request at offset 23.
      assertEquals(List.of(List.of(23, 23L), List.of(24, 24L), List.of(25, 25L), List.of(26, 26L), List.of(27, 27L)),
          rows(c, "SELECT id, _row FROM items WHERE _row >= 20 AND _row < 40 LIMIT 5 OFFSET 3"));
      assertEquals(List.of("23"), offsetsAsked());
      API.resetRequests();
      // Another predicate runs after the fetch; _row still numbers the API's rows.
      List<List<Object>> rows = rows(c, "SELECT id, _row FROM items WHERE _row BETWEEN 10 AND 19 AND name <> 'n12'");
      assertEquals(9, rows.size());
      assertEquals(List.of(13, 13L), rows.get(2));
      assertEquals(List.of("10"), offsetsAsked());
      API.resetRequests();
      // A range that holds no row sends nothing.
      assertEquals(List.of(), rows(c, "SELECT id FROM items WHERE _row >= 30 AND _row < 30"));
      assertEquals(List.of(), rows(c, "SELECT id FROM items WHERE _row >= 20 AND _row < 40 OFFSET 25"));
      assertEquals(0, API.getAllServeEvents().size());
      // EXPLAIN shows the range and the first request, and sends nothing.
      String plan = rows(c, "EXPLAIN PLAN FOR SELECT id FROM items WHERE _row >= 20 AND _row < 40")
          .get(0).get(0).toString();
      assertTrue(plan.contains("_row in [20..40)"), plan);
      assertTrue(plan.contains("offset=20&limit=10"), plan);
      assertEquals(0, API.getAllServeEvents().size());
    }
  }

  @Test
  void aPreparedRangeIsPushedWithEachExecutionsValues() throws Exception {
    offsetApi(0, 10, 20, 30, 40, 50, 60, 70);
    try (Connection c = connect("MaxConcurrentRequests=1");
        PreparedStatement ps = c.prepareStatement("SELECT id, name, _row FROM items WHERE _row >= ? AND _row < ?")) {
      ps.setLong(1, 10);
      ps.setLong(2, 20);
      assertEquals(expected(10, 20), rows(ps.executeQuery()));
      assertEquals(List.of("10"), offsetsAsked(), "the page of rows 10-19, and no other");
      API.resetRequests();
      ps.setInt(1, 30);
      ps.setInt(2, 50);
      assertEquals(expected(30, 50), rows(ps.executeQuery()));
      assertEquals(List.of("30", "40"), offsetsAsked());
      API.resetRequests();
      ps.setNull(1, Types.BIGINT); // _row >= NULL holds for no row
      assertEquals(List.of(), rows(ps.executeQuery()));
      assertEquals(List.of(), offsetsAsked());
    }
  }

  @Test
  void aPreparedRangeShowsInExplainAndRoundsAsALiteralWould() throws Exception {
    offsetApi(0, 10, 20, 30, 40, 50, 60, 70);
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      try (PreparedStatement ps = c.prepareStatement("explain plan for SELECT id FROM items WHERE _row < ? or _row is null")) {
        ps.setInt(1, 5);
        String plan = rows(ps.executeQuery()).get(0).get(0).toString();
        assertTrue(plan.contains("_row < ?0"), plan);
        assertTrue(!plan.contains("EnumerableCalc"), "nothing left to filter after the fetch: " + plan);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT id, name, _row FROM items WHERE _row > ? AND _row <= ?")) {
        ps.setBigDecimal(1, new BigDecimal("9.5"));
        ps.setLong(2, 19);
        assertEquals(expected(10, 20), rows(ps.executeQuery()));
      }
      assertEquals(List.of("10"), offsetsAsked());
    }
  }

  @Test
  void pageNumbersStartAtThePageHoldingTheFirstRow() throws Exception {
    for (int page = 1; page <= 6; page++) {
      int from = (page - 1) * PAGE;
      API.stubFor(get(urlPathEqualTo("/list")).withQueryParam("page", equalTo(Integer.toString(page)))
          .withQueryParam("per_page", equalTo("10"))
          .willReturn(okJson(items(Math.min(from, TOTAL), Math.min(TOTAL, from + PAGE)))));
    }
    writeProfile("List", rsd(COLUMNS, "${BASE}/list", """
          <api:set attr="pagenumberparam" value="page;1"/>\r
          <api:set attr="pagesizeparam" value="per_page"/>\r
          <api:set attr="pagesize" value="10"/>\r
        """));
    try (Connection c = connect()) {
      assertEquals(expected(20, 30), rows(c, "SELECT id, name, _row FROM list WHERE _row >= 20 AND _row < 30"));
      API.verify(1, getRequestedFor(urlPathEqualTo("/list")));
      API.verify(getRequestedFor(urlPathEqualTo("/list")).withQueryParam("page", equalTo("3")));
      API.resetRequests();
      // Not on a page boundary: pages 3 and 4, the first five rows of page 3 skipped here.
      assertEquals(expected(25, 35), rows(c, "SELECT id, name, _row FROM list WHERE _row >= 25 AND _row < 35"));
      assertEquals(2, API.getAllServeEvents().size());
    }
  }

  @Test
  void otherPagingReadsFromTheStartButStopsAfterTheRange() throws Exception {
    for (int page = 0; page < 5; page++) {
      String next = page == 4 ? "null" : "\"" + base() + "/feed?after=" + (page + 1) * PAGE + "\"";
      API.stubFor(get(urlPathEqualTo("/feed")).withQueryParam("after", equalTo(Integer.toString(page * PAGE)))
          .willReturn(okJson("{\"data\":" + items(page * PAGE, (page + 1) * PAGE) + ",\"next\":" + next + "}")));
    }
    writeProfile("Feed", rsd(COLUMNS, "${BASE}/feed?after=0", """
          <api:set attr="JSONPath" value="$.data"/>\r
          <api:set attr="pageurlpath" value="/json/next"/>\r
        """));
    try (Connection c = connect()) {
      // A next URL cannot start later: pages 1-3 are read, and nothing after row 24.
      assertEquals(expected(15, 25), rows(c, "SELECT id, name, _row FROM feed WHERE _row >= 15 AND _row < 25"));
      assertEquals(3, API.getAllServeEvents().size());
      API.resetRequests();
      assertEquals(expected(45, 50), rows(c, "SELECT id, name, _row FROM feed WHERE _row >= 45"));
      assertEquals(5, API.getAllServeEvents().size());
    }
  }

  @Test
  void eachSetOfInputValuesCountsItsOwnRows() throws Exception {
    for (String region : List.of("eu", "us")) {
      int base = region.equals("eu") ? 100 : 200;
      for (int offset = 0; offset < 30; offset += PAGE) {
        API.stubFor(get(urlPathEqualTo("/regions/" + region + "/items"))
            .withQueryParam("offset", equalTo(Integer.toString(offset)))
            .willReturn(okJson("{\"items\":" + items(base + offset, base + offset + PAGE) + "}")));
      }
    }
    writeProfile("RegionItems", rsd(COLUMNS + "<input name=\"region\" required=\"true\"/>",
        "${BASE}/regions/[_input.region]/items", """
          <api:set attr="JSONPath" value="$.items"/>\r
          <api:set attr="pageoffsetparam" value="offset"/>\r
          <api:set attr="pagesizeparam" value="limit"/>\r
          <api:set attr="pagesize" value="10"/>\r
        """));
    try (Connection c = connect()) {
      List<List<Object>> rows = rows(c, "SELECT region, id, _row FROM regionitems "
          + "WHERE region IN ('eu', 'us') AND _row >= 10 AND _row < 12");
      assertEquals(List.of(List.of("eu", 110, 10L), List.of("eu", 111, 11L),
          List.of("us", 210, 10L), List.of("us", 211, 11L)), rows);
      assertEquals(2, API.getAllServeEvents().size());
      for (String region : List.of("eu", "us")) {
        API.verify(1, getRequestedFor(urlPathEqualTo("/regions/" + region + "/items"))
            .withQueryParam("offset", equalTo("10")).withQueryParam("limit", equalTo("2")));
      }
    }
  }
}
