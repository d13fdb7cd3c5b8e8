package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement.setMaxRows(n) (DBeaver sets 200) costs what LIMIT n costs, and never slows a sort. */
class MaxRowsTest extends ApiTestSupport {
  private static final int TOTAL = 55;
  private static final int DELAY_MILLIS = 1000;

  @BeforeEach
  void setUp() throws Exception {
    for (int offset = 0; offset <= TOTAL; offset += 10) {
      int from = offset;
      String items = IntStream.range(from, Math.min(TOTAL, from + 10))
          .mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining(",", "[", "]"));
      API.stubFor(get(urlPathEqualTo("/people")).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .willReturn(okJson("{\"items\":" + items + "}")));
    }
    writeProfile("People", rsd("""
            <attr name="id" xs:type="int" other:xPath="id"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
        """, "${BASE}/people", """
          <api:set attr="JSONPath" value="$.items"/>
          <api:set attr="pageoffsetparam" value="offset"/>
          <api:set attr="pagesizeparam" value="limit"/>
          <api:set attr="pagesize" value="10"/>
        """));
  }

  private static List<LoggedRequest> requests() {
    return API.findAll(getRequestedFor(urlPathEqualTo("/people")));
  }

  @Test
  void maxRowsShrinksTheFirstRequestLikeLimit() throws Exception {
    try (Connection c = connect("MaxConcurrentRequests=4"); Statement st = c.createStatement()) {
      st.setMaxRows(5);
      assertEquals(5, rows(st.executeQuery("select * from people")).size());
      assertEquals(1, requests().size());
      assertEquals("5", requests().get(0).queryParameter("limit").firstValue());
      API.resetRequests();
      // Across pages: exactly the pages that hold the rows, whatever the concurrency.
      st.setMaxRows(25);
      assertEquals(25, rows(st.executeQuery("select id from people")).size());
      assertEquals(3, requests().size());
      API.resetRequests();
      // A written LIMIT below the max rows wins.
      assertEquals(3, rows(st.executeQuery("select id from people limit 3")).size());
      assertEquals(1, requests().size());
      assertEquals("3", requests().get(0).queryParameter("limit").firstValue());
    }
  }

  @Test
  void withOrderByTheScanStillFetchesPagesConcurrently() throws Exception {
    API.resetAll();
    for (int offset = 0; offset <= TOTAL; offset += 10) {
      String items = IntStream.range(offset, Math.min(TOTAL, offset + 10))
          .mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining(",", "[", "]"));
      API.stubFor(get(urlPathEqualTo("/people")).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .willReturn(okJson("{\"items\":" + items + "}").withFixedDelay(DELAY_MILLIS)));
    }
    try (Connection c = connect("MaxConcurrentRequests=4"); Statement st = c.createStatement()) {
      st.setMaxRows(20);
      List<List<Object>> rows = rows(st.executeQuery("select id, name from people order by id desc"));
      assertEquals(20, rows.size());
      assertEquals(54, rows.get(0).get(0));
    }
    // The sort reads every page, several at once: one page at a time, each request would start
    // at least DELAY_MILLIS after the previous one.
    List<LoggedRequest> requests = requests();
    assertTrue(requests.size() >= 6, "requests: " + requests.size());
    List<Long> times = requests.stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
    boolean overlapping = IntStream.range(1, times.size())
        .anyMatch(i -> times.get(i) - times.get(i - 1) < DELAY_MILLIS * 9 / 10);
    assertTrue(overlapping, "pages were fetched one at a time: " + times);
  }
}
