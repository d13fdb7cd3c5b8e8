package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void typesOfValues() throws Exception {
    String json = Rows.print(new JsonWriter(),
        "SELECT * FROM (VALUES (1, 'a,b', TRUE, CAST(NULL AS VARCHAR))) AS t(\"id\", \"name\", \"flag\", \"empty\")");
    assertEquals("[\n  {\"id\":1,\"name\":\"a,b\",\"flag\":true,\"empty\":null}\n]\n", json);
  }

  @Test
  void numbersDatesAndTimes() throws Exception {
    String json = Rows.print(new JsonWriter(), "SELECT CAST(1234.50 AS DECIMAL(10, 2)) AS amount,"
        + " CAST(12345678901 AS BIGINT) AS big, CAST(0.25 AS DOUBLE) AS ratio,"
        + " CAST(NULL AS INTEGER) AS missing, DATE '2024-01-02' AS d,"
        + " TIMESTAMP '2024-01-02 03:04:05' AS ts, TIME '10:11:12' AS tm,"
        + " 'say \"hi\"' AS quoted");
    assertEquals("[\n  {\"AMOUNT\":1234.50,\"BIG\":12345678901,\"RATIO\":0.25,\"MISSING\":null,"
        + "\"D\":\"2024-01-02\",\"TS\":\"2024-01-02T03:04:05\",\"TM\":\"10:11:12\","
        + "\"QUOTED\":\"say \\\"hi\\\"\"}\n]\n", json);
  }

  @Test
  void severalRowsOnePerLineAndValidJson() throws Exception {
    String json = Rows.print(new JsonWriter(),
        "SELECT * FROM (VALUES (1, FALSE), (2, CAST(NULL AS BOOLEAN))) AS t(\"id\", \"ok\")");
    assertEquals("[\n  {\"id\":1,\"ok\":false},\n  {\"id\":2,\"ok\":null}\n]\n", json);
    JsonNode parsed = new ObjectMapper().readTree(json);
    assertEquals(2, parsed.size());
    assertEquals(2, parsed.get(1).get("id").asInt());
    assertEquals(true, parsed.get(1).get("ok").isNull());
  }

  @Test
  void noRowsIsAnEmptyArray() throws Exception {
    assertEquals("[]\n", Rows.print(new JsonWriter(),
        "SELECT * FROM (VALUES (1)) AS t(x) WHERE x > 1"));
  }
}
