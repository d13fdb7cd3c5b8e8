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
    try (Connection c = connect("RateLimit=5;MaxConcurrentRequests=4")) {
      assertEquals(4, rows(c, "select v from paced").size());
    }
    List<Long> at = arrivalMillis("/paced");
    assertEquals(5, at.size());
    // 5 per second: slots 200 ms apart. The server logs arrival, which a new connection or a
    // busy machine can delay by a few tens of ms, so single gaps get some slack; the span not.
    for (int i = 1; i < at.size(); i++) {
      assertTrue(at.get(i) - at.get(i - 1) >= 120, "gaps: " + at);
    }
    assertTrue(at.get(4) - at.get(0) >= 760, "span: " + at);
  }

  @Test
  void aSpentBudgetPausesTheHostUntilItsReset() throws Exception {
    API.stubFor(get(urlPathEqualTo("/budget")).withQueryParam("page", equalTo("1"))
        .willReturn(okJson("[{\"v\":1}]").withHeader("RateLimit-Remaining", "0").withHeader("RateLimit-Reset", "1")));
    API.stubFor(get(urlPathEqualTo("/budget")).withQueryParam("page", equalTo("2")).willReturn(okJson("[]")));
    // "localhost" keeps this host's pause away from the other tests' 127.0.0.1.
    writeProfile("Budget", rsd("<attr name=\"v\" xs:type=\"int\"/>",
        "http://localhost:" + API.getPort() + "/budget", "<api:set attr=\"pagenumberparam\" value=\"page\"/>"));
    try (Connection c = connect()) {
      assertEquals(1, rows(c, "select v from budget").size());
    }
    List<Long> at = arrivalMillis("/budget");
    assertEquals(2, at.size());
    assertTrue(at.get(1) - at.get(0) >= 900, "paused until the reset: " + at);
  }
}
