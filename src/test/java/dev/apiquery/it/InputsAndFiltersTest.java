package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inputs and other:filter columns become request parameters; IN fans out one chain per value. */
class InputsAndFiltersTest extends ApiTestSupport {

  @BeforeEach
  void setUp() throws Exception {
    API.stubFor(get(urlEqualTo("/orgs/acme/repos")).willReturn(okJson(
        "[{\"id\":1,\"name\":\"core\"},{\"id\":2,\"name\":\"web\"}]")));
    API.stubFor(get(urlEqualTo("/orgs/beta%20co/repos")).willReturn(okJson("[{\"id\":3,\"name\":\"api\"}]")));
    writeProfile("Repos", rsd("""
            <attr name="id" xs:type="long" key="true" other:xPath="/json/id"/>
            <attr name="name" xs:type="string" other:xPath="/json/name"/>
            <input name="org" xs:type="string" required="true" desc="Organisation login"/>
            <input name="rows@next" desc="internal"/>
        """, "${BASE}/orgs/[_input.org]/repos", ""));

    API.stubFor(get(urlPathEqualTo("/products")).willReturn(okJson("""
        {"products":[{"sku":"a","category":"books"},{"sku":"b","category":"toys"},{"sku":"c","category":"books"}]}""")));
    writeProfile("Products", rsd("""
            <attr name="sku" xs:type="string" other:xPath="sku"/>
            <attr name="category" xs:type="string" other:xPath="category" other:filter="{category}"/>
            <input name="since" xs:type="date" other:filter="updated_since"/>
            <input name="pageSize" xs:type="int" default="50"/>
        """, "${BASE}/products?category={category}&amp;limit=[_input.pageSize]",
        "<api:set attr=\"JSONPath\" value=\"$.products\"/>"));
  }

  @Test
  void anInputBecomesPartOfTheRequestAndIsEchoedAsItsColumn() throws Exception {
    try (Connection c = connect()) {
      assertEquals(
          List.of(List.of(1L, "core", "acme"), List.of(2L, "web", "acme")),
          rows(c, "select id, name, org from repos where org = 'acme'"));
    }
    API.verify(1, getRequestedFor(urlEqualTo("/orgs/acme/repos")));
  }

  @Test
  void inFansOutOneRequestPerValueAndEncodesValues() throws Exception {
    try (Connection c = connect()) {
      // Calcite hands IN lists over sorted, so chains run in value order.
      assertEquals(
          List.of(List.of("acme", "core"), List.of("acme", "web"), List.of("beta co", "api")),
          rows(c, "select org, name from repos where org in ('beta co', 'acme')"));
    }
    API.verify(1, getRequestedFor(urlEqualTo("/orgs/acme/repos")));
    API.verify(1, getRequestedFor(urlEqualTo("/orgs/beta%20co/repos")));
  }

  @Test
  void otherPredicatesOnAnInputStillHold() throws Exception {
    try (Connection c = connect()) {
      assertEquals(List.of(), rows(c, "select name from repos where org = 'acme' and org = 'other'"));
      assertEquals(List.of(List.of("web")), rows(c, "select name from repos where org = 'acme' and id > 1"));
    }
  }

  @Test
  void aMissingRequiredInputNamesItAndQuotesItsDescription() throws Exception {
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "select * from repos"));
      assertTrue(e.getMessage().contains("'org'"), e.getMessage());
      assertTrue(e.getMessage().contains("Organisation login"), e.getMessage());
      assertTrue(e.getMessage().contains("Repos"), e.getMessage());
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  @Test
  void aPlaceholderFilterIsSentAndStillCheckedAfterTheFetch() throws Exception {
    try (Connection c = connect()) {
      // The stub ignores the parameter and returns every category: SQL must still be right.
      assertEquals(List.of(List.of("a"), List.of("c")), rows(c, "select sku from products where category = 'books'"));
    }
    List<LoggedRequest> requests = API.findAll(getRequestedFor(urlPathEqualTo("/products")));
    assertEquals(1, requests.size());
    assertEquals("books", requests.get(0).queryParameter("category").firstValue());
    assertEquals("50", requests.get(0).queryParameter("limit").firstValue());
  }

  @Test
  void aRowThatALooseApiReturnsToSeveralInChainsIsReturnedOnce() throws Exception {
    try (Connection c = connect()) {
      // The stub ignores the parameter: each chain gets every product, and keeps its own category's.
      assertEquals(List.of(List.of("a"), List.of("c"), List.of("b")),
          rows(c, "select sku from products where category in ('toys', 'books')"));
    }
    assertEquals(2, API.findAll(getRequestedFor(urlPathEqualTo("/products"))).size());
  }

  @Test
  void anUnboundPlaceholderDropsItsParameterAndABareFilterNameIsAppended() throws Exception {
    try (Connection c = connect()) {
      assertEquals(3, rows(c, "select sku, since, pageSize from products where since = DATE '2024-02-01'").size());
      assertEquals(
          List.of(java.sql.Date.valueOf("2024-02-01"), 50),
          rows(c, "select since, pageSize from products where since = DATE '2024-02-01'").get(0));
    }
    LoggedRequest request = API.findAll(getRequestedFor(urlPathEqualTo("/products"))).get(0);
    assertEquals(false, request.getUrl().contains("category="), request.getUrl());
    assertEquals("2024-02-01", request.queryParameter("updated_since").firstValue());
  }

  @Test
  void inputDefaultsAreOverriddenByTheQuery() throws Exception {
    try (Connection c = connect()) {
      rows(c, "select sku from products where pageSize = 7");
    }
    API.verify(1, getRequestedFor(urlPathEqualTo("/products")).withQueryParam("limit", equalTo("7")));
  }

  @Test
  void explainShowsThePushedParameters() throws Exception {
    try (Connection c = connect()) {
      String plan = rows(c, "explain plan for select name from repos where org in ('a','b') and id > 1")
          .get(0).get(0).toString();
      assertTrue(plan.contains("params=[org=[a, b]]"), plan);
    }
    assertEquals(0, API.getAllServeEvents().size());
  }
}
