package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Responses through JDBC: XML APIs with paging, FlattenedDocuments, the document root, a
 * top-level object and several row paths, with vendor-style profiles from
 * {@code src/test/resources/profile/responses} (CRLF, raw {@code &}, no xmlns).
 */
class ResponsesTest extends ApiTestSupport {
  private void useProfile(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/profile/responses/" + name + ".rsd")) {
      writeProfile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static ResponseDefinitionBuilder okXml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/xml; charset=utf-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n" + body);
  }

  private static String product(String sku, String name, String price, String... tags) {
    StringBuilder sb = new StringBuilder("<product sku=\"" + sku + "\"><name>" + name + "</name>"
        + "<price currency=\"EUR\">" + price + "</price><tags>");
    for (String tag : tags) {
      sb.append("<tag>").append(tag).append("</tag>");
    }
    return sb.append("</tags></product>\r\n").toString();
  }

  private void stubProductPage(int start, String... products) {
    API.stubFor(get(urlPathEqualTo("/xml/products"))
        .withQueryParam("format", equalTo("xml")).withQueryParam("lang", equalTo("en"))
        .withQueryParam("start", equalTo(String.valueOf(start)))
        .withQueryParam("count", equalTo("2"))
        .willReturn(okXml("<catalog total=\"5\">\r\n" + String.join("", products) + "</catalog>")));
  }

