package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One fixture per paging strategy, shaped like the real API it stands for; each checks every row,
 * their order, and the exact number of requests.
 */
class PagingTest extends ApiTestSupport {


  private static List<List<Object>> expected(int from, int to) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(List.of(i, "n" + i));
    }
    return rows;
  }

  private static final String COLUMNS = """
          <attr name="id" xs:type="int" other:xPath="id"/>
          <attr name="name" xs:type="string" other:xPath="name"/>
          <input name="rows@next" desc="internal"/>
      """;

  private void stub(MappingBuilder request) {
    API.stubFor(request);
  }

  @Test
  void linkHeaderLikeGitHub() throws Exception {
    String path = "/orgs/acme/repos";
    stub(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("1")).willReturn(okJson(items(0, 3)).withHeader(
        "Link", "<" + base() + path + "?per_page=3&page=2>; rel=\"next\", <" + base() + path + "?per_page=3&page=3>; rel=\"last\"")));
    stub(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2")).willReturn(okJson(items(3, 6)).withHeader(
        "Link", "<" + base() + path + "?per_page=3&page=1>; rel=\"first\", <" + base() + path + "?per_page=3&page=3>; rel=\"next\"")));
    stub(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("3")).willReturn(okJson(items(6, 8)).withHeader(
        "Link", "<" + base() + path + "?per_page=3&page=2>; rel=\"prev\"")));
    writeProfile("Repos", rsd(COLUMNS, "${BASE}" + path + "?per_page=3&amp;page=1",
        "<api:set attr=\"EnablePaging\" value=\"true\"/><api:set attr=\"pageurlpath\" value=\"header:Link\"/>"));
    try (Connection c = connect()) {
      assertEquals(expected(0, 8), rows(c, "select id, name from repos"));
    }
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void relativeNextUrlLikeSalesforce() throws Exception {
    String q = "/services/data/v59.0/query";
    stub(get(urlPathEqualTo(q)).willReturn(okJson("{\"totalSize\":5,\"done\":false,\"nextRecordsUrl\":\"" + q
        + "/01g-2\",\"records\":" + items(0, 2) + "}")));
    stub(get(urlPathEqualTo(q + "/01g-2")).willReturn(okJson("{\"totalSize\":5,\"done\":false,\"nextRecordsUrl\":\"" + q
        + "/01g-4\",\"records\":" + items(2, 4) + "}")));
    stub(get(urlPathEqualTo(q + "/01g-4")).willReturn(okJson("{\"totalSize\":5,\"done\":true,\"records\":" + items(4, 5) + "}")));
    writeProfile("Accounts", rsd(COLUMNS, "${BASE}" + q + "?q=SELECT+Id+FROM+Account",
        "<api:set attr=\"JSONPath\" value=\"$.records\"/><api:set attr=\"pageurlpath\" value=\"/json/nextRecordsUrl\"/>"));
    try (Connection c = connect()) {
      assertEquals(expected(0, 5), rows(c, "select id, name from accounts"));
    }
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void fullNextUrl() throws Exception {
    stub(get(urlPathEqualTo("/v2/things")).willReturn(okJson("{\"data\":" + items(0, 2) + ",\"next\":\"" + base() + "/v2/things-p2?t=x\"}")));
    stub(get(urlPathEqualTo("/v2/things-p2")).willReturn(okJson("{\"data\":" + items(2, 3) + ",\"next\":null}")));
    writeProfile("Things", rsd(COLUMNS, "${BASE}/v2/things",
        "<api:set attr=\"JSONPath\" value=\"$.data\"/><api:set attr=\"pageurlpath\" value=\"/json/next\"/>"));
    try (Connection c = connect()) {
      assertEquals(expected(0, 3), rows(c, "select id, name from things"));
    }
    assertEquals(2, API.findAll(getRequestedFor(urlPathMatching("/v2/things.*"))).size());
  }

  @Test
  void cursorFromLastRowLikeStripe() throws Exception {
    stub(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("1"))
        .willReturn(okJson("{\"object\":\"list\",\"data\":" + items(2, 4) + ",\"has_more\":true}")));
    stub(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("3"))
        .willReturn(okJson("{\"has_more\":false,\"object\":\"list\",\"data\":" + items(4, 5) + "}")));
    stub(get(urlPathEqualTo("/v1/customers")).atPriority(10)
        .willReturn(okJson("{\"object\":\"list\",\"has_more\":true,\"data\":" + items(0, 2) + "}")));
    writeProfile("Customers", rsd(COLUMNS, "${BASE}/v1/customers?limit=2", """
          <api:set attr="JSONPath" value="$.data"/>
          <api:set attr="pagetokenfromrow" value="id"/>
          <api:set attr="pagetokenparam" value="starting_after"/>
          <api:set attr="pagehasmorepath" value="/json/has_more"/>
        """));
    try (Connection c = connect()) {
      // Only name is selected: the token column is still read from the last row.
      assertEquals(List.of(List.of("n0"), List.of("n1"), List.of("n2"), List.of("n3"), List.of("n4")),
          rows(c, "select name from customers"));
    }
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void scriptedPagingWithUtiladoPushPageToken() throws Exception {
    // rsd-spec 6.3: the CData-style script remembers the last id and pushes it as the page token.
    stub(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("1"))
        .willReturn(okJson("{\"has_more\":false,\"data\":" + items(2, 3) + "}")));
    stub(get(urlPathEqualTo("/v1/customers")).atPriority(10)
        .willReturn(okJson("{\"has_more\":true,\"data\":" + items(0, 2) + "}")));
    writeProfile("Customers", """
        <api:script xmlns:api="http://apiscript.com/ns?v1" xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <api:info title="Customers" xmlns:other="http://apiscript.com/ns?v1">
            <attr name="id" xs:type="int" other:xPath="id"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
            <attr name="has_more" xs:type="boolean" other:xPath="/json/has_more"/>
            <input name="rows@next" desc="internal"/>
          </api:info>
          <api:set attr="JSONPath" value="$.data"/>
          <api:script method="GET">
            <api:set attr="URI" value="${BASE}/v1/customers?limit=2"/>
            <api:check attr="_input.rows@next">
              <api:set attr="URI" value="${BASE}/v1/customers?limit=2&amp;starting_after=[_input.rows@next | urlencode]"/>
            </api:check>
            <api:call op="jsonproviderGet" out="row">
              <api:set attr="temp.lastid" value="[row.id]"/>
              <api:set attr="temp.hasmore" value="[row.has_more]"/>
              <api:push item="row"/>
            </api:call>
            <api:if attr="temp.hasmore" value="true" operator="equalsignorecase">
              <api:set item="page" attr="pagetoken" value="[temp.lastid]"/>
              <api:call op="utiladoPushPageToken" input="page"/>
            </api:if>
          </api:script>
        </api:script>
        """);
    try (Connection c = connect()) {
      assertEquals(expected(0, 3), rows(c, "select id, name from customers"));
      String plan = rows(c, "explain plan for select id from customers").get(0).get(0).toString();
      assertTrue(plan.contains("scripted (utiladoPushPageToken) paging"), plan);
    }
    assertEquals(2, API.findAll(getRequestedFor(urlPathEqualTo("/v1/customers"))).size());
  }

  @Test
  void cursorTokenInBody() throws Exception {
    stub(get(urlPathEqualTo("/events")).withQueryParam("cursor", equalTo("c2"))
        .willReturn(okJson("{\"items\":" + items(2, 4) + ",\"meta\":{\"next_cursor\":\"\"}}")));
    stub(get(urlPathEqualTo("/events")).atPriority(10)
        .willReturn(okJson("{\"items\":" + items(0, 2) + ",\"meta\":{\"next_cursor\":\"c2\"}}")));
    writeProfile("Events", rsd(COLUMNS, "${BASE}/events", """
          <api:set attr="JSONPath" value="$.items"/>
          <api:set attr="pagetokenpath" value="/json/meta/next_cursor"/>
          <api:set attr="pagetokenparam" value="cursor"/>
        """));
    try (Connection c = connect()) {
      assertEquals(expected(0, 4), rows(c, "select id, name from events"));
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  private void offsetApi(int total) {
    for (int offset = 0; offset <= total; offset += 10) {
      stub(get(urlPathEqualTo("/people")).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .willReturn(okJson("{\"items\":" + items(offset, Math.min(total, offset + 10)) + "}")));
    }
  }

  @Test
  void offsetAndLimitParameters() throws Exception {
    offsetApi(25);
    writeProfile("People", rsd(COLUMNS, "${BASE}/people", """
          <api:set attr="JSONPath" value="$.items"/>
          <api:set attr="pageoffsetparam" value="offset;0"/>
          <api:set attr="pagesizeparam" value="limit"/>
          <api:set attr="pagesize" value="10"/>
        """));
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      assertEquals(expected(0, 25), rows(c, "select id, name from people"));
    }
    // 0-9, 10-19, 20-24: the short third page ends it.
    assertEquals(3, API.getAllServeEvents().size());
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      rows(c, "select id from people");
      // What the query cost, from SQL.
      List<List<Object>> stats = rows(c, "select table_name, requests, pages, rows_returned, bytes > 0, retries, "
          + "outcome from apiquery.scans order by scan_id desc limit 1");
      assertEquals(List.of(List.of("People", 3L, 3L, 25L, true, 0L, "complete")), stats);
    }
    API.verify(getRequestedFor(urlPathEqualTo("/people")).withQueryParam("limit", equalTo("10")));
  }

  @Test
  void pageNumbers() throws Exception {
    for (int page = 1; page <= 3; page++) {
      int from = (page - 1) * 10;
      stub(get(urlPathEqualTo("/list")).withQueryParam("page", equalTo(Integer.toString(page)))
          .willReturn(okJson(items(from, page == 3 ? from : from + 10))));
    }
    writeProfile("List", rsd(COLUMNS, "${BASE}/list", """
          <api:set attr="pagenumberparam" value="page"/>
          <api:set attr="pagesizeparam" value="per_page"/>
        """));
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      // No pagesize: a page is never "short", so the empty third page ends it.
      assertEquals(expected(0, 20), rows(c, "select id, name from list"));
    }
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void concurrentPagesKeepTheirOrderAndOvershootTheEndByLessThanTheConcurrency() throws Exception {
    offsetApi(95);
    writeProfile("People", rsd(COLUMNS, "${BASE}/people", """
          <api:set attr="JSONPath" value="$.items"/>
          <api:set attr="pageoffsetparam" value="offset"/>
          <api:set attr="pagesizeparam" value="limit"/>
          <api:set attr="pagesize" value="10"/>
        """));
    try (Connection c = connect("MaxConcurrentRequests=4")) {
      // With a limit, fetching ahead never asks for a page the query cannot use.
      assertEquals(expected(0, 35), rows(c, "select id, name from people limit 35"));
      assertEquals(4, API.getAllServeEvents().size());
      API.resetRequests();
      assertEquals(expected(0, 95), rows(c, "select id, name from people"));
      // 10 pages hold the rows (the tenth is short); at most 3 more were fetched ahead.
      int requests = API.getAllServeEvents().size();
      assertTrue(requests >= 10 && requests <= 13, "requests: " + requests);
      // Let the cancelled requests fetched ahead land before the next test counts its own.
      Thread.sleep(300);
    }
  }

  @Test
  void maxPagesFailsInsteadOfReturningPartialData() throws Exception {
    stub(get(urlPathEqualTo("/loop")).willReturn(okJson(items(0, 2))));
    writeProfile("Loop", rsd(COLUMNS, "${BASE}/loop", "<api:set attr=\"pagenumberparam\" value=\"p\"/>"));
    try (Connection c = connect("MaxPages=3")) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select * from loop"));
      assertTrue(e.getMessage().contains("MaxPages=3"), e.getMessage());
    }
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void aRepeatedNextUrlEndsPaging() throws Exception {
    stub(get(urlPathEqualTo("/same")).willReturn(okJson("{\"data\":" + items(0, 2) + ",\"next\":\"/same?x=1\"}")));
    writeProfile("Same", rsd(COLUMNS, "${BASE}/same", """
          <api:set attr="JSONPath" value="$.data"/><api:set attr="pageurlpath" value="/json/next"/>
        """));
    try (Connection c = connect()) {
      assertEquals(4, rows(c, "select * from same").size());
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void limitStopsPagingAndShrinksTheFirstPage() throws Exception {
    offsetApi(300);
    writeProfile("People", rsd(COLUMNS, "${BASE}/people", """
          <api:set attr="JSONPath" value="$.items"/>
          <api:set attr="pageoffsetparam" value="offset"/>
          <api:set attr="pagesizeparam" value="limit"/>
          <api:set attr="pagesize" value="10"/>
        """));
    try (Connection c = connect()) {
      assertEquals(expected(0, 5).size(), rows(c, "select * from people limit 5").size());
      API.verify(1, getRequestedFor(urlPathEqualTo("/people")).withQueryParam("limit", equalTo("5")));
      API.resetRequests();
      assertEquals(expected(0, 15), rows(c, "select id, name from people limit 15"));
      assertEquals(2, API.getAllServeEvents().size());
      API.resetRequests();
      // A limit that ends on a page boundary costs no extra page.
      assertEquals(20, rows(c, "select id from people limit 20").size());
      assertEquals(2, API.getAllServeEvents().size());
      API.resetRequests();
      // OFFSET starts at the right offset: no request for the skipped rows.
      assertEquals(expected(250, 260), rows(c, "select id, name from people limit 10 offset 250"));
      assertEquals(1, API.getAllServeEvents().size());
      API.verify(getRequestedFor(urlPathEqualTo("/people")).withQueryParam("offset", equalTo("250")));
      API.resetRequests();
      // EXPLAIN shows the requests the scan starts with, and sends none.
      String plan = rows(c, "explain plan for select id from people limit 10 offset 250").get(0).get(0).toString();
      assertTrue(plan.contains("/people?offset=250&limit=10 (offset paging)"), plan);
      assertTrue(plan.contains("offset=250, fetch=10"), plan);
      assertEquals(0, API.getAllServeEvents().size());
      // setMaxRows costs no more than LIMIT.
      try (Statement st = c.createStatement()) {
        st.setMaxRows(20);
        assertEquals(20, rows(st.executeQuery("select * from people")).size());
      }
      assertEquals(2, API.getAllServeEvents().size());
    }
  }
}
