package dev.apiquery.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Row objects are read by matching each field name against the previous row's (FieldOrder): rows
 * in changing orders, with missing, extra, escaped and non-ASCII names, across the parser's
 * buffer boundaries, must read exactly what their text says.
 */
class FieldOrderTest {
  private static final List<String> COLUMNS = List.of("id", "name", "tags", "owner/login", "é_x");

  private static ResponseReader reader() {
    return ResponseReaders.create(new ReadSpec(ResponseFormat.JSON, "$.items", DataModel.DOCUMENT,
        COLUMNS, List.of()));
  }

  @Test
  void rowsInChangingOrdersReadAsWritten() throws Exception {
    Random random = new Random(7);
    List<Object[]> expected = new ArrayList<>();
    StringBuilder body = new StringBuilder("{\"items\":[");
    for (int r = 0; r < 5_000; r++) {
      List<String> fields = new ArrayList<>();
      Object[] row = new Object[COLUMNS.size()];
      fields.add("\"id\":" + r);
      row[0] = (long) r;
      if (random.nextInt(10) > 0) {
        fields.add("\"name\":\"n" + r + "\"");
        row[1] = "n" + r;
      }
      if (random.nextInt(4) == 0) {
        fields.add("\"extra_field_with_a_long_name_" + (r % 3) + "\":{\"name\":\"not this\",\"id\":1}");
      }
      fields.add("\"tags\":[\"t" + (r % 5) + "\"]");
      row[2] = "[\"t" + (r % 5) + "\"]";
      if (random.nextBoolean()) {
        fields.add("\"owner\":{\"login\":\"u" + r + "\",\"id\":9}");
        row[3] = "u" + r;
      }
      if (random.nextInt(8) == 0) {
        fields.add("\"\\u00e9_x\":\"esc\""); // é_x written with an escape
        row[4] = "esc";
      }
      if (random.nextInt(3) == 0) {
        Collections.shuffle(fields, random); // another order now and then
      }
      body.append(r == 0 ? "" : ",").append('{').append(String.join(",", fields)).append('}');
      expected.add(row);
    }
    body.append("]}");
    Page page = reader().read(stream(body.toString()));
    assertEquals(expected.size(), page.rows().size());
    for (int r = 0; r < expected.size(); r++) {
      assertArrayEquals(expected.get(r), page.rows().get(r), "row " + r);
    }
  }

  @Test
  void aRowThatIsNotAnObjectEndFailsAsBefore() {
    assertThrows(MalformedResponseException.class,
        () -> reader().read(stream("{\"items\":[{\"id\":1},{\"id\":2,]}")));
  }

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
