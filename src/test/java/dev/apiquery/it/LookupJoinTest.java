package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lookup joins: a join or IN (SELECT ...) feeds the outer keys into the inner table's input. */
class LookupJoinTest extends ApiTestSupport {

  @BeforeEach
  void setUp() throws Exception {
    API.stubFor(get(urlEqualTo("/customers")).willReturn(okJson("""
        [{"id":1,"name":"Ann","region":"eu"},{"id":2,"name":"Bob","region":"us"},
         {"id":3,"name":"Cy","region":"eu"},{"id":null,"name":"Nobody","region":"eu"},
         {"id":1,"name":"Ann again","region":"us"}]""")));
    API.stubFor(get(urlEqualTo("/customers/1/orders")).willReturn(okJson("""
        {"orders":[{"order_id":10,"amount":5.5},{"order_id":11,"amount":7}]}""")));
    API.stubFor(get(urlEqualTo("/customers/2/orders")).willReturn(okJson("""
        {"orders":[{"order_id":20,"amount":1}]}""")));
    API.stubFor(get(urlEqualTo("/customers/3/orders")).willReturn(okJson("{\"orders\":[]}")));
    writeProfile("Customers", crlf(rsd("""
            <attr name="id" xs:type="int" key="true" other:xPath="$.id"/>
            <attr name="name" xs:type="string" other:xPath="$.name"/>
            <attr name="region" xs:type="string" other:xPath="$.region"/>
        """, "${BASE}/customers", "")));
    writeProfile("Orders", crlf(rsd("""
            <attr name="order_id" xs:type="int" key="true" other:xPath="/json/orders/order_id"/>
            <attr name="amount" xs:type="decimal" other:xPath="/json/orders/amount"/>
            <input name="customer_id" xs:type="int" required="true" desc="The customer whose orders to list"/>
        """, "${BASE}/customers/[_input.customer_id]/orders", "<api:set attr=\"JSONPath\" value=\"$.orders\"/>")));
  }

  private static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  @Test
  void explore() throws Exception {
    try (Connection c = connect()) {
      for (String sql : List.of(
          "select c.name, o.order_id from customers c join orders o on o.customer_id = c.id",
          "select c.name, o.order_id from customers c left join orders o on o.customer_id = c.id",
          "select o.order_id from orders o where o.customer_id in (select id from customers where region = 'eu')",
          "select c.name, o.order_id from orders o join customers c on o.customer_id = c.id")) {
        System.out.println(sql + "\n" + rows(c, "explain plan for " + sql).get(0).get(0));
        System.out.println(rows(c, sql));
      }
    }
    System.out.println(API.getAllServeEvents().size());
  }
}
