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
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RateLimit paces requests per host; an announced, spent budget pauses until its reset. */
class RateLimitTest extends ApiTestSupport {

  private void pagedApi(String path, int pages) {
    for (int p = 1; p <= pages + 1; p++) {
      String body = p <= pages ? "[{\"v\":" + p + "}]" : "[]";
      API.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo(Integer.toString(p))).willReturn(okJson(body)));
    }
  }

  private List<Long> arrivalMillis(String path) {
    return API.findAll(getRequestedFor(urlPathEqualTo(path))).stream()
        .map(LoggedRequest::getLoggedDate).map(d -> d.getTime()).sorted(Comparator.naturalOrder()).toList();
  }

  @Test
  void rateLimitSpacesRequestsToAHost() throws Exception {
    pagedApi("/paced", 4);
    writeProfile("Paced", rsd("<attr name=\"v\" xs:type=\"int\"/>", "${BASE}/paced",
        "<api:set attr=\"pagenumberparam\" value=\"page\"/>"));
    long elapsed;
    try (Connection c = connect("RateLimit=5;MaxConcurrentRequests=4")) {
      long start = System.nanoTime();
      assertEquals(4, rows(c, "select v from paced").size());
      elapsed = (System.nanoTime() - start) / 1_000_000L;
    }
    assertEquals(5, arrivalMillis("/paced").size());
    // 5 per second: 5 requests take at least 4 slots of 200 ms even with 4 allowed in flight.
    // Measured on the client, a lower bound only: a busy machine makes it longer, never shorter
    // (the server's arrival log can shift one request by tens of ms and shrink a gap).
    assertTrue(elapsed >= 790, "5 requests at 5 per second took " + elapsed + " ms");
  }

  @Test
  void aSpentBudgetPausesTheHostUntilItsReset() throws Exception {
    API.stubFor(get(urlPathEqualTo("/budget")).withQueryParam("page", equalTo("1"))
        .willReturn(okJson("[{\"v\":1}]").withHeader("RateLimit-Remaining", "0").withHeader("RateLimit-Reset", "1")));
    API.stubFor(get(urlPathEqualTo("/budget")).withQueryParam("page", equalTo("2")).willReturn(okJson("[]")));
    // "localhost" keeps this host's pause away from the other tests' 127.0.0.1.
    writeProfile("Budget", rsd("<attr name=\"v\" xs:type=\"int\"/>",
        "http://localhost:" + API.getPort() + "/budget", "<api:set attr=\"pagenumberparam\" value=\"page\"/>"));
    long elapsed;
    // One page at a time: with pages fetched ahead, the pages queued behind the pause all leave at
    // the reset, and how many of them are sent before page 2's empty answer cancels the rest
    // depends on the machine's load. The pause is what this test is about.
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      long start = System.nanoTime();
      assertEquals(1, rows(c, "select v from budget").size());
      elapsed = (System.nanoTime() - start) / 1_000_000L;
    }
    assertEquals(2, arrivalMillis("/budget").size());
    // A lower bound on the client: the second page waits for the 1 s reset.
    assertTrue(elapsed >= 990, "paused until the reset: " + elapsed + " ms");
  }
}
