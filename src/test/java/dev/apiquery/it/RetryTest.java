package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET pages are retried on 429, 502, 503, 504 and I/O failures; every row arrives exactly once. */
class RetryTest extends ApiTestSupport {
  private static final String OK_BODY = "[{\"v\":\"a\"},{\"v\":\"b\"}]";

  @BeforeEach
  void profile() throws Exception {
    writeProfile("Items", rsd("<attr name=\"v\" xs:type=\"string\" other:xPath=\"v\"/>", "${BASE}/items", ""));
  }

  /** The first responses fail as given, then the page succeeds. */
  private void failThenSucceed(ResponseDefinitionBuilder... failures) {
    String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
    for (int i = 0; i < failures.length; i++) {
      String nextState = "after-" + i;
      API.stubFor(get(urlPathEqualTo("/items")).inScenario("flaky").whenScenarioStateIs(state)
          .willReturn(failures[i]).willSetStateTo(nextState));
      state = nextState;
    }
    API.stubFor(get(urlPathEqualTo("/items")).inScenario("flaky").whenScenarioStateIs(state).willReturn(okJson(OK_BODY)));
  }

  private List<List<Object>> query(String options) throws Exception {
    try (Connection c = connect(options)) {
      List<List<Object>> rows = rows(c, "select v from items");
      List<List<Object>> stats = rows(c, "select retries from apiquery.scans order by scan_id desc limit 1");
      lastRetries = (Long) stats.get(0).get(0);
      return rows;
    }
  }

  private long lastRetries;

  @Test
  void transientStatusesAreRetriedWithoutLosingOrRepeatingRows() throws Exception {
    failThenSucceed(aResponse().withStatus(503), aResponse().withStatus(502), aResponse().withStatus(504));
    assertEquals(List.of(List.of("a"), List.of("b")), query(""));
    API.verify(4, getRequestedFor(urlPathEqualTo("/items")));
    assertEquals(3, lastRetries);
  }

  @Test
  void retryAfterInSecondsIsHonoured() throws Exception {
    failThenSucceed(aResponse().withStatus(429).withHeader("Retry-After", "1"));
    long start = System.nanoTime();
    assertEquals(2, query("").size());
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 900, "waited the second the API asked for");
  }

  @Test
  void aRetryAfterLongerThanMaxRetryWaitFailsAtOnceAndSaysSo() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
    try (Connection c = connect("MaxRetryWait=120")) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select v from items"));
      assertTrue(e.getMessage().contains("Retry-After") && e.getMessage().contains("MaxRetryWait=120"), e.getMessage());
      assertTrue(e.getMessage().contains("HTTP 429"), e.getMessage());
    }
    API.verify(1, getRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void resetConnectionsAndBodiesCutOffAreRetried() throws Exception {
    failThenSucceed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), aResponse().withFault(Fault.EMPTY_RESPONSE));
    assertEquals(List.of(List.of("a"), List.of("b")), query(""));
    assertEquals(3, lastRetries);
  }

  @Test
  void anExchangeThatTimesOutIsRetried() throws Exception {
    failThenSucceed(okJson(OK_BODY).withFixedDelay(3_000));
    assertEquals(List.of(List.of("a"), List.of("b")), query("Timeout=1"));
    assertEquals(1, lastRetries);
  }

  @Test
  void retriesAreBoundedByMaxRetries() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(503).withBody("busy")));
    try (Connection c = connect("MaxRetries=1")) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select v from items"));
      assertTrue(e.getMessage().contains("HTTP 503") && e.getMessage().contains("after 1 retries"), e.getMessage());
    }
    API.verify(2, getRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void otherErrorsAreNotRetried() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(500)));
    try (Connection c = connect()) {
      assertThrows(SQLException.class, () -> rows(c, "select v from items"));
    }
    API.verify(1, getRequestedFor(urlPathEqualTo("/items")));
  }
}
