package dev.apiquery.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code profile new} against one fixture API per paging style: the detected attributes, and the
 * generated profile queried through {@code jdbc:apiquery:} returns every row with each page fetched
 * exactly once.
 */
class ProfileNewPagingTest extends ProfileCliSupport {

  private static List<List<Object>> expected(int n) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(List.of(i, "n" + i));
    }
    return rows;
  }

  private void generate(String table, String... more) {
    List<String> args = new ArrayList<>(List.of("profile", "new", "--out", out().toString(), "--name", table));
    args.addAll(List.of(more));
    ok(args.toArray(String[]::new));
  }

  /** Queries the generated table (after forgetting the sampling requests) and checks the journal. */
  private void assertEveryRowOnce(String table, int rows, int pages, String options) throws Exception {
    API.resetRequests();
    try (Connection c = connect(options)) {
      assertEquals(expected(rows), rows(c, "SELECT id, name FROM " + table));
    }
    Map<String, Long> perUrl = new TreeMap<>(API.getAllServeEvents().stream()
        .collect(Collectors.groupingBy(e -> e.getRequest().getUrl(), Collectors.counting())));
    assertEquals(pages, perUrl.size(), () -> "pages requested: " + perUrl);
    perUrl.forEach((url, count) -> assertEquals(1L, count, url + " requested more than once: " + perUrl));
  }

  @Test
  void linkHeaderLikeGitHub() throws Exception {
    String path = "/orgs/acme/repos";
    String next2 = base() + path + "?per_page=3&page=2";
    String next3 = base() + path + "?per_page=3&page=3";
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", absent())
        .willReturn(okJson(items(0, 3)).withHeader("Link", "<" + next2 + ">; rel=\"next\", <" + next3 + ">; rel=\"last\"")));
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2"))
        .willReturn(okJson(items(3, 6)).withHeader("Link", "<" + next3 + ">; rel=\"next\"")));
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("3")).willReturn(okJson(items(6, 8))));
    generate("Repos", "--url", base() + path + "?per_page=3");
    String rsd = file("Repos");
    assertTrue(rsd.contains("<api:set attr=\"pageurlpath\" value=\"header:Link\"/>"), rsd);
    assertTrue(rsd.contains("value=\"" + base() + path + "?per_page=3\""), rsd);
    assertTrue(out.toString().contains("Paging: Link header"), out.toString());
    assertTrue(out.toString().contains("confirmed: page 2"), out.toString());
    assertEveryRowOnce("Repos", 8, 3, "");
  }

  @Test
  void fullNextUrlInTheBody() throws Exception {
    String path = "/v2/things";
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", absent()).willReturn(okJson(
        "{\"data\":" + items(0, 3) + ",\"links\":{\"next\":\"" + base() + path + "?after=3\"}}")));
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("3")).willReturn(okJson(
        "{\"data\":" + items(3, 5) + ",\"links\":{\"next\":null}}")));
    generate("Things", "--url", base() + path);
    String rsd = file("Things");
    assertTrue(rsd.contains("value=\"$.data\""), rsd);
    assertTrue(rsd.contains("<api:set attr=\"pageurlpath\" value=\"/json/links/next\"/>"), rsd);
    assertTrue(out.toString().contains("an absolute next-page URL"), out.toString());
    assertEveryRowOnce("Things", 5, 2, "");
  }

  @Test
  void relativeNextUrlLikeSalesforce() throws Exception {
    String q = "/services/data/v59.0/query";
    API.stubFor(get(urlPathEqualTo(q)).willReturn(okJson("{\"totalSize\":5,\"done\":false,\"nextRecordsUrl\":\"" + q
        + "/01g-2\",\"records\":" + items(0, 2) + "}")));
    API.stubFor(get(urlPathEqualTo(q + "/01g-2")).willReturn(okJson("{\"totalSize\":5,\"done\":false,"
        + "\"nextRecordsUrl\":\"" + q + "/01g-4\",\"records\":" + items(2, 4) + "}")));
    API.stubFor(get(urlPathEqualTo(q + "/01g-4")).willReturn(okJson("{\"totalSize\":5,\"done\":true,\"records\":"
        + items(4, 5) + "}")));
    generate("Accounts", "--url", base() + q + "?q=SELECT+Id,Name+FROM+Account");
    String rsd = file("Accounts");
    assertTrue(rsd.contains("<api:set attr=\"pageurlpath\" value=\"/json/nextRecordsUrl\"/>"), rsd);
    assertTrue(out.toString().contains("a relative next-page URL"), out.toString());
    assertEveryRowOnce("Accounts", 5, 3, "");
  }

  @Test
  void cursorTokenWithCursorParam() throws Exception {
    String path = "/events";
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("cursor", absent()).willReturn(okJson(
        "{\"events\":" + items(0, 3) + ",\"meta\":{\"next_cursor\":\"c3\"}}")));
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("cursor", equalTo("c3")).willReturn(okJson(
        "{\"events\":" + items(3, 6) + ",\"meta\":{\"next_cursor\":\"c6\"}}")));
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("cursor", equalTo("c6")).willReturn(okJson(
        "{\"events\":" + items(6, 7) + ",\"meta\":{\"next_cursor\":null}}")));
    generate("Events", "--url", base() + path, "--cursor-param", "cursor");
    String rsd = file("Events");
    assertTrue(rsd.contains("<api:set attr=\"pagetokenpath\"  value=\"/json/meta/next_cursor\"/>"), rsd);
    assertTrue(rsd.contains("<api:set attr=\"pagetokenparam\" value=\"cursor\"/>"), rsd);
    assertTrue(rsd.contains("<input name=\"rows@next\""), rsd);
    assertEveryRowOnce("Events", 7, 3, "");
  }

  @Test
  void cursorTokenParameterGuessedFromGoogleStyleName() throws Exception {
    String path = "/v1/files";
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("pageToken", absent()).willReturn(okJson(
        "{\"kind\":\"list\",\"nextPageToken\":\"t2\",\"files\":" + items(0, 2) + "}")));
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("pageToken", equalTo("t2")).willReturn(okJson(
        "{\"kind\":\"list\",\"files\":" + items(2, 3) + "}")));
    generate("Files", "--url", base() + path);
    String rsd = file("Files");
    assertTrue(rsd.contains("value=\"pageToken\""), rsd);
    assertTrue(out.toString().contains("guessed from the field's name"), out.toString());
    assertEveryRowOnce("Files", 3, 2, "");
  }

  @Test
  void hasMoreAndLastIdLikeStripe() throws Exception {
    String path = "/v1/customers";
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("starting_after", absent()).willReturn(okJson(
        "{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":true,\"data\":" + items(0, 3) + "}")));
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("starting_after", equalTo("2")).willReturn(okJson(
        "{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":true,\"data\":" + items(3, 6) + "}")));
    API.stubFor(get(urlPathEqualTo(path)).withQueryParam("starting_after", equalTo("5")).willReturn(okJson(
        "{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":false,\"data\":" + items(6, 8) + "}")));
    generate("Customers", "--url", base() + path + "?limit=3");
    String rsd = file("Customers");
    assertTrue(rsd.contains("<api:set attr=\"pagetokenfromrow\" value=\"id\"/>"), rsd);
    assertTrue(rsd.contains("<api:set attr=\"pagetokenparam\"   value=\"starting_after\"/>"), rsd);
    assertTrue(rsd.contains("<api:set attr=\"pagehasmorepath\"  value=\"/json/has_more\"/>"), rsd);
    assertFalse(rsd.contains("pageurlpath"), "the row's url field is not a next URL: " + rsd);
    assertEveryRowOnce("Customers", 8, 3, "");
  }

  @Test
  void offsetAndLimitWithATotal() throws Exception {
    String path = "/people";
    for (int offset = 0; offset < 7; offset += 3) {
      API.stubFor(get(urlPathEqualTo(path)).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .withQueryParam("limit", equalTo("3"))
          .willReturn(okJson("{\"total\":7,\"results\":" + items(offset, Math.min(offset + 3, 7)) + "}")));
    }
    generate("People", "--url", base() + path + "?offset=0&limit=3");
    String rsd = file("People");
    assertTrue(rsd.contains("<api:set attr=\"pageoffsetparam\" value=\"offset;0\"/>"), rsd);
    assertTrue(rsd.contains("<api:set attr=\"pagesizeparam\"   value=\"limit\"/>"), rsd);
    assertTrue(rsd.contains("<api:set attr=\"pagesize\"        value=\"3\"/>"), rsd);
    assertTrue(rsd.contains("value=\"" + base() + path + "\""), "paging parameters leave the URI: " + rsd);
    assertTrue(out.toString().contains("/json/total = 7 looks like the total"), out.toString());
    assertEveryRowOnce("People", 7, 3, "MaxConcurrentRequests=1");
  }

  @Test
  void offsetAndLimitWithoutATotal() throws Exception {
    String path = "/items";
    for (int skip = 0; skip < 7; skip += 3) {
      API.stubFor(get(urlPathEqualTo(path)).withQueryParam("skip", equalTo(Integer.toString(skip)))
          .withQueryParam("take", equalTo("3")).willReturn(okJson(items(skip, Math.min(skip + 3, 7)))));
    }
    generate("Items", "--url", base() + path + "?skip=0&take=3&sort=id");
    String rsd = file("Items");
    assertTrue(rsd.contains("value=\"skip;0\""), rsd);
    assertTrue(rsd.contains("value=\"take\""), rsd);
    assertTrue(rsd.contains("value=\"" + base() + path + "?sort=id\""), rsd);
    assertEveryRowOnce("Items", 7, 3, "MaxConcurrentRequests=1");
  }

  @Test
  void pageNumbers() throws Exception {
    String path = "/products";
    for (int page = 1; page <= 3; page++) {
      int from = (page - 1) * 3;
      API.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo(Integer.toString(page)))
          .withQueryParam("per_page", equalTo("3")).willReturn(okJson(items(from, Math.min(from + 3, 7)))));
    }
    generate("Products", "--url", base() + path + "?page=1&per_page=3");
    String rsd = file("Products");
    assertTrue(rsd.contains("<api:set attr=\"pagenumberparam\" value=\"page;1\"/>"), rsd);
    assertTrue(rsd.contains("<api:set attr=\"pagesizeparam\"   value=\"per_page\"/>"), rsd);
    assertEveryRowOnce("Products", 7, 3, "MaxConcurrentRequests=1");
  }

  @Test
  void pageNumbersWithATotal() throws Exception {
    String path = "/tickets";
    for (int page = 1; page <= 3; page++) {
      int from = (page - 1) * 3;
      API.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo(Integer.toString(page)))
          .withQueryParam("per_page", equalTo("3"))
          .willReturn(okJson("{\"total_count\":7,\"tickets\":" + items(from, Math.min(from + 3, 7)) + "}")));
    }
    generate("Tickets", "--url", base() + path + "?page=1&per_page=3");
    String rsd = file("Tickets");
    assertTrue(rsd.contains("<api:set attr=\"pagenumberparam\" value=\"page;1\"/>"), rsd);
    assertTrue(rsd.contains("<api:set attr=\"pagesizeparam\"   value=\"per_page\"/>"), rsd);
    assertTrue(rsd.contains("value=\"" + base() + path + "\""), "paging parameters leave the URI: " + rsd);
    assertTrue(out.toString().contains("/json/total_count = 7 looks like the total"), out.toString());
    assertEveryRowOnce("Tickets", 7, 3, "MaxConcurrentRequests=1");
  }

  @Test
  void noPaging() throws Exception {
    API.stubFor(get(urlPathEqualTo("/regions")).willReturn(okJson(items(0, 4))));
    generate("Regions", "--url", base() + "/regions");
    String rsd = file("Regions");
    for (String attr : List.of("pageurlpath", "pagetoken", "pageoffset", "pagenumber", "rows@next", "JSONPath")) {
      assertFalse(rsd.contains(attr), attr + " in " + rsd);
    }
    assertTrue(out.toString().contains("Paging: none"), out.toString());
    assertEveryRowOnce("Regions", 4, 1, "");
  }

  @Test
  void secondPageThatRepeatsTheFirstTurnsPagingOff() throws Exception {
    // the API ignores the guessed parameter: following it would loop
    API.stubFor(get(urlPathEqualTo("/loop")).willReturn(okJson("{\"rows\":" + items(0, 2) + ",\"cursor\":\"x\"}")));
    generate("Loop", "--url", base() + "/loop");
    assertFalse(file("Loop").contains("pagetokenpath"), file("Loop"));
    assertTrue(out.toString().contains("repeated the first page"), out.toString());
    assertEveryRowOnce("Loop", 2, 1, "");
  }

  @Test
  void anApiThatIgnoresTheOffsetKeepsTheSampledUrl() throws Exception {
    API.stubFor(get(urlPathEqualTo("/fixed")).willReturn(okJson(items(0, 2))));
    generate("Fixed", "--url", base() + "/fixed?offset=0&limit=2");
    String rsd = file("Fixed");
    assertFalse(rsd.contains("pageoffsetparam"), rsd);
    assertTrue(rsd.contains("value=\"" + base() + "/fixed?offset=0&amp;limit=2\""), rsd);
    assertEveryRowOnce("Fixed", 2, 1, "");
  }
}
