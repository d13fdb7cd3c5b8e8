package dev.apiquery.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The XML reader ({@code xmlproviderGet}): rows, paths, attributes, values, failures. */
class XmlResponseReaderTest {
  static ResponseReader xml(String rowPath, DataModel model, List<String> columns,
      List<String> docs) {
    return ResponseReaders.create(new ReadSpec(ResponseFormat.XML, rowPath, model, columns, docs));
  }

  private static Page read(String rowPath, List<String> columns, List<String> docs, String body)
      throws Exception {
    return xml(rowPath, DataModel.DOCUMENT, columns, docs).read(stream(body));
  }

  private static InputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRows(Page page, Object[]... expected) {
    assertEquals(expected.length, page.rows().size(), "row count");
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], page.rows().get(i), "row " + i);
    }
  }

  private static Object[] row(Object... values) {
    return values;
  }

  private static final String CATALOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
      + "<!-- generated -->\r\n"
      + "<catalog version=\"3\">\r\n"
      + "  <total>2</total>\r\n"
      + "  <Item id=\"1\" status=\"active\">\r\n"
      + "    <Name>Ann &amp; Co</Name>\r\n"
      + "    <Address type=\"home\"><City>Oslo</City><Zip>0150</Zip></Address>\r\n"
      + "    <Tags><Tag>a</Tag><Tag>b</Tag></Tags>\r\n"
      + "    <Note><![CDATA[x < y]]></Note>\r\n"
      + "    <Empty/>\r\n"
      + "  </Item>\r\n"
      + "  <Other><Item id=\"not-a-row\"/></Other>\r\n"
      + "  <Item id=\"2\"><Name>Bob</Name><Tags><Tag>c</Tag></Tags></Item>\r\n"
      + "  <next>https://api.test/items?page=2&amp;size=2</next>\r\n"
      + "</catalog>\r\n";

  @Test
  void rowsColumnsAttributesAndDocumentValues() throws Exception {
    Page page = read("/catalog/Item",
        List.of("@id", "Name", "/catalog/Item/Name", "Address/City", "Address/@type", "Tags/Tag",
            "Tags/Tag[1]", "Note", "Empty", "Missing", "/catalog/total", "/catalog/@version"),
        List.of("/catalog/next", "/catalog/absent"), CATALOG);
    assertRows(page,
        row("1", "Ann & Co", "Ann & Co", "Oslo", "home", "[\"a\",\"b\"]", "b", "x < y", null, null,
            "2", "3"),
        row("2", "Bob", "Bob", null, null, "c", null, null, null, null, "2", "3"));
    assertEquals("https://api.test/items?page=2&size=2",
        page.documentValues().get("/catalog/next"));
    assertTrue(page.documentValues().containsKey("/catalog/absent"));
    assertNull(page.documentValues().get("/catalog/absent"));
  }

  @Test
  void nestedElementsAreXmlTextAndTheRowItselfIsDot() throws Exception {
    Page page = read("/catalog/Item", List.of("Address", "Tags", "."), List.of(), CATALOG);
    assertEquals("<Address type=\"home\"><City>Oslo</City><Zip>0150</Zip></Address>",
        page.rows().get(0)[0]);
    assertEquals("<Tags><Tag>a</Tag><Tag>b</Tag></Tags>", page.rows().get(0)[1]);
    String item = (String) page.rows().get(1)[2];
    assertEquals("<Item id=\"2\"><Name>Bob</Name><Tags><Tag>c</Tag></Tags></Item>", item);
  }

  @Test
  void repeatElementWildcardAndPrefixedNames() throws Exception {
    String feed = "<a:feed xmlns:a=\"urn:x\"><a:title>T</a:title>"
        + "<a:entry><a:id>1</a:id></a:entry><a:item><a:id>2</a:id></a:item></a:feed>";
    assertRows(read("/feed/*", List.of("id"), List.of(), feed), new Object[] {null}, row("1"), row("2"));
    assertRows(read("/a:feed/a:entry", List.of("a:id", "/feed/title"), List.of(), feed),
        row("1", "T"));
  }

  @Test
  void aDocumentPathMatchingSeveralElementsTakesTheFirst() throws Exception {
    Page page = read("/r/i", List.of("/r/warning", "/r/w2/@code"), List.of("/r/warning"),
        "<r><warning>first</warning><i/><warning>second</warning><w2 code=\"7\"/></r>");
    assertRows(page, row("first", "7"));
    assertEquals("first", page.documentValues().get("/r/warning"));
  }

  @Test
  void emptyBodiesAndNoMatchesGiveNoRows() throws Exception {
    assertEquals(0, read("/r/i", List.of("x"), List.of(), "").rows().size());
    assertEquals(0, read("/r/i", List.of("x"), List.of(), " \r\n ").rows().size());
    assertEquals(0, read("/r/i", List.of("x"), List.of(), "<r/>").rows().size());
    assertEquals(0, read("/r/i", List.of("x"), List.of(), "<other><i/></other>").rows().size());
  }

  @Test
  void flattenedDocumentsJoinInvoiceLines() throws Exception {
    String body = "<invoices count=\"2\">"
        + "<invoice><line><sku>A</sku></line><line><sku>B</sku></line><id>INV-1</id></invoice>"
        + "<invoice><id>INV-2</id></invoice></invoices>";
    Page page = xml("/invoices/invoice;/invoices/invoice/line", DataModel.FLATTENED_DOCUMENTS,
        List.of("/invoices/invoice/id", "sku", "/invoices/@count"), List.of()).read(stream(body));
    assertRows(page, row("INV-1", "A", "2"), row("INV-1", "B", "2"), row("INV-2", null, "2"));
  }

  @Test
  void malformedXmlFailsWithItsPosition() {
    for (String bad : new String[] {"<r><i></r>", "{\"json\":true}", "<r><i>1</i>", "<r>&bogus;</r>",
        "<r></r><r></r>"}) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> read("/r/i", List.of("x"), List.of(), bad), bad);
      assertTrue(e.getMessage().startsWith("Malformed XML response"), e.getMessage());
      assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
  }

  @Test
  void aBodyCutOffInTransferIsAnIoException() {
    InputStream cut = new SequenceInputStream(stream("<r><i><x>1</x></i><i><x>"),
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("unexpected end of stream");
          }
        });
    // Retried by the fetcher, unlike a complete body that is malformed.
    IOException e = assertThrows(IOException.class,
        () -> xml("/r/i", DataModel.DOCUMENT, List.of("x"), List.of()).read(cut));
    assertEquals(IOException.class, e.getClass());
    assertEquals("unexpected end of stream", e.getMessage());
  }

  @Test
  void entitiesAndDtdsAreNeverResolved() throws Exception {
    String xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r><i><v>&x;</v></i></r>";
    try {
      Page page = read("/r/i", List.of("v"), List.of(), xxe);
      Object v = page.rows().get(0)[0];
      assertTrue(v == null || !v.toString().contains("root"), String.valueOf(v));
    } catch (MalformedResponseException expected) {
      // Refusing the body is as good: nothing was read from the file.
    }
  }

  @Test
  void aSlashNamesNoRowsButTheDocumentValuesAreRead() throws Exception {
    // HRBC's token calls: RepeatElement "/" and the values read with ElementMapPath (document
    // paths); the call then outputs one item of those values.
    Page page = read("/", List.of("Code"), List.of("/Authentication/Code"),
        "<Authentication><Code>c-1</Code></Authentication>");
    assertRows(page);
    assertEquals("c-1", page.documentValues().get("/Authentication/Code"));
  }

  @Test
  void pathsThatCannotNameRowsFail() {
    for (String bad : new String[] {null, "", "/r/@id", "/r/i[0]", "/r/*/i", "$."}) {
      assertThrows(IllegalArgumentException.class,
          () -> xml(bad, DataModel.DOCUMENT, List.of(), List.of()), bad);
    }
  }
}
