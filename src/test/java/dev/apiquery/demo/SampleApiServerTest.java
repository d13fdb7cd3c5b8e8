package dev.apiquery.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleApiServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SampleApiServer server;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    server = new SampleApiServer();
    base = server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String target) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + target)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Test
  void baseUrlIsLoopbackWithAnEphemeralPort() {
    assertTrue(base.matches("http://127\\.0\\.0\\.1:\\d+"), base);
    assertTrue(!base.endsWith(":0"), base);
    assertEquals(base, server.baseUrl());
  }

  @Test
  void customersAreTwelveWithNestedAndArrayFields() throws Exception {
    HttpResponse<String> response = get("/customers");
    assertEquals(200, response.statusCode());
    assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode customers = json(response);
    assertEquals(12, customers.size());
    JsonNode anna = customers.get(0);
    assertEquals(1, anna.get("id").asInt());
    assertEquals("Anna Schmidt", anna.get("name").asText());
    assertEquals("DE", anna.get("country").asText());
    assertEquals("2023-01-15T09:30:00Z", anna.get("created_at").asText());
    assertEquals("Berlin", anna.at("/address/city").asText());
    assertEquals("[\"vip\",\"newsletter\"]", anna.get("tags").toString());
    assertTrue(anna.get("active").asBoolean());
    // Decimals are served as written, trailing zero included.
    assertTrue(response.body().startsWith("[{\"id\":1,\"name\":\"Anna Schmidt\","), response.body());
    assertTrue(response.body().contains("\"balance\":1250.50,"), response.body());
    assertEquals("Mateo García", customers.get(8).get("name").asText());
    assertEquals("2023-03-02T14:05:00+02:00", customers.get(3).get("created_at").asText());
    List<Integer> ids = new ArrayList<>();
    customers.forEach(c -> ids.add(c.get("id").asInt()));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), ids);
  }

  @Test
  void oneCustomerAndUnknownCustomer() throws Exception {
    assertEquals("Emma Johnson", json(get("/customers/3")).get("name").asText());
    HttpResponse<String> missing = get("/customers/99");
    assertEquals(404, missing.statusCode());
    assertEquals("{\"status\":404,\"error\":\"No customer with id 99\"}", missing.body());
  }

  @Test
  void ordersOfACustomer() throws Exception {
    HttpResponse<String> response = get("/customers/3/orders");
    assertEquals(200, response.statusCode());
    JsonNode orders = json(response);
    assertEquals(3, orders.size());
    assertEquals(100004L, orders.get(0).get("order_id").asLong());
    assertEquals("2023-03-05T09:00:00Z", orders.get(0).get("ordered_at").asText());
    assertEquals("delivered", orders.get(0).get("status").asText());
    assertEquals("UPS", orders.get(0).at("/shipping/carrier").asText());
    assertEquals(100006L, orders.get(2).get("order_id").asLong());
    assertTrue(response.body().contains("\"total\":119.00,"), response.body());
    orders.forEach(o -> assertEquals(3, o.get("customer_id").asInt()));
    assertEquals("[]", get("/customers/4/orders").body());
    assertEquals(404, get("/customers/99/orders").statusCode());
    assertEquals(404, get("/customers/abc/orders").statusCode());
  }

  @Test
  void productsFilteredByCategory() throws Exception {
    JsonNode all = json(get("/products"));
    assertEquals(10, all.size());
    JsonNode books = json(get("/products?category=books"));
    assertEquals(3, books.size());
    assertEquals("BK-001", books.get(0).get("sku").asText());
    assertEquals(45.5, books.get(1).get("price").asDouble());
    assertEquals("2019-11-01", books.get(1).get("released_on").asText());
    books.forEach(b -> assertEquals("books", b.get("category").asText()));
    assertEquals(10, json(get("/products?category=")).size());
    assertEquals("[]", get("/products?category=garden").body());
    assertEquals("Strategy Board Game \"Deluxe\"",
        json(get("/products?category=games")).get(2).get("name").asText());
  }

  @Test
  void offsetAndLimit() throws Exception {
    JsonNode page = json(get("/customers?offset=10&limit=5"));
    assertEquals(2, page.size());
    assertEquals(11, page.get(0).get("id").asInt());
    assertEquals(2, json(get("/products?category=books&limit=2")).size());
    HttpResponse<String> bad = get("/customers?limit=-1");
    assertEquals(400, bad.statusCode());
    assertEquals("{\"status\":400,\"error\":\"Parameter limit must be a non-negative integer, got '-1'\"}",
        bad.body());
  }

  @Test
  void unknownPathsAre404AndOtherMethods405() throws Exception {
    HttpResponse<String> missing = get("/nothing/here");
    assertEquals(404, missing.statusCode());
    assertEquals("{\"status\":404,\"error\":\"Not found: /nothing/here\"}", missing.body());
    assertEquals(404, get("/customers/1/invoices").statusCode());
    HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/customers"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void indexListsTheEndpoints() throws Exception {
    JsonNode index = json(get("/"));
    assertEquals("apiquery sample API", index.get("name").asText());
    assertEquals(4, index.get("endpoints").size());
  }

  @Test
  void requestsAreRecorded() throws Exception {
    get("/products?category=office");
    assertTrue(server.requests().contains("/products?category=office"), server.requests().toString());
  }

  @Test
  void stopsAndCannotStartTwice() throws Exception {
    SampleApiServer other = new SampleApiServer();
    String url = other.start();
    assertThrows(IllegalStateException.class, other::start);
    other.close();
    other.close();
    assertThrows(ConnectException.class, () -> HTTP.send(
        HttpRequest.newBuilder(URI.create(url + "/customers")).build(), HttpResponse.BodyHandlers.ofString()));
  }
}
