package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection plans each query text once (Calcite's parse is the witness: it runs once per
 * plan), and everything that belongs to one execution stays per execution: requests, parameter
 * values, max rows, scan statistics, EXPLAIN.
 */
class PlanCacheTest extends ApiTestSupport {
  private static final int TOTAL = 35;

  @BeforeEach
  void setUp() throws Exception {
    stubItemPages(TOTAL, i -> "{\"id\":" + i + ",\"kind\":\"k" + i % 2 + "\"}");
    writePagedItems("""
            <attr name="id" xs:type="int" other:xPath="id"/>
            <attr name="kind" xs:type="string" other:xPath="kind" other:filter="kind"/>
        """);
  }

  private static List<LoggedRequest> requests() {
    return API.findAll(getRequestedFor(urlPathEqualTo("/items")));
  }

  /** Runs {@code body} and returns how many times Calcite parsed SQL meanwhile on this thread. */
  private static int parses(SqlBody body) throws Exception {
    List<Object> parsed = new ArrayList<>();
    Consumer<Object> record = parsed::add;
    try (Hook.Closeable ignored = Hook.PARSE_TREE.addThread(record)) {
      body.run();
    }
    return parsed.size();
  }

  private interface SqlBody {
    void run() throws Exception;
  }

  @Test
  void theSameQueryTextIsPlannedOnceAndEveryExecutionSendsItsOwnRequests() throws Exception {
    try (Connection c = connect()) {
      int parses = parses(() -> {
        for (int i = 0; i < 3; i++) {
          assertEquals(List.of(List.of(0, "k0"), List.of(1, "k1")), rows(c, "select i.id, i.kind from items i limit 2"));
        }
      });
      assertEquals(1, parses, "planned once for three Statements");
      assertEquals(3, requests().size(), "one request per execution");
      for (LoggedRequest request : requests()) {
        assertEquals("2", request.queryParameter("limit").firstValue());
      }
      // Another text is another plan; a PreparedStatement of a known text reuses the plan.
      assertEquals(1, parses(() -> rows(c, "select i.id from items i limit 3")));
      assertEquals(0, parses(() -> c.prepareStatement("select i.id from items i limit 3").close()));
      // Statistics are per scan, not per plan.
      List<List<Object>> scans = rows(c, "select requests from apiquery.scans order by scan_id");
      assertEquals(4, scans.size(), scans.toString());
    }
  }

  @Test
  void preparedStatementsOfOneTextKeepTheirOwnParameterValues() throws Exception {
    // Whole scans one page at a time: every request of an execution is answered before its rows
    // end, so none of them is counted with the next execution.
    try (Connection c = connect("MaxConcurrentRequests=1");
        PreparedStatement first = c.prepareStatement("select id from items where kind = ?");
        PreparedStatement second = c.prepareStatement("select id from items where kind = ?")) {
      first.setString(1, "k1");
      second.setString(1, "k0");
      assertEquals(ids(1), rows(first.executeQuery()));
      assertKindsSent("k1");
      assertEquals(ids(0), rows(second.executeQuery()));
      assertKindsSent("k0");
      first.setString(1, "k0");
      assertEquals(ids(0), rows(first.executeQuery()));
      assertKindsSent("k0");
    }
  }

  /** The rows of kind k{@code parity}: the ids of that parity (the API's rows are filtered locally too). */
  private static List<List<Object>> ids(int parity) {
    return IntStream.range(0, TOTAL).filter(i -> i % 2 == parity).mapToObj(i -> List.<Object>of(i)).toList();
  }

  /** Every request since the last check sent this filter value, one per page. */
  private static void assertKindsSent(String kind) {
    List<LoggedRequest> sent = requests();
    assertEquals(4, sent.size());
    for (LoggedRequest request : sent) {
      assertEquals(kind, request.queryParameter("kind").firstValue(), request.getUrl());
    }
    API.resetRequests();
  }

  @Test
  void explainIsPlannedEveryTimeAndShowsTheRequests() throws Exception {
    try (Connection c = connect()) {
      int parses = parses(() -> {
        for (int i = 0; i < 2; i++) {
          String plan = rows(c, "explain plan for select id from items limit 4").get(0).get(0).toString();
          assertTrue(plan.contains("limit=4") && plan.contains("offset=0"), plan);
        }
      });
      assertEquals(2, parses);
    }
    assertEquals(0, requests().size(), "EXPLAIN sends nothing");
  }

  @Test
  void preparedStatementMaxRowsShrinksTheFirstRequestLikeLimit() throws Exception {
    // One page at a time, so that the full scan's request count is exact (no page fetched ahead
    // past the last one).
    try (Connection c = connect("MaxConcurrentRequests=1"); PreparedStatement ps = c.prepareStatement("select id from items")) {
      ps.setMaxRows(5);
      assertEquals(5, rows(ps.executeQuery()).size());
      assertEquals(1, requests().size(), requests().toString());
      assertEquals("5", requests().get(0).queryParameter("limit").firstValue());
      API.resetRequests();
      // Across pages: exactly the pages that hold the rows.
      ps.setMaxRows(25);
      assertEquals(25, rows(ps.executeQuery()).size());
      assertEquals(3, requests().size());
      API.resetRequests();
      ps.setMaxRows(0); // no limit again: every page
      assertEquals(TOTAL, rows(ps.executeQuery()).size());
      assertEquals(4, requests().size());
    }
  }

  @Test
  void limitAndFetchFirstWithParametersPushLikeLiterals() throws Exception {
    try (Connection c = connect("MaxConcurrentRequests=1");
        PreparedStatement limit = c.prepareStatement("select id from items limit ?");
        PreparedStatement fetch = c.prepareStatement(
            "select id from items offset ? rows fetch first ? rows only")) {
      limit.setInt(1, 3);
      assertEquals(List.of(List.of(0), List.of(1), List.of(2)), rows(limit.executeQuery()));
      assertEquals(1, requests().size());
      assertEquals("3", requests().get(0).queryParameter("limit").firstValue());
      API.resetRequests();
      limit.setInt(1, 12); // a new value, the same plan: two pages
      assertEquals(12, rows(limit.executeQuery()).size());
      assertEquals(2, requests().size());
      API.resetRequests();

      fetch.setInt(1, 10);
      fetch.setInt(2, 2);
      assertEquals(List.of(List.of(10), List.of(11)), rows(fetch.executeQuery()));
      assertEquals(1, requests().size());
      assertEquals("10", requests().get(0).queryParameter("offset").firstValue());
      assertEquals("2", requests().get(0).queryParameter("limit").firstValue());
      API.resetRequests();
      fetch.setInt(1, 0);
      fetch.setNull(2, Types.INTEGER); // no limit, as in PostgreSQL
      assertEquals(TOTAL, rows(fetch.executeQuery()).size());
      limit.setInt(1, -1);
      SQLException negative = assertThrows(SQLException.class, limit::executeQuery);
      assertTrue(negative.getMessage().contains("LIMIT must not be negative"), negative.getMessage());
    }
  }

  @Test
  void aStatementMaxRowsPlanIsNotReusedForAnotherMaxRows() throws Exception {
    try (Connection c = connect("MaxConcurrentRequests=1"); Statement st = c.createStatement()) {
      st.setMaxRows(3);
      assertEquals(3, rows(st.executeQuery("select id from items")).size());
      st.setMaxRows(0);
      assertEquals(TOTAL, rows(st.executeQuery("select id from items")).size());
    }
    assertEquals("3", requests().get(0).queryParameter("limit").firstValue());
    assertEquals(1 + 4, requests().size());
  }
}
