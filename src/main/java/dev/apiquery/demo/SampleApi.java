package dev.apiquery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The routes of the sample API, without HTTP: a GET of a path and its query parameters gives a
 * status and a JSON body.
 *
 * <pre>
 * GET /                        an index of the endpoints
 * GET /customers               all customers (top-level array)
 * GET /customers/{id}          one customer, 404 when unknown
 * GET /customers/{id}/orders   the customer's orders, 404 when the customer is unknown
 * GET /products[?category=c]   products, all of them when category is absent or empty
 * </pre>
 *
 * Every list also takes optional {@code offset} and {@code limit} parameters (absent: the whole
 * list), ready for paging tests; the demo profiles do not use them.
 */
final class SampleApi {
  /** A response: HTTP status and JSON body. */
  record Response(int status, JsonNode body) {}

  private final SampleData data;

  SampleApi(SampleData data) {
    this.data = data;
  }

  Response get(String path, Map<String, String> query) {
    List<String> segments = segments(path);
    try {
      if (segments.isEmpty()) {
        return ok(index());
      }
      if (segments.get(0).equals("customers")) {
        return customers(segments, query);
      }
      if (segments.equals(List.of("products"))) {
        String category = query.getOrDefault("category", "");
        return ok(slice(filter(data.products, p -> category.isEmpty()
            || p.path("category").asText().equals(category)), query));
      }
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    }
    return error(404, "Not found: " + path);
  }

  private Response customers(List<String> segments, Map<String, String> query) {
    if (segments.size() == 1) {
      return ok(slice(data.customers, query));
    }
    if (segments.size() > 3 || (segments.size() == 3 && !segments.get(2).equals("orders"))) {
      return error(404, "Not found: /" + String.join("/", segments));
    }
    JsonNode customer = customer(segments.get(1));
    if (customer == null) {
      return error(404, "No customer with id " + segments.get(1));
    }
    if (segments.size() == 2) {
      return ok(customer);
    }
    int id = customer.path("id").asInt();
    return ok(slice(filter(data.orders, o -> o.path("customer_id").asInt() == id), query));
  }

  private JsonNode customer(String id) {
    for (JsonNode c : data.customers) {
      if (c.path("id").asText().equals(id)) {
        return c;
      }
    }
    return null;
  }

  private static ArrayNode filter(ArrayNode rows, Predicate<JsonNode> keep) {
    ArrayNode out = SampleData.MAPPER.createArrayNode();
    rows.forEach(row -> {
      if (keep.test(row)) {
        out.add(row);
      }
    });
    return out;
  }

  private static ArrayNode slice(ArrayNode rows, Map<String, String> query) {
    int offset = nonNegative(query, "offset", 0);
    int limit = nonNegative(query, "limit", Integer.MAX_VALUE);
    ArrayNode out = SampleData.MAPPER.createArrayNode();
    for (int i = offset; i < rows.size() && out.size() < limit; i++) {
      out.add(rows.get(i));
    }
    return out;
  }

  private static int nonNegative(Map<String, String> query, String name, int absent) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest("Parameter " + name + " must be a non-negative integer, got '" + value + "'");
  }

  private static ObjectNode index() {
    ObjectNode index = SampleData.MAPPER.createObjectNode();
    index.put("name", "apiquery sample API");
    ArrayNode endpoints = index.putArray("endpoints");
    endpoints.add("/customers");
    endpoints.add("/customers/{id}");
    endpoints.add("/customers/{id}/orders");
    endpoints.add("/products?category={category}");
    return index;
  }

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static Response ok(JsonNode body) {
    return new Response(200, body);
  }

  static Response error(int status, String message) {
    ObjectNode body = SampleData.MAPPER.createObjectNode();
    body.put("status", status);
    body.put("error", message);
    return new Response(status, body);
  }

  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
