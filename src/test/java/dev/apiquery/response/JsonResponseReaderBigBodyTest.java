package dev.apiquery.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ~55 MB body, generated lazily, read with two projected columns: the reader must stream it,
 * keeping only the extracted rows.
 */
class JsonResponseReaderBigBodyTest {
  private static final int ROWS = 50_000;
  private static final long MB = 1024 * 1024;

  /** Serves {"meta":..,"records":[row,...],"next":..} one row at a time, never the whole body. */
  private static final class GeneratedBody extends InputStream {
    private static final String FILLER = "lorem ipsum dolor sit amet ".repeat(24);
    private byte[] chunk = ("{\"meta\":{\"generated\":true},\"records\":[")
        .getBytes(StandardCharsets.UTF_8);
    private int pos;
    private int row;
    private boolean done;
    long served;
    Runnable atMidpoint;

    private boolean refill() {
      if (done) {
        return false;
      }
      StringBuilder sb = new StringBuilder(1200);
      if (row < ROWS) {
        sb.append(row == 0 ? "" : ",")
            .append("{\"id\":").append(row)
            .append(",\"payload\":{\"text\":\"").append(FILLER).append(row)
            .append("\",\"nums\":[1,2.5,3e7,{\"x\":[null,true,false]}],\"deep\":{\"a\":{\"b\":{\"c\":")
            .append(row).append("}}}},\"tags\":[\"a\",\"b\",\"c\"],\"name\":\"name-")
            .append(row).append("\",\"extra\":\"").append(FILLER, 0, 300).append("\"}");
        row++;
        if (row == ROWS / 2 && atMidpoint != null) {
          atMidpoint.run();
        }
      } else {
        sb.append("],\"next\":\"cursor-end\"}");
        done = true;
      }
      chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
      pos = 0;
      return true;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      while (pos >= chunk.length) {
        if (!refill()) {
          return -1;
        }
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(chunk, pos, b, off, n);
      pos += n;
      served += n;
      return n;
    }
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void fiftyMegabytesWithTwoColumnsStreams() throws Exception {
    ResponseReader reader =
        JsonResponseReaderTest.json("$.records", List.of("name", "id"), List.of("/json/next"));
    GeneratedBody body = new GeneratedBody();
    long baseline = usedHeapAfterGc();
    long[] midway = new long[1];
    body.atMidpoint = () -> midway[0] = usedHeapAfterGc() - baseline;

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
    long after = usedHeapAfterGc() - baseline;
    assertTrue(after < 25 * MB, "heap holds " + after / MB + " MB after reading");
  }
}
