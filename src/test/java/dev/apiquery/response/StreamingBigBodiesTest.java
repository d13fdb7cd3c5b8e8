package dev.apiquery.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ~55 MB XML and FlattenedDocuments JSON bodies, generated lazily and read with two projected
 * columns: the readers must stream them, keeping only the extracted rows (as {@link
 * JsonResponseReaderBigBodyTest} checks for Document JSON).
 */
class StreamingBigBodiesTest {
  private static final long MB = 1024 * 1024;
  private static final String FILLER = "lorem ipsum dolor sit amet ".repeat(24);

  /** Reads the body, checking the heap halfway through and after; returns the page. */
  private static Page readBounded(ResponseReader reader, GeneratedBody body) throws Exception {
    long baseline = GeneratedBody.usedHeapAfterGc();
    long[] midway = new long[1];
    body.atMidpoint = () -> midway[0] = GeneratedBody.usedHeapAfterGc() - baseline;
    Page page = reader.read(body);
    assertTrue(body.served > 50 * MB, "body was " + body.served / MB + " MB");
    // Halfway through ~27 MB have been read; the reader may hold the rows so far (a few MB),
    // not the body. The bounds are loose because GC accounting is approximate.
    assertTrue(midway[0] < 20 * MB, "heap grew by " + midway[0] / MB + " MB halfway through");
    long after = GeneratedBody.usedHeapAfterGc() - baseline;
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
