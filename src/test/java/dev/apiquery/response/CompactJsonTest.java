package dev.apiquery.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CompactJson} must write exactly what Jackson's generator wrote before it (the nested
 * columns' text is part of the results): every input here is copied both ways and compared.
 */
class CompactJsonTest {

  @Test
  void everyAsciiCharacterAndSomeOthersAreEscapedAsJacksonEscapesThem() throws IOException {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 256; c++) {
      all.append(c);
    }
    all.append("\u2028\u2029\uFEFF\uD83D\uDE00 é ü 中");
    String json = "{\"k" + escaped("\"\\\n\u0001") + "\":[" + quoted(all.toString()) + "]}";
    assertSameAsGenerator(json);
  }

  @Test
  void structuresNumbersAndLiteralsKeepTheirShapeAndText() throws IOException {
    for (String json : List.of(
        "{}", "[]", "[[]]", "[{}]", "{\"a\":{}}", "{\"a\":[],\"b\":[{}],\"c\":null}",
        "[1,-2,3.50,1E+3,-1.5e-7,12345678901234567890123,0.10]",
        "[true,false,null,\"\",\"x\"]",
        "{\"a\" : 1 ,\n \"b\" : [ 2 , 3 ] , \"c\" : { \"d\" : \"e\" } }",
        "\"alone\"", "42", "-0.0", "true", "null",
        "{\"owner\":{\"login\":\"ann\",\"ids\":[1,2,{\"x\":[null]}]},\"tags\":[\"t1\",\"u2\"]}")) {
      assertSameAsGenerator(json);
    }
  }

  @Test
  void deeplyNestedValuesDoNotExhaustTheStack() throws IOException {
    String json = "[".repeat(500) + "1" + "]".repeat(500);
    assertSameAsGenerator(json);
  }

  @Test
  void randomDocumentsMatchTheGenerator() throws IOException {
    Random random = new Random(20261203);
    for (int i = 0; i < 300; i++) {
      assertSameAsGenerator(randomValue(random, 0));
    }
  }

  @Test
  void collectedArraysRenderAsTheGeneratorRenderedThem() throws IOException {
    List<Object> items = new ArrayList<>(Arrays.asList(null, "a\"b\\c\n\u0002", 7L,
        new BigInteger("123456789012345678901234"), new BigDecimal("1.50"), Boolean.TRUE,
        new JsonText.Raw("{\"x\":[1]}"), 'q'));
    StringWriter expected = new StringWriter();
    try (JsonGenerator g = JsonText.FACTORY.createGenerator(expected)) {
      g.writeStartArray();
      g.writeNull();
      g.writeString("a\"b\\c\n\u0002");
      g.writeNumber(7L);
      g.writeNumber(new BigInteger("123456789012345678901234"));
      g.writeNumber("1.50");
      g.writeBoolean(true);
      g.writeRawValue("{\"x\":[1]}");
      g.writeString("q");
      g.writeEndArray();
    }
    assertEquals(expected.toString(), JsonText.array(items));
    assertEquals("[]", JsonText.array(List.of()));
  }

  @Test
  void theRestOfAnArrayWhoseStartWasReadIsCopiedWhole() throws IOException {
    try (JsonParser p = JsonText.FACTORY.createParser("[ {\"a\": 1}, \"b\" , [2] ]")) {
      p.nextToken();
      p.nextToken();
      assertEquals("[{\"a\":1},\"b\",[2]]", JsonText.copyArrayRest(p));
      assertEquals(JsonToken.END_ARRAY, p.currentToken());
    }
    try (JsonParser p = JsonText.FACTORY.createParser("[]")) {
      p.nextToken();
      p.nextToken();
      assertEquals("[]", JsonText.copyArrayRest(p));
    }
  }

  private static void assertSameAsGenerator(String json) throws IOException {
    StringWriter expected = new StringWriter();
    try (JsonParser p = JsonText.FACTORY.createParser(json);
        JsonGenerator g = JsonText.FACTORY.createGenerator(expected)) {
      generatorCopy(p, g);
    }
    try (JsonParser p = JsonText.FACTORY.createParser(json + " \"after\"")) {
      p.nextToken();
      assertEquals(expected.toString(), JsonText.copy(p), json);
      // The parser is left on the value's last token: the next token is what follows it.
      assertEquals("after", p.nextTextValue(), json);
    }
  }

  /**
   * The copy as it was made before CompactJson: every token through Jackson's generator, numbers
   * as their original text (copyCurrentStructure would re-render them as doubles).
   */
  private static void generatorCopy(JsonParser p, JsonGenerator g) throws IOException {
    int depth = 0;
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        g.writeNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      } else {
        g.copyCurrentEvent(p);
      }
      depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
      if (depth == 0 && t != JsonToken.FIELD_NAME) {
        return;
      }
    }
  }

  private static String randomValue(Random random, int depth) {
    int kind = depth > 4 ? random.nextInt(4) : random.nextInt(6);
    switch (kind) {
      case 0: return quoted(randomText(random));
      case 1: return random.nextBoolean() ? Long.toString(random.nextLong()) : random.nextInt(1000) + "." + random.nextInt(100) + (random.nextBoolean() ? "e-" + random.nextInt(9) : "");
      case 2: return random.nextBoolean() ? "true" : "false";
      case 3: return "null";
      case 4: {
        StringBuilder sb = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          sb.append(i > 0 ? " , " : "").append(randomValue(random, depth + 1));
        }
        return sb.append(']').toString();
      }
      default: {
        StringBuilder sb = new StringBuilder("{");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          sb.append(i > 0 ? "," : "").append(quoted(randomText(random))).append(": ")
              .append(randomValue(random, depth + 1));
        }
        return sb.append('}').toString();
      }
    }
  }

  private static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      int pick = random.nextInt(10);
      sb.append(pick < 6 ? (char) ('a' + random.nextInt(26)) : pick < 8 ? (char) random.nextInt(128) : (char) (0xA0 + random.nextInt(0x2000)));
    }
    return sb.toString();
  }

  /** The text as a JSON string literal, every character outside printable ASCII as a u-escape. */
  private static String quoted(String text) {
    return "\"" + escaped(text) + "\"";
  }

  private static String escaped(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20 || c > 0x7E) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
