package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lookup joins: a join or {@code IN (SELECT ...)} feeds the outer keys into the inner table's
 * input or filter column, one request chain per distinct key, none for NULL keys.
 */
class LookupJoinTest extends ApiTestSupport {

  @BeforeEach
  void setUp() throws Exception {
    // Customer 1 is listed twice (its orders are fetched once); one customer has no id.
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
            <attr name="id" xs:type="int" other:xPath="$.id"/>
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

  private static int requestsTo(String url) {
    return API.findAll(getRequestedFor(urlEqualTo(url))).size();
  }

  /** One request for the customers and one per distinct non-null customer id; nothing else. */
  private static void assertOneRequestPerKey(int... ids) {
    assertEquals(1, requestsTo("/customers"));
    for (int id : ids) {
      assertEquals(1, requestsTo("/customers/" + id + "/orders"), "orders of customer " + id);
    }
    assertEquals(1 + ids.length, API.getAllServeEvents().size(), "no request for a NULL key or a repeated one");
  }

  @Test
  void aJoinFeedsEachDistinctOuterKeyIntoTheRequiredInputOnce() throws Exception {
    try (Connection c = connect()) {
      assertEquals(
          List.of(List.of("Ann", 10), List.of("Ann", 11), List.of("Bob", 20), List.of("Ann again", 10),
              List.of("Ann again", 11)),
          rows(c, "select c.name, o.order_id from customers c join orders o on o.customer_id = c.id"));
    }
    assertOneRequestPerKey(1, 2, 3);
  }

  @Test
  void theJoinWrittenTheOtherWayRoundIsALookupToo() throws Exception {
    try (Connection c = connect()) {
      assertEquals(5, rows(c, "select c.name, o.order_id from orders o join customers c on c.id = o.customer_id")
          .size());
    }
    assertOneRequestPerKey(1, 2, 3);
  }

  @Test
  void aLeftJoinKeepsOuterRowsWithoutOrdersAndWithoutAKey() throws Exception {
    try (Connection c = connect()) {
      assertEquals(
          List.of(List.of("Ann", 10), List.of("Ann", 11), List.of("Bob", 20), nullRow("Cy"), nullRow("Nobody"),
              List.of("Ann again", 10), List.of("Ann again", 11)),
          rows(c, "select c.name, o.order_id from customers c left join orders o on o.customer_id = c.id"));
    }
    assertOneRequestPerKey(1, 2, 3);
  }

  private static List<Object> nullRow(String name) {
    List<Object> row = new ArrayList<>();
    row.add(name);
    row.add(null);
    return row;
  }

  @Test
  void whereOnEitherSideStillHolds() throws Exception {
    try (Connection c = connect()) {
      assertEquals(
          List.of(List.of("Ann", 11)),
          rows(c, "select c.name, o.order_id from customers c join orders o on o.customer_id = c.id "
              + "where c.region = 'eu' and o.amount > 6"));
    }
    // Bob is in the us: his orders are never asked for.
    assertOneRequestPerKey(1, 3);
  }

  @Test
  void anInSubqueryFeedsItsValuesIntoTheInput() throws Exception {
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(10), List.of(11)), rows(c,
          "select order_id from orders where customer_id in (select id from customers where region = 'eu')"));
    }
    assertOneRequestPerKey(1, 3);
  }

  @Test
  void aKeyOfAnotherNumericTypeIsFedToo() throws Exception {
    writeProfile("Accounts", rsd("<attr name=\"id\" xs:type=\"long\" other:xPath=\"$.id\"/>", "${BASE}/customers", ""));
    try (Connection c = connect()) {
      assertEquals(5, rows(c, "select a.id, o.order_id from accounts a join orders o on o.customer_id = a.id").size());
    }
    assertOneRequestPerKey(1, 2, 3);
  }

  @Test
  void anExistsSubqueryIsALookupToo() throws Exception {
    try (Connection c = connect()) {
      assertEquals(List.of(List.of("Ann"), List.of("Bob"), List.of("Ann again")), rows(c,
          "select c.name from customers c where exists (select 1 from orders o where o.customer_id = c.id)"));
    }
    assertOneRequestPerKey(1, 2, 3);
  }

  @Test
  void aPreparedStatementRunsTheLookupWithEachExecutionsValues() throws Exception {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(
            "select o.order_id from customers c join orders o on o.customer_id = c.id where c.name = ?")) {
      ps.setString(1, "Bob");
      assertEquals(List.of(List.of(20)), rows(ps.executeQuery()));
      ps.setString(1, "Cy");
      assertEquals(List.of(), rows(ps.executeQuery()));
    }
    assertEquals(2, requestsTo("/customers"));
    assertEquals(1, requestsTo("/customers/2/orders"));
    assertEquals(1, requestsTo("/customers/3/orders"));
    assertEquals(4, API.getAllServeEvents().size());
  }

  @Test
  void explainShowsTheLookupAndTheRequestTemplateWithoutSendingAnything() throws Exception {
    try (Connection c = connect()) {
      String plan = rows(c, "explain plan for select c.name, o.order_id from customers c "
          + "left join orders o on o.customer_id = c.id").get(0).get(0).toString();
      assertTrue(plan.contains("ApiLookupJoin("), plan);
      assertTrue(plan.contains("joinType=[left], key=[customer_id], batch=[100 outer rows"), plan);
      assertTrue(plan.contains("GET " + base() + "/customers/{id}/orders"), plan);
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  @Test
  void aJoinThatCannotFeedTheInputStillFailsWithTheMissingInput() throws Exception {
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class,
          () -> rows(c, "select c.name, o.order_id from customers c join orders o on o.customer_id > c.id"));
      assertEquals("07001", e.getSQLState());
      assertTrue(e.getMessage().contains("the input 'customer_id' (\"The customer whose orders to list\") is "
          + "required"), e.getMessage());
    }
    assertEquals(0, requestsTo("/customers/1/orders"));
  }

  @Test
  void moreOuterRowsThanOneBatchAreSentInSeveralBatchesEachKeyOnce() throws Exception {
    API.stubFor(get(urlPathMatching("/people/[0-9]+/orders")).willReturn(okJson("{\"orders\":[{\"order_id\":7}]}")));
    StringBuilder people = new StringBuilder("[");
    for (int i = 0; i < 250; i++) {
      people.append(i == 0 ? "" : ",").append("{\"id\":").append(i % 230).append('}');
    }
    API.stubFor(get(urlEqualTo("/people")).willReturn(okJson(people.append(']').toString())));
    writeProfile("People", rsd("<attr name=\"id\" xs:type=\"int\" other:xPath=\"$.id\"/>", "${BASE}/people", ""));
    writeProfile("PersonOrders", rsd("""
            <attr name="order_id" xs:type="int" other:xPath="/json/orders/order_id"/>
            <input name="person" xs:type="int" required="true"/>
        """, "${BASE}/people/[_input.person]/orders", "<api:set attr=\"JSONPath\" value=\"$.orders\"/>"));
    try (Connection c = connect()) {
      assertEquals(250, rows(c, "select p.id, o.order_id from people p join personorders o on o.person = p.id").size());
    }
    List<ServeEvent> orders = API.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/orders")).toList();
    Set<String> distinct = new HashSet<>();
    orders.forEach(e -> distinct.add(e.getRequest().getUrl()));
    // 250 outer rows are three batches; ids 0..19 come back in the third batch and are asked again
    // there (a key is sent once per batch), so 230 + 20 requests for 230 distinct URLs.
    assertEquals(230, distinct.size());
    assertEquals(250, orders.size());
  }

  @Test
  void conversionWarningsOfEveryBatchStayOnTheStatementUntilItExecutesAgain() throws Exception {
    API.stubFor(get(urlPathMatching("/people/[0-9]+/orders")).willReturn(okJson("{\"orders\":[{\"order_id\":7}]}")));
    // Person 5 is in the first of three batches, person 240 in the last.
    API.stubFor(get(urlEqualTo("/people/5/orders")).atPriority(1)
        .willReturn(okJson("{\"orders\":[{\"order_id\":\"five\"}]}")));
    API.stubFor(get(urlEqualTo("/people/240/orders")).atPriority(1)
        .willReturn(okJson("{\"orders\":[{\"order_id\":\"x\"}]}")));
    StringBuilder people = new StringBuilder("[");
    for (int i = 0; i < 250; i++) {
      people.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
    }
    API.stubFor(get(urlEqualTo("/people")).willReturn(okJson(people.append(']').toString())));
    writeProfile("People", rsd("<attr name=\"id\" xs:type=\"int\" other:xPath=\"$.id\"/>", "${BASE}/people", ""));
    writeProfile("PersonOrders", rsd("""
            <attr name="order_id" xs:type="int" other:xPath="/json/orders/order_id"/>
            <input name="person" xs:type="int" required="true"/>
        """, "${BASE}/people/[_input.person]/orders", "<api:set attr=\"JSONPath\" value=\"$.orders\"/>"));
    try (Connection c = connect(); Statement st = c.createStatement()) {
      String join = "select p.id, o.order_id from people p join personorders o on o.person = p.id";
      try (ResultSet rs = st.executeQuery(join)) {
        assertEquals(250, rows(rs).size());
      }
      List<String> messages = new ArrayList<>();
      for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
        messages.add(w.getMessage());
      }
      assertEquals(2, messages.size(), messages.toString());
      assertTrue(messages.get(0).contains("Table 'PersonOrders': 1 value(s)") && messages.get(0).contains("five"),
          messages.toString());
      assertTrue(messages.get(1).contains("Table 'PersonOrders': 1 value(s)"), messages.toString());
      try (ResultSet rs = st.executeQuery("select id from people")) {
        assertEquals(250, rows(rs).size());
      }
      assertNull(st.getWarnings(), "executing again clears the warnings");
    }
    assertEquals(1, requestsTo("/people/5/orders"));
    assertEquals(2 + 250, API.getAllServeEvents().size(), "the people twice, each person's orders once");
  }

  @Test
  void aFilterColumnOnTheJoinKeyIsFedAndTheJoinStillChecksTheKey() throws Exception {
    // The API ignores the parameter and returns every invoice: SQL must still pair them right.
    API.stubFor(get(urlPathEqualTo("/invoices")).willReturn(okJson("""
        [{"no":"A","customer":1},{"no":"B","customer":2},{"no":"C","customer":3}]""")));
    writeProfile("Invoices", rsd("""
            <attr name="no" xs:type="string" other:xPath="$.no"/>
            <attr name="customer" xs:type="int" other:xPath="$.customer" other:filter="customer"/>
        """, "${BASE}/invoices", ""));
    try (Connection c = connect()) {
      assertEquals(List.of(List.of("Ann", "A"), List.of("Cy", "C")), rows(c,
          "select c.name, i.no from customers c join invoices i on i.customer = c.id where c.region = 'eu'"));
    }
    assertEquals(1, API.findAll(getRequestedFor(urlEqualTo("/invoices?customer=1"))).size());
    assertEquals(1, API.findAll(getRequestedFor(urlEqualTo("/invoices?customer=3"))).size());
    assertEquals(2, API.findAll(getRequestedFor(urlPathEqualTo("/invoices"))).size());
  }

  /** People 0..249 (each with one order, except every tenth person from 20 on), for a LIMIT. */
  private void peopleWithOrders() throws Exception {
    API.stubFor(get(urlPathMatching("/people/[0-9]+/orders")).willReturn(okJson("{\"orders\":[{\"order_id\":7}]}")));
    for (int i = 20; i < 250; i += 10) {
      API.stubFor(get(urlPathEqualTo("/people/" + i + "/orders")).willReturn(okJson("{\"orders\":[]}")));
    }
    StringBuilder people = new StringBuilder("[");
    for (int i = 0; i < 250; i++) {
      people.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
    }
    API.stubFor(get(urlEqualTo("/people")).willReturn(okJson(people.append(']').toString())));
    writeProfile("People", rsd("<attr name=\"id\" xs:type=\"int\" other:xPath=\"$.id\"/>", "${BASE}/people", ""));
    writeProfile("PersonOrders", crlf(rsd("""
            <attr name="order_id" xs:type="int" other:xPath="/json/orders/order_id"/>
            <input name="person" xs:type="int" required="true"/>
        """, "${BASE}/people/[_input.person]/orders?format=json&v=2", "<api:set attr=\"JSONPath\" value=\"$.orders\"/>")));
  }

  private static List<String> orderLookups() {
    return API.getAllServeEvents().stream().map(e -> e.getRequest().getUrl())
        .filter(url -> url.contains("/orders")).sorted().toList();
  }

  @Test
  void aLimitAboveTheJoinMakesItsBatchesThatSmall() throws Exception {
    peopleWithOrders();
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      assertEquals(List.of(List.of(0, 7), List.of(1, 7), List.of(2, 7), List.of(3, 7), List.of(4, 7)),
          rows(c, "select p.id, o.order_id from people p join personorders o on o.person = p.id limit 5"));
      assertEquals(5, orderLookups().size(), "one lookup per row asked for, not a batch of 100: " + orderLookups());
      String plan = rows(c, "explain plan for select p.id, o.order_id from people p join personorders o "
          + "on o.person = p.id limit 5").get(0).get(0).toString();
      assertTrue(plan.contains("batch=[5 outer rows ($cor0..$cor4)]"), plan);
      // OFFSET 3 LIMIT 2 needs five rows too; setMaxRows(4) four.
      API.resetRequests();
      assertEquals(List.of(List.of(3, 7), List.of(4, 7)),
          rows(c, "select p.id, o.order_id from people p join personorders o on o.person = p.id limit 2 offset 3"));
      assertEquals(5, orderLookups().size());
      API.resetRequests();
      try (Statement st = c.createStatement()) {
        st.setMaxRows(4);
        assertEquals(List.of(List.of(0), List.of(1), List.of(2), List.of(3)),
            rows(st.executeQuery("select o.order_id - 7 + p.id from people p left join personorders o on o.person = p.id")));
      }
      assertEquals(4, orderLookups().size());
    }
  }

  @Test
  void outerRowsWithoutAMatchUnderALimitCostMoreBatchesOfThatSize() throws Exception {
    peopleWithOrders();
    try (Connection c = connect()) {
      // People 20, 30 and 40 have no orders: rows 18..44 hold 25 people with an order.
      List<List<Object>> rows =
          rows(c, "select p.id from people p join personorders o on o.person = p.id where p.id >= 18 limit 25");
      List<List<Object>> expected = new ArrayList<>();
      for (int i = 18; expected.size() < 25; i++) {
        if (i < 20 || i % 10 != 0) {
          expected.add(List.of(i));
        }
      }
      assertEquals(expected, rows);
      // Batches of 25 outer rows: 18..42 gave 22 rows, 43..67 the last three.
      assertEquals(50, orderLookups().size());
    }
  }

  @Test
  void aLimitParameterKeepsTheFullBatch() throws Exception {
    peopleWithOrders();
    try (Connection c = connect("MaxConcurrentRequests=1");
        PreparedStatement ps = c.prepareStatement(
            "select p.id from people p join personorders o on o.person = p.id limit ?")) {
      ps.setInt(1, 2);
      assertEquals(List.of(List.of(0), List.of(1)), rows(ps.executeQuery()));
    }
    assertEquals(100, orderLookups().size(), "the plan cannot know the limit: batches of 100");
  }

  @Test
  void theLookupsOfABatchOverlapUpToMaxConcurrentRequests() throws Exception {
    API.stubFor(get(urlPathMatching("/accounts/[0-9]+/orders"))
        .willReturn(okJson("{\"orders\":[{\"order_id\":1}]}").withFixedDelay(SLOW_MILLIS)));
    API.stubFor(get(urlEqualTo("/accounts")).willReturn(okJson("[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4},"
        + "{\"id\":5},{\"id\":6}]")));
    writeProfile("Accounts", rsd("<attr name=\"id\" xs:type=\"int\" other:xPath=\"$.id\"/>", "${BASE}/accounts", ""));
    writeProfile("AccountOrders", rsd("""
            <attr name="order_id" xs:type="int" other:xPath="/json/orders/order_id"/>
            <input name="account" xs:type="int" required="true"/>
        """, "${BASE}/accounts/[_input.account]/orders", "<api:set attr=\"JSONPath\" value=\"$.orders\"/>"));
    String sql = "select a.id from accounts a join accountorders o on o.account = a.id";
    try (Connection c = connect("MaxConcurrentRequests=1")) {
      assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5), List.of(6)), rows(c, sql));
    }
    assertEquals(1, mostOrderRequestsAtOnce(), "one at a time");
    API.resetRequests();
    try (Connection c = connect("MaxConcurrentRequests=3")) {
      // Concurrent chains still hand out their rows in key order.
      assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5), List.of(6)), rows(c, sql));
    }
    int atOnce = mostOrderRequestsAtOnce();
    assertTrue(atOnce >= 2 && atOnce <= 3, "requests in flight at once: " + atOnce);
    assertEquals(7, API.getAllServeEvents().size());
  }

  private static final int SLOW_MILLIS = 600;

  /** The most order requests the server was serving at one moment (each takes SLOW_MILLIS). */
  private static int mostOrderRequestsAtOnce() {
    List<Long> starts = API.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().endsWith("/orders"))
        .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
    int most = 0;
    for (long start : starts) {
      // Requests that started before this one and were still being served when it started.
      int inFlight = (int) starts.stream().filter(s -> s <= start && s + SLOW_MILLIS > start).count();
      most = Math.max(most, inFlight);
    }
    return most;
  }
}