  @Test
  void xmlApiWithOffsetPaging() throws Exception {
    useProfile("Products");
    stubProductPage(0, product("A1", "Anvil", "10.50", "tools", "heavy"),
        product("B2", "Bolt &amp; nut", "0.25", "parts"));
    stubProductPage(2, product("C3", "Chisel", "7.00"), product("D4", "Drill", "99.99", "tools"));
    stubProductPage(4, product("E5", "Emery", "3.10"));
    // One request at a time, so that no page is fetched ahead of the end and the count is exact.
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      List<List<Object>> rows = rows(c,
          "select sku, name, price, currency, tags, total from products order by sku");
      assertEquals(5, rows.size());
      assertEquals(List.of("A1", "Anvil", new BigDecimal("10.50"), "EUR", "[\"tools\",\"heavy\"]", 5),
          rows.get(0));
      assertEquals(List.of("B2", "Bolt & nut", new BigDecimal("0.25"), "EUR", "parts", 5),
          rows.get(1));
      assertEquals(Arrays.asList("C3", "Chisel", new BigDecimal("7.00"), "EUR", null, 5),
          rows.get(2));
      assertEquals("E5", rows.get(4).get(0));
      // Three pages: the third is shorter than the page size, so paging ends there.
      assertEquals(3, API.findAll(getRequestedFor(urlPathEqualTo("/xml/products"))).size());

    }
    API.resetRequests();
    try (Connection c = connect()) {
      // With a LIMIT the scan sends only the requests the rows need, concurrency or not.
      assertEquals(3, rows(c, "select sku from products limit 3").size());
    }
    assertEquals(2, API.findAll(getRequestedFor(urlPathEqualTo("/xml/products"))).size());
  }

  @Test
  void xmlApiWithNextUrlPaging() throws Exception {
    useProfile("Orders");
    API.stubFor(get(urlPathEqualTo("/xml/orders")).withQueryParam("cursor", absent())
        .willReturn(okXml("<response>\r\n  <orders>\r\n"
            + "    <order status=\"shipped\"><id>1</id><placed>2024-01-02T10:00:00Z</placed></order>\r\n"
            + "    <order status=\"open\"><id>2</id><placed>2024-01-03T11:30:00+01:00</placed></order>\r\n"
            + "  </orders>\r\n  <paging><next>" + base()
            + "/xml/orders?since=2024-01-01&amp;limit=2&amp;cursor=c2</next></paging>\r\n</response>")));
    API.stubFor(get(urlPathEqualTo("/xml/orders")).withQueryParam("cursor", equalTo("c2"))
        .willReturn(okXml("<response><orders>"
            + "<order status=\"open\"><id>3</id><placed>2024-02-01T00:00:00Z</placed></order>"
            + "</orders><paging><next/></paging></response>")));
    try (Connection c = connect()) {
      List<List<Object>> rows = rows(c, "select id, placed, status from orders");
      assertEquals(List.of(
          List.of(1, Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 10, 0)), "shipped"),
          List.of(2, Timestamp.valueOf(LocalDateTime.of(2024, 1, 3, 10, 30)), "open"),
          List.of(3, Timestamp.valueOf(LocalDateTime.of(2024, 2, 1, 0, 0)), "open")), rows);
    }
    assertEquals(2, API.findAll(getRequestedFor(urlPathEqualTo("/xml/orders"))).size());
    assertEquals(1, API.findAll(getRequestedFor(urlPathEqualTo("/xml/orders"))
        .withQueryParam("since", equalTo("2024-01-01")).withQueryParam("limit", equalTo("2"))
        .withQueryParam("cursor", equalTo("c2"))).size());
  }

  @Test
  void flattenedDocumentsGiveOneRowPerInvoiceLine() throws Exception {
    useProfile("InvoiceLines");
    API.stubFor(get(urlPathEqualTo("/invoices")).withQueryParam("page", absent())
        .willReturn(okJson("{\"invoices\":["
            + "{\"lines\":[{\"no\":1,\"sku\":\"A\",\"amount\":10.5},{\"no\":2,\"sku\":\"B\",\"amount\":2}],"
            + "\"id\":\"INV-1\",\"customer\":{\"name\":\"Acme\"},\"issued\":\"2024-03-01\"},"
            + "{\"id\":\"INV-2\",\"customer\":{\"name\":\"Bolt\"},\"issued\":\"2024-03-02\",\"lines\":[]}],"
            + "\"next\":\"" + base() + "/invoices?expand=lines&status=open&page=2\"}")));
    API.stubFor(get(urlPathEqualTo("/invoices")).withQueryParam("page", equalTo("2"))
        .willReturn(okJson("{\"invoices\":[{\"id\":\"INV-3\",\"customer\":{\"name\":\"Core\"},"
            + "\"issued\":\"2024-03-03\",\"lines\":[{\"no\":1,\"sku\":\"C\",\"amount\":1.25}]}],"
            + "\"next\":null}")));
    try (Connection c = connect()) {
      List<List<Object>> rows = rows(c,
          "select invoice_id, customer, issued, line_no, sku, amount from invoicelines");
      assertEquals(List.of(
          List.of("INV-1", "Acme", Date.valueOf(LocalDate.of(2024, 3, 1)), 1, "A", 10.5),
          List.of("INV-1", "Acme", Date.valueOf(LocalDate.of(2024, 3, 1)), 2, "B", 2.0),
          Arrays.asList("INV-2", "Bolt", Date.valueOf(LocalDate.of(2024, 3, 2)), null, null, null),
          List.of("INV-3", "Core", Date.valueOf(LocalDate.of(2024, 3, 3)), 1, "C", 1.25)), rows);
      assertEquals(List.of(List.of(2L)),
          rows(c, "select count(*) from invoicelines where invoice_id = 'INV-1'"));
    }
    assertEquals(4, API.findAll(getRequestedFor(urlPathEqualTo("/invoices"))
        .withQueryParam("expand", equalTo("lines")).withQueryParam("status", equalTo("open"))).size());
  }

  @Test
  void topLevelObjectAndDocumentRootAreOneRow() throws Exception {
    useProfile("Me");
    useProfile("Account");
    API.stubFor(get(urlPathEqualTo("/me")).willReturn(okJson(
        "{\"id\":42,\"login\":\"ann\",\"plan\":{\"name\":\"pro\"},\"emails\":[\"a@x.test\"]}")));
    API.stubFor(get(urlPathEqualTo("/account")).willReturn(okJson(
        "{\"name\":\"Acme\",\"limits\":{\"seats\":25},\"regions\":[{\"id\":\"eu\"},{\"id\":\"us\"}]}")));
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(42, "ann", "pro")), rows(c, "select id, login, plan from me"));
      assertEquals(List.of(List.of("Acme", 25, "[{\"id\":\"eu\"},{\"id\":\"us\"}]")),
          rows(c, "select name, seats, regions from account"));
    }
    assertEquals(1, API.findAll(getRequestedFor(urlPathEqualTo("/me"))
        .withQueryParam("fields", equalTo("id,login,plan"))
        .withQueryParam("pretty", equalTo("false"))).size());
    assertEquals(1, API.findAll(getRequestedFor(urlPathEqualTo("/account"))
        .withQueryParam("a", equalTo("1")).withQueryParam("b", equalTo("2"))).size());
  }

  @Test
  void severalRowPathsGiveTheRowsOfEach() throws Exception {
    useProfile("Parties");
    API.stubFor(get(urlPathEqualTo("/parties")).willReturn(okJson("{\"people\":["
        + "{\"id\":\"p1\",\"name\":\"Ann\",\"kind\":\"person\"},{\"id\":\"p2\",\"name\":\"Bob\",\"kind\":\"person\"}],"
        + "\"companies\":[{\"id\":\"c1\",\"name\":\"Acme\",\"kind\":\"company\"}]}")));
    try (Connection c = connect()) {
      assertEquals(List.of(List.of("p1", "Ann", "person"), List.of("p2", "Bob", "person"),
          List.of("c1", "Acme", "company")), rows(c, "select id, name, kind from parties"));
    }
    assertEquals(1, API.findAll(getRequestedFor(urlPathEqualTo("/parties"))).size());
  }

  @Test
  void malformedXmlFailsTheQueryAtOnce() throws Exception {
    useProfile("Orders");
    API.stubFor(get(urlPathEqualTo("/xml/orders"))
        .willReturn(okXml("<response><orders><order><id>1</id></orders></response>")));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select id from orders"));
      assertTrue(e.getMessage().contains("Malformed XML response at line 2"), e.getMessage());
      assertTrue(e.getMessage().contains("Orders"), e.getMessage());
    }
    // A complete body that is not XML is not retried.
    assertEquals(1, API.findAll(getRequestedFor(urlPathEqualTo("/xml/orders"))).size());
  }

  @Test
  void anUnsupportedDataModelFailsTheQueryNamingTheFile() throws Exception {
    useProfile("Parties");
    Files.writeString(profileDir.resolve("Parties.rsd"), Files.readString(profileDir.resolve(
        "Parties.rsd")).replace("<api:set attr=\"JSONPath\"",
            "<api:set attr=\"DataModel\" value=\"Flattened\"/>\r\n  <api:set attr=\"JSONPath\""));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select id from parties"));
      assertTrue(e.getMessage().contains("Parties.rsd"), e.getMessage());
      assertTrue(e.getMessage().contains("Unsupported DataModel 'Flattened'"), e.getMessage());
    }
    assertEquals(0, API.findAll(getRequestedFor(urlPathEqualTo("/parties"))).size());
  }
}
