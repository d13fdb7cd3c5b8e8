package dev.apiquery.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ~55 MB body, generated lazily, read with two projected columns: the reader must stream it,
 * keeping only the extracted rows.
 */
class JsonResponseReaderBigBodyTest {
  private static final int ROWS = 50_000;
  private static final long MB = 1024 * 1024;
  private static final String FILLER = "lorem ipsum dolor sit amet ".repeat(24);

  /** {"meta":..,"records":[row,...],"next":..}, one row at a time, never the whole body. */
  private static GeneratedBody body() {
    return new GeneratedBody("{\"meta\":{\"generated\":true},\"records\":[", row ->
        (row == 0 ? "" : ",") + "{\"id\":" + row + ",\"payload\":{\"text\":\"" + FILLER + row
            + "\",\"nums\":[1,2.5,3e7,{\"x\":[null,true,false]}],\"deep\":{\"a\":{\"b\":{\"c\":" + row
            + "}}}},\"tags\":[\"a\",\"b\",\"c\"],\"name\":\"name-" + row + "\",\"extra\":\""
            + FILLER.substring(0, 300) + "\"}",
        ROWS, "],\"next\":\"cursor-end\"}");
  }

  @Test
  void fiftyMegabytesWithTwoColumnsStreams() throws Exception {
    ResponseReader reader =
        JsonResponseReaderTest.json("$.records", List.of("name", "id"), List.of("/json/next"));
    GeneratedBody body = body();
    long baseline = GeneratedBody.usedHeapAfterGc();
    long[] midway = new long[1];
    body.atMidpoint = () -> midway[0] = GeneratedBody.usedHeapAfterGc() - baseline;

    Page page = reader.read(body);

    assertTrue(body.served > 50 * MB, "body was " + body.served / MB + " MB");
    assertEquals(ROWS, page.rows().size());
    assertArrayEquals(new Object[] {"name-0", 0L}, page.rows().get(0));
    assertArrayEquals(new Object[] {"name-" + (ROWS - 1), (long) ROWS - 1},
        page.rows().get(ROWS - 1));
    assertEquals("cursor-end", page.documentValues().get("/json/next"));

    // Halfway through ~27 MB have been read; the reader may hold the rows so far (a few MB),
    // not the body. The bound is loose because GC accounting is approximate.
    assertTrue(midway[0] < 20 * MB, "heap grew by " + midway[0] / MB + " MB halfway through");
    long after = GeneratedBody.usedHeapAfterGc() - baseline;
    assertTrue(after < 25 * MB, "heap holds " + after / MB + " MB after reading");
  }
}
