package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT COUNT(*)} in one request when the profile names the responses' total
 * ({@code pagetotalpath}, or a mapped {@code totalSize}/{@code total}/{@code count}); a scan of
 * every page when it names none. This is how a Spark user finds {@code upperBound}.
 */
class CountStarTest extends ApiTestSupport {
  private static final String COLUMNS = """
          <attr name="id" xs:type="int" other:xPath="id"/>\r
          <attr name="name" xs:type="string" other:xPath="name"/>\r
      """;


  private static final String OFFSET_PAGING = """
        <api:set attr="JSONPath" value="$.items"/>\r
        <api:set attr="pageoffsetparam" value="offset"/>\r
        <api:set attr="pagesizeparam" value="limit"/>\r
        <api:set attr="pagesize" value="10"/>\r
      """;

  /** 25 rows in pages of 10; every page says {@code "total":25}. */
  private void offsetApi(String path) {
    for (int offset = 0; offset <= 20; offset += 10) {
      API.stubFor(get(urlPathEqualTo(path)).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .withQueryParam("limit", equalTo("10"))
          .willReturn(okJson("{\"total\":25,\"items\":" + items(offset, Math.min(25, offset + 10)) + "}")));
    }
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("offset", equalTo("0")).withQueryParam("limit", equalTo("1"))
        .willReturn(okJson("{\"total\":25,\"items\":" + items(0, 1) + "}")));
  }

  @Test
  void theTotalAttributeAnswersInOneRequestForOneRow() throws Exception {
    offsetApi("/items");
    writeProfile("Items", rsd(COLUMNS, "${BASE}/items?sort=id&amp;status=all",
        OFFSET_PAGING + "<api:set attr=\"pagetotalpath\" value=\"/json/total\"/>\r\n"));
    // One request at a time: no page fetched ahead lands in the next test's count.
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      assertEquals(List.of(List.of(25L)), rows(c, "SELECT COUNT(*) FROM items"));
      API.verify(1, getRequestedFor(urlPathEqualTo("/items")));
      API.verify(getRequestedFor(urlPathEqualTo("/items")).withQueryParam("limit", equalTo("1")));
      API.resetRequests();
      // Within a _row range, the total is clipped to it: still one request.
      assertEquals(List.of(List.of(5L, 5L)), rows(c, "SELECT COUNT(*), COUNT(*) AS again FROM items WHERE _row >= 20"));
      assertEquals(List.of(List.of(0L)), rows(c, "SELECT COUNT(*) FROM items WHERE _row >= 30 AND _row < 40"));
      assertEquals(2, API.getAllServeEvents().size());
      API.resetRequests();
      // EXPLAIN says where the count comes from and sends nothing.
      String plan = rows(c, "EXPLAIN PLAN FOR SELECT COUNT(*) FROM items").get(0).get(0).toString();
      assertTrue(plan.contains("ApiCountScan") && plan.contains("total at /json/total"), plan);
      assertEquals(0, API.getAllServeEvents().size());
      // Anything else than a bare COUNT(*) reads the rows.
      assertEquals(List.of(List.of(25L)), rows(c, "SELECT COUNT(name) FROM items"));
      assertEquals(3, API.getAllServeEvents().size());
    }
  }

  @Test
  void aMappedTotalSizeLikeSalesforcesCounts() throws Exception {
    String q = "/services/data/v59.0/query";
    API.stubFor(get(urlPathEqualTo(q)).willReturn(okJson("{\"totalSize\":1234,\"done\":false,\"nextRecordsUrl\":\""
        + q + "/01g-2\",\"records\":" + items(0, 2) + "}")));
    writeProfile("Accounts", rsd(COLUMNS + "<attr name=\"totalSize\" xs:type=\"int\" other:xPath=\"/json/totalSize\"/>",
        "${BASE}" + q + "?q=SELECT+Id+FROM+Account", """
          <api:set attr="JSONPath" value="$.records"/>\r
          <api:set attr="pageurlpath" value="/json/nextRecordsUrl"/>\r
        """));
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(1234L)), rows(c, "select count(*) from accounts"));
    }
    assertEquals(1, API.getAllServeEvents().size());
  }

  @Test
  void withoutATotalCountStarReadsEveryPage() throws Exception {
    offsetApi("/people");
    writeProfile("People", rsd(COLUMNS, "${BASE}/people", OFFSET_PAGING));
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      assertEquals(List.of(List.of(25L)), rows(c, "SELECT COUNT(*) FROM people"));
    }
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void oneRequestPerSetOfInputValues() throws Exception {
    for (String region : List.of("eu", "us")) {
      API.stubFor(get(urlPathEqualTo("/regions/" + region + "/items")).willReturn(
          okJson("{\"total\":" + (region.equals("eu") ? 7 : 11) + ",\"items\":" + items(0, 1) + "}")));
    }
    writeProfile("RegionItems", rsd(COLUMNS + "<input name=\"region\" required=\"true\"/>",
        "${BASE}/regions/[_input.region]/items", OFFSET_PAGING + "<api:set attr=\"pagetotalpath\" value=\"/json/total\"/>"));
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(18L)), rows(c, "SELECT COUNT(*) FROM regionitems WHERE region IN ('eu', 'us')"));
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void aTotalThatIsNotANumberFailsClearly() throws Exception {
    API.stubFor(get(urlPathEqualTo("/odd")).willReturn(okJson("{\"total\":\"many\",\"items\":" + items(0, 3) + "}")));
    writeProfile("Odd", rsd(COLUMNS, "${BASE}/odd", OFFSET_PAGING + "<api:set attr=\"pagetotalpath\" value=\"/json/total\"/>"));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT COUNT(*) FROM odd"));
      assertTrue(e.getMessage().contains("Odd") && e.getMessage().contains("/json/total")
          && e.getMessage().contains("'many'"), e.getMessage());
    }
  }
}
