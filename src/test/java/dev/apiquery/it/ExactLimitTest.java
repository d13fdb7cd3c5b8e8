package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A LIMIT that cannot go into the request (a filter the driver checks sits below it) stops at its
 * last row: Calcite's own LIMIT reads one row more before it stops, so a result that ended on a
 * page boundary waited for the next page, and failed when that page did. Here the page after the
 * rows the query needs is a 404: the query must not notice it. (A page fetched ahead may still be
 * sent; it is cancelled when the query closes.)
 */
class ExactLimitTest extends ApiTestSupport {
  @BeforeEach
  void setUp() throws Exception {
    stubItemPages(30, i -> "{\"id\":" + i + ",\"score\":" + (i % 2 == 0 ? 1 : 0) + "}");
    writePagedItems("""
            <attr name="id" xs:type="int" other:xPath="id"/>
            <attr name="score" xs:type="int" other:xPath="score"/>
        """);
  }

  /** The page at {@code offset} fails: a query that reads it fails with it. */
  private static void failingPage(int offset) {
    API.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo(Integer.toString(offset)))
        .willReturn(notFound()));
  }

  @Test
  void aLimitAboveAFilterEndingOnAPageBoundaryNeverReadsTheNextPage() throws Exception {
    failingPage(10);
    try (Connection c = connect()) {
      // Even ids have score 1: rows 0..9 hold five of them, the page's last one is id 8.
      assertEquals(List.of(List.of(0), List.of(2), List.of(4), List.of(6), List.of(8)),
          rows(c, "select id from items where score = 1 limit 5"));
      String plan = rows(c, "explain plan for select id from items where score = 1 limit 5").get(0).get(0).toString();
      assertTrue(plan.contains("ApiLimit(fetch=[5])"), plan);
    }
  }

  @Test
  void anOffsetIsSkippedAndMaxRowsStopsTheSameWay() throws Exception {
    failingPage(20);
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(12), List.of(14), List.of(16), List.of(18)),
          rows(c, "select id from items where score = 1 limit 4 offset 6"));
      try (Statement st = c.createStatement()) {
        st.setMaxRows(10);
        assertEquals(10, rows(st.executeQuery("select id from items where score = 1")).size());
      }
    }
  }
}
