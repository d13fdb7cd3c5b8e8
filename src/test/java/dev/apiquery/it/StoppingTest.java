package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statement.cancel(), setQueryTimeout and ResultSet.close() stop a scan promptly, also while a
 * request is in flight. The slow page takes 20 s; every bound below is far from it, so the
 * assertions say "did not wait for the server", not how fast the machine is.
 */
class StoppingTest extends ApiTestSupport {
  private static final int SLOW_MILLIS = 20_000;

  @BeforeEach
  void setUp() throws Exception {
    API.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo("1"))
        .willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
    API.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo("2"))
        .willReturn(okJson("[{\"id\":3},{\"id\":4}]").withFixedDelay(SLOW_MILLIS)));
    writeProfile("Pages", rsd("<attr name=\"id\" xs:type=\"int\"/>", "${BASE}/pages",
        "<api:set attr=\"pagenumberparam\" value=\"page\"/><api:set attr=\"pagesize\" value=\"2\"/>"));
  }

  @Test
  void queryTimeoutStopsARequestInFlight() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> rows(st.executeQuery("select * from pages")));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(e instanceof SQLTimeoutException, e.toString());
      assertEquals("HYT00", e.getSQLState());
      assertTrue(millis < SLOW_MILLIS / 2, "took " + millis + " ms");
    }
  }

  @Test
  void cancelStopsARequestInFlight() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      ResultSet rs = st.executeQuery("select * from pages");
      // Calcite's row iterator reads one row ahead: the next row after this one is the last of
      // page 1, and moving to it makes the scan ask for page 2, the slow one.
      assertTrue(rs.next());
      CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(300);
          st.cancel();
        } catch (Exception ignored) {
          // the assertion below reports it
        }
      });
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, rs::next);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(e.getMessage().toLowerCase().contains("cancel"), e.getMessage());
      assertTrue(millis < SLOW_MILLIS / 2, "took " + millis + " ms");
    }
  }

  @Test
  void closingTheResultSetMidScanMakesNoFurtherRequest() throws Exception {
    // An API whose pages never end: only closing stops the scan.
    API.stubFor(get(urlPathEqualTo("/endless")).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
    writeProfile("Endless", rsd("<attr name=\"id\" xs:type=\"int\"/>", "${BASE}/endless",
        "<api:set attr=\"pagenumberparam\" value=\"page\"/><api:set attr=\"pagesize\" value=\"2\"/>"));
    for (int concurrency : new int[] {1, 4}) {
      API.resetRequests();
      try (Connection c = connect("MaxConcurrentRequests=" + concurrency); Statement st = c.createStatement()) {
        ResultSet rs = st.executeQuery("select * from endless");
        assertTrue(rs.next());
        rs.close();
        Thread.sleep(300);
      }
      // Page 1, plus the pages that were already being fetched ahead when it was closed.
      int requests = API.getAllServeEvents().size();
      assertTrue(requests <= 1 + concurrency, concurrency + " at once: " + requests + " requests");
    }
  }
}
