package dev.apiquery.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type widening, column names, key choice and row finding on sampled JSON. */
class InferenceTest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static String type(String... values) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String v : values) {
      rows.add(json("{\"v\":" + v + "}"));
    }
    return ColumnInference.infer(rows, "t").get(0).xsType();
  }

  @Test
  void typesWidenAcrossRows() throws Exception {
    assertEquals("int", type("1", "2", "null"));
    assertEquals("long", type("1", "3000000000"));
    assertEquals("decimal", type("1", "92233720368547758070"));
    assertEquals("double", type("1", "2.5"));
    assertEquals("decimal", type("2.5", "0.1234567890123456789"));
    assertEquals("boolean", type("true", "false"));
    assertEquals("string", type("true", "1"));
    assertEquals("date", type("\"2024-01-05\""));
    assertEquals("datetime", type("\"2024-01-05\"", "\"2024-01-05T10:00:00.123+02:00\""));
    assertEquals("datetime", type("\"2024-01-05 10:00:00\"", "\"2024-01-05T10:00:00.000+0000\""));
    assertEquals("string", type("\"2024-01-05\"", "\"soon\""));
    assertEquals("string", type("1", "\"1\""));
    assertEquals("string", type("null"));
    assertEquals("string", type("[1,2]"));
  }

  @Test
  void namesAreValidUniqueAndKeepTheirCase() throws Exception {
    List<InferredColumn> columns = ColumnInference.infer(List.of(json(
        "{\"First Name\":1,\"first_name\":2,\"2fa\":true,\"_row\":1,\"a/b\":1,\"nested\":{\"x-y\":1,\"deep\":{\"z\":1}}}")), "t");
    assertEquals(List.of("First_Name", "first_name_2", "_2fa", "_row_2", "nested_x_y", "nested_deep"),
        columns.stream().map(InferredColumn::name).toList());
    assertEquals(List.of("First Name", "first_name", "2fa", "_row", "nested/x-y", "nested/deep"),
        columns.stream().map(InferredColumn::xPath).toList());
  }

  @Test
  void theKeyIsAnIdLikeColumnWithDistinctValues() throws Exception {
    List<JsonNode> rows = List.of(json("{\"order_id\":\"a\",\"id\":1}"), json("{\"order_id\":\"b\",\"id\":1}"));
    List<InferredColumn> columns = ColumnInference.infer(rows, "orders");
    assertEquals(List.of(true, false), columns.stream().map(InferredColumn::key).toList(),
        "id repeats, so order_id (the table's singular + _id) is the key");
  }

  @Test
  void rowsAreTheLargestArrayOfObjectsAndOthersAreAlternatives() throws Exception {
    JsonNode doc = json("{\"meta\":{\"tags\":[1,2,3,4]},\"included\":[{\"a\":1}],\"data\":{\"items\":[{\"a\":1},{\"a\":2}]}}");
    RowFinder.Result found = RowFinder.find(doc, null);
    assertEquals("$.data.items", found.chosen().jsonPath());
    assertEquals(List.of("$.included"), found.alternatives().stream().map(RowSet::jsonPath).toList());
    assertEquals("$.included", RowFinder.find(doc, "/json/included").chosen().jsonPath());
    assertEquals(1, RowFinder.find(doc, "data").chosen().rows().size(), "an object is one row");
    BuilderException e = assertThrows(BuilderException.class, () -> RowFinder.find(doc, "$.nope"));
    assertTrue(e.getMessage().contains("arrays of objects in it: $.data.items (2) $.included (1)"), e.getMessage());
    assertEquals(null, RowFinder.find(json("[{\"a\":1}]"), null).chosen().jsonPath());
    assertEquals(1, RowFinder.find(json("{\"a\":1}"), null).chosen().rows().size());
  }

  @Test
  void environmentNamesForSecrets() {
    assertEquals("X_API_KEY", ConnectionPlan.environmentName("X-Api-Key"));
    assertEquals("OAUTH_CLIENT_SECRET", ConnectionPlan.environmentName("OAuthClientSecret"));
    assertEquals("API_KEY", ConnectionPlan.environmentName("api_key"));
  }
}
