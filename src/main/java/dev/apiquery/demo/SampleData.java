package dev.apiquery.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fixed data set of the sample API, read from the JSON files bundled under
 * {@code dev/apiquery/demo/data/}. Decimals keep their written form ({@code 1250.50}).
 */
final class SampleData {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  final ArrayNode customers;
  final ArrayNode orders;
  final ArrayNode products;

  private SampleData(ArrayNode customers, ArrayNode orders, ArrayNode products) {
    this.customers = customers;
    this.orders = orders;
    this.products = products;
  }

  static SampleData load() {
    return new SampleData(read("customers.json"), read("orders.json"), read("products.json"));
  }

  private static ArrayNode read(String name) {
    String resource = "data/" + name;
    try (InputStream in = SampleData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource dev/apiquery/demo/" + resource);
      }
      JsonNode node = MAPPER.readTree(in);
      if (!(node instanceof ArrayNode array)) {
        throw new IllegalStateException("dev/apiquery/demo/" + resource + " is not a JSON array");
      }
      return array;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev/apiquery/demo/" + resource, e);
    }
  }
}
