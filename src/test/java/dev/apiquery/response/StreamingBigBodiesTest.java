package dev.apiquery.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * ~55 MB XML and FlattenedDocuments JSON bodies, generated lazily and read with two projected
 * columns: the readers must stream them, keeping only the extracted rows (as {@link
 * JsonResponseReaderBigBodyTest} checks for Document JSON).
 */
class StreamingBigBodiesTest {
  private static final long MB = 1024 * 1024;
  private static final String FILLER = "lorem ipsum dolor sit amet ".repeat(24);

  /** Serves head, then part(0..count-1), then tail, one part at a time. */
  private static final class GeneratedBody extends InputStream {
    private final IntFunction<String> part;
    private final int count;
    private final String tail;
    private byte[] chunk;
    private int pos;
    private int next;
    private boolean done;
    long served;
    Runnable atMidpoint;

    GeneratedBody(String head, IntFunction<String> part, int count, String tail) {
      this.chunk = head.getBytes(StandardCharsets.UTF_8);
      this.part = part;
      this.count = count;
      this.tail = tail;
    }

    private boolean refill() {
      if (done) {
        return false;
      }
      String text;
      if (next < count) {
        text = part.apply(next++);
        if (next == count / 2 && atMidpoint != null) {
          atMidpoint.run();
        }
      } else {
        text = tail;
        done = true;
      }
      chunk = text.getBytes(StandardCharsets.UTF_8);
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

  /** Reads the body, checking the heap halfway through and after; returns the page. */
  private static Page readBounded(ResponseReader reader, GeneratedBody body) throws Exception {
    long baseline = usedHeapAfterGc();
    long[] midway = new long[1];
    body.atMidpoint = () -> midway[0] = usedHeapAfterGc() - baseline;
    Page page = reader.read(body);
    assertTrue(body.served > 50 * MB, "body was " + body.served / MB + " MB");
    // Halfway through ~27 MB have been read; the reader may hold the rows so far (a few MB),
    // not the body. The bounds are loose because GC accounting is approximate.
    assertTrue(midway[0] < 20 * MB, "heap grew by " + midway[0] / MB + " MB halfway through");
    long after = usedHeapAfterGc() - baseline;
    assertTrue(after < 25 * MB, "heap holds " + after / MB + " MB after reading");
    return page;
  }

  @Test
  void fiftyMegabytesOfXmlStream() throws Exception {
    int rows = 50_000;
    GeneratedBody body = new GeneratedBody("<?xml version=\"1.0\"?>\n<catalog><meta gen=\"1\"/>",
        i -> "<product sku=\"s" + i + "\"><payload>" + FILLER + i + "</payload><deep><a><b>" + i
            + "</b></a></deep><tags><tag>a</tag><tag>b</tag></tags><name>name-" + i
            + "</name><extra>" + FILLER.substring(0, 300) + "</extra></product>\n",
        rows, "<next>cursor-end</next></catalog>");
    ResponseReader reader = ResponseReaders.create(new ReadSpec(ResponseFormat.XML,
        "/catalog/product", DataModel.DOCUMENT, List.of("name", "@sku"), List.of("/catalog/next")));
    Page page = readBounded(reader, body);
    assertEquals(rows, page.rows().size());
    assertArrayEquals(new Object[] {"name-0", "s0"}, page.rows().get(0));
    assertArrayEquals(new Object[] {"name-" + (rows - 1), "s" + (rows - 1)},
        page.rows().get(rows - 1));
    assertEquals("cursor-end", page.documentValues().get("/catalog/next"));
  }

  @Test
  void fiftyMegabytesOfFlattenedInvoicesStream() throws Exception {
    int invoices = 11_000;
    GeneratedBody body = new GeneratedBody("{\"meta\":{\"generated\":true},\"invoices\":[",
        i -> {
          StringBuilder sb = new StringBuilder(i == 0 ? "" : ",").append("{\"lines\":[");
          for (int l = 0; l < 10; l++) {
            sb.append(l == 0 ? "" : ",").append("{\"sku\":\"k").append(l)
                .append("\",\"note\":\"").append(FILLER, 0, 400).append("\"}");
          }
          return sb.append("],\"text\":\"").append(FILLER).append("\",\"id\":\"inv-").append(i)
              .append("\"}").toString();
        },
        invoices, "],\"next\":\"cursor-end\"}");
    ResponseReader reader = ResponseReaders.create(new ReadSpec(ResponseFormat.JSON,
        "$.invoices;$.invoices.lines", DataModel.FLATTENED_DOCUMENTS,
        List.of("/json/invoices/id", "sku"), List.of("/json/next")));
    Page page = readBounded(reader, body);
    assertEquals(invoices * 10, page.rows().size());
    assertArrayEquals(new Object[] {"inv-0", "k0"}, page.rows().get(0));
    assertArrayEquals(new Object[] {"inv-" + (invoices - 1), "k9"},
        page.rows().get(invoices * 10 - 1));
    assertEquals("cursor-end", page.documentValues().get("/json/next"));
  }
}
