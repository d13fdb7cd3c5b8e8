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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonResponseReaderTest {

  /** A Document-model JSON reader, as the scan builds it. */
  static ResponseReader json(String rowPath, List<String> columns, List<String> docs) {
    return ResponseReaders.create(
        new ReadSpec(ResponseFormat.JSON, rowPath, DataModel.DOCUMENT, columns, docs));
  }

  private static Page read(String rowPath, List<String> columns, List<String> docs, String json)
      throws Exception {
    return json(rowPath, columns, docs).read(stream(json));
  }

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  /** JSON with single quotes, for readable test bodies. */
  private static String j(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static void assertRow(Page page, int row, Object... expected) {
    assertArrayEquals(expected, page.rows().get(row), () -> "row " + row + ": "
        + Arrays.toString(page.rows().get(row)));
  }

  // --- Salesforce-like -------------------------------------------------------------------------

  private static final String SALESFORCE = j("{'totalSize':4000,'done':false,"
      + "'nextRecordsUrl':'/services/data/v59.0/query/01gD0000002HU6KIAW-2000',"
      + "'records':[{'attributes':{'type':'Account','url':'/services/data/v59.0/sobjects/Account/001A'},"
      + "'Id':'001A','Name':'Acme','Owner':{'Name':'Jo Smith'},'CreatedDate':'2024-01-05T09:12:00.000+0000'},"
      + "{'attributes':{'type':'Account','url':'/x/001B'},'Id':'001B','Name':null,'Owner':null,"
      + "'CreatedDate':'2024-01-06T10:00:00.000+0000'}]}");

  @Test
  void salesforceRecordsWithRelativePathsAndNextRecordsUrl() throws Exception {
    Page page = read("$.records",
        List.of("Id", "Name", "Owner/Name", "CreatedDate", "attributes/type"),
        List.of("/json/nextRecordsUrl", "/json/done", "/json/totalSize", "/json/nope"),
        SALESFORCE);
    assertEquals(2, page.rows().size());
    assertRow(page, 0, "001A", "Acme", "Jo Smith", "2024-01-05T09:12:00.000+0000", "Account");
    assertRow(page, 1, "001B", null, null, "2024-01-06T10:00:00.000+0000", "Account");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("/json/nextRecordsUrl", "/services/data/v59.0/query/01gD0000002HU6KIAW-2000");
    expected.put("/json/done", Boolean.FALSE);
    expected.put("/json/totalSize", 4000L);
    expected.put("/json/nope", null);
    assertEquals(expected, page.documentValues());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(page.documentValues().keySet()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$.records", "$.records[*]", "/records", "/json/records", "records",
      "$['records']", "/json/records/"})
  void rowPathNotations(String rowPath) throws Exception {
    Page page = read(rowPath, List.of("Id", "/json/records/Owner/Name"), List.of(), SALESFORCE);
    assertEquals(2, page.rows().size());
    assertRow(page, 0, "001A", "Jo Smith");
    assertRow(page, 1, "001B", null);
  }

  @Test
  void lastPageWithoutNextRecordsUrlReportsNull() throws Exception {
    Page page = read("$.records", List.of("Id"), List.of("/json/nextRecordsUrl"),
        j("{'done':true,'records':[{'Id':'9'}]}"));
    assertRow(page, 0, "9");
    assertTrue(page.documentValues().containsKey("/json/nextRecordsUrl"));
    assertNull(page.documentValues().get("/json/nextRecordsUrl"));
  }

  // --- GitHub-like -----------------------------------------------------------------------------

  private static final String GITHUB = j("[{'id':101,'name':'core','private':false,"
      + "'owner':{'login':'acme','id':9},'topics':['sql','jdbc'],'created_at':'2023-04-01T10:00:00Z'},"
      + "{'id':102,'name':'web','private':true,'owner':{'login':'acme','id':9},'topics':[],"
      + "'created_at':'2023-05-02T11:30:00Z'}]");

  @Test
  void githubTopLevelArrayWithAbsolutePaths() throws Exception {
    Page page = read(null,
        List.of("/json/id", "/json/name", "/json/private", "/json/owner/login", "/json/topics",
            "/json/created_at", "/json/owner"),
        List.of(), GITHUB);
    assertEquals(2, page.rows().size());
    assertRow(page, 0, 101L, "core", false, "acme", "[\"sql\",\"jdbc\"]",
        "2023-04-01T10:00:00Z", "{\"login\":\"acme\",\"id\":9}");
    assertRow(page, 1, 102L, "web", true, "acme", "[]", "2023-05-02T11:30:00Z",
        "{\"login\":\"acme\",\"id\":9}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$", "/json", "$[*]", "/"})
  void explicitRootRowPath(String rowPath) throws Exception {
    Page page = read(rowPath, List.of("/json/name", "owner/login"), List.of(), GITHUB);
    assertEquals(2, page.rows().size());
    assertRow(page, 0, "core", "acme");
    assertRow(page, 1, "web", "acme");
  }

  // --- Stripe-like -----------------------------------------------------------------------------

  @Test
  void stripeHasMoreAfterTheRows() throws Exception {
    String body = j("{'object':'list','url':'/v1/customers',"
        + "'data':[{'id':'cus_A1','email':'a@x.test','created':1700000000,'metadata':{'tier':'gold'}},"
        + "{'id':'cus_A2','email':'b@x.test','created':1700000100,'metadata':{}}],"
        + "'has_more':true}");
    Page page = read("$.data", List.of("id", "/json/has_more", "metadata/tier", "created"),
        List.of("/json/has_more"), body);
    assertEquals(2, page.rows().size());
    assertRow(page, 0, "cus_A1", true, "gold", 1700000000L);
    assertRow(page, 1, "cus_A2", true, null, 1700000100L);
    assertEquals(Map.of("/json/has_more", true), page.documentValues());
  }

  @Test
  void stripeHasMoreBeforeTheRows() throws Exception {
    String body = j("{'object':'list','has_more':false,'url':'/v1/customers',"
        + "'data':[{'id':'cus_A1','created':1700000000},{'id':'cus_A2','created':1700000100}]}");
    Page page = read("$.data", List.of("/json/has_more", "id"), List.of("/json/has_more"), body);
    assertRow(page, 0, false, "cus_A1");
    assertRow(page, 1, false, "cus_A2");
    assertEquals(false, page.documentValues().get("/json/has_more"));
  }

  @Test
  void documentValueThatIsAnObjectOrArrayIsJsonText() throws Exception {
    String body = j("{'paging':{'next':{'after':'QVFI'},'cursors':[1,2]},'data':[{'id':1}]}");
    Page page = read("$.data", List.of("id", "/json/paging/cursors"),
        List.of("/json/paging/next/after", "/json/paging/next", "$.paging.cursors[1]"), body);
    assertRow(page, 0, 1L, "[1,2]");
    assertEquals("QVFI", page.documentValues().get("/json/paging/next/after"));
    assertEquals("{\"after\":\"QVFI\"}", page.documentValues().get("/json/paging/next"));
    assertEquals(2L, page.documentValues().get("$.paging.cursors[1]"));
  }

  // --- paths inside rows -----------------------------------------------------------------------

  @Test
  void indexStepsPickOneElement() throws Exception {
    String body = j("{'value':[{'emails':['a@x','b@x'],'addresses':[{'city':'Oslo'},{'city':'Rome'}],"
        + "'matrix':[[1,2],[3,4]]}]}");
    Page page = read("$.value",
        List.of("emails[0]", "emails[1]", "emails[5]", "addresses[1]/city", "addresses[0]",
            "matrix[1][0]", "/json/value/emails[1]"),
        List.of(), body);
    assertRow(page, 0, "a@x", "b@x", null, "Rome", "{\"city\":\"Oslo\"}", 3L, "b@x");
  }

  @Test
  void indexStepInTheRowPathAndInDocumentPaths() throws Exception {
    String body = j("{'batches':[{'items':[{'id':1}]},{'items':[{'id':2},{'id':3}]}],"
        + "'links':[{'href':'first'},{'href':'next-url'}]}");
    Page page = read("$.batches[1].items", List.of("id"), List.of("/json/links[1]/href"), body);
    assertEquals(2, page.rows().size());
    assertRow(page, 0, 2L);
    assertRow(page, 1, 3L);
    assertEquals("next-url", page.documentValues().get("/json/links[1]/href"));
  }

  @Test
  void nestedObjectsFlattenAndMissingStepsAreNull() throws Exception {
    String body = j("{'items':[{'a':{'b':{'c':'deep','n':5}}},{'a':{'b':'scalar'}},{'a':null},{}]}");
    Page page = read("$.items", List.of("a/b/c", "a/b/n", "a/b", "a/x/y"), List.of(), body);
    assertEquals(4, page.rows().size());
    assertRow(page, 0, "deep", 5L, "{\"c\":\"deep\",\"n\":5}", null);
    assertRow(page, 1, null, null, "scalar", null);
    assertRow(page, 2, null, null, null, null);
    assertRow(page, 3, null, null, null, null);
  }

  @Test
  void objectsAndArraysAreCompactJsonTextWithOriginalNumbers() throws Exception {
    String body = "{ \"rows\" : [ { \"meta\" : { \"price\" : 1.50 , \"big\" : 1e400, "
        + "\"q\" : \"say \\\"hi\\\"\\n\", \"u\" : \"\u00e9\\u00e8\", \"n\" : null, "
        + "\"t\" : true, \"list\" : [ 1 , -2.0E+3 , [ ] , { } ] } } ] }";
    Page page = read("$.rows", List.of("meta"), List.of(), body);
    assertRow(page, 0, "{\"price\":1.50,\"big\":1e400,\"q\":\"say \\\"hi\\\"\\n\","
        + "\"u\":\"\u00e9\u00e8\",\"n\":null,\"t\":true,\"list\":[1,-2.0E+3,[],{}]}");
  }

  /**
   * Subtree texts come from one generator per thread, reused from value to value: each text is
   * its own value only, also after a body that broke off inside a copied value.
   */
  @Test
  void copiedSubtreesStayApartFromValueToValueAndAfterAFailure() throws Exception {
    StringBuilder body = new StringBuilder("{\"rows\":[");
    for (int i = 0; i < 500; i++) {
      body.append(i == 0 ? "" : ",").append("{\"a\":[").append(i).append(",\"x").append(i)
          .append("\"],\"o\":{\"k\":\"v\\\"").append(i).append("\"}}");
    }
    String rows = body.append("]}").toString();
    Page page = read("$.rows", List.of("a", "o"), List.of(), rows);
    assertEquals(500, page.rows().size());
    for (int i = 0; i < 500; i++) {
      assertRow(page, i, "[" + i + ",\"x" + i + "\"]", "{\"k\":\"v\\\"" + i + "\"}");
    }
    assertThrows(MalformedResponseException.class,
        () -> read("$.rows", List.of("a"), List.of(), "{\"rows\":[{\"a\":[1,{\"b\":]}]}"));
    assertRow(read("$.rows", List.of("a"), List.of(), "{\"rows\":[{\"a\":[2,{}]}]}"), 0, "[2,{}]");
    String large = "[\"" + "y".repeat(100_000) + "\"]";
    Page big = read("$.rows", List.of("a"), List.of(), "{\"rows\":[{\"a\":" + large + "},{\"a\":[3]}]}");
    assertRow(big, 0, large);
    assertRow(big, 1, "[3]");
  }

  @Test
  void severalColumnsMayShareAPath() throws Exception {
    String body = j("{'records':[{'id':'r1','owner':{'login':'ann','id':3}}]}");
    Page page = read("$.records",
        List.of("id", "owner", "id", "/json/records/id", "owner/login", "owner/login", "owner"),
        List.of(), body);
    String owner = "{\"login\":\"ann\",\"id\":3}";
    assertRow(page, 0, "r1", owner, "r1", "r1", "ann", "ann", owner);
  }

  @Test
  void theRowItselfAndNonObjectElements() throws Exception {
    String body = j("{'ids':['a',7,null,{'x':1},[1,2]]}");
    Page page = read("$.ids", List.of(".", "x", "", "/json/ids"), List.of(), body);
    assertEquals(5, page.rows().size());
    assertRow(page, 0, "a", null, "a", "a");
    assertRow(page, 1, 7L, null, 7L, 7L);
    assertRow(page, 2, null, null, null, null);
    assertRow(page, 3, "{\"x\":1}", 1L, "{\"x\":1}", "{\"x\":1}");
    assertRow(page, 4, "[1,2]", null, "[1,2]", "[1,2]");
  }

  @Test
  void fieldPathThroughAnArrayCollectsEachElement() throws Exception {
    String body = j("{'people':[{'id':'p1','CustomFields':[{'name':'a','value':'x'},"
        + "{'name':'b','value':null},{'name':'c'},{'name':'d','value':{'k':1}}]},"
        + "{'id':'p2','CustomFields':[]},{'id':'p3'}]}");
    Page page = read("$.people", List.of("CustomFields/value", "CustomFields/name",
        "CustomFields[0]/name", "id"), List.of(), body);
    assertRow(page, 0, "[\"x\",null,{\"k\":1}]", "[\"a\",\"b\",\"c\",\"d\"]", "a", "p1");
    assertRow(page, 1, "[]", "[]", null, "p2");
    assertRow(page, 2, null, null, null, "p3");
  }

  @Test
  void rawNumberTypes() throws Exception {
    String body = "{\"r\":[{\"i\":42,\"neg\":-7,\"long\":9007199254740993,"
        + "\"big\":123456789012345678901234567890,\"dec\":1.10,\"exp\":1e3,\"t\":true,\"n\":null}]}";
    Page page = read("$.r", List.of("i", "neg", "long", "big", "dec", "exp", "t", "n"),
        List.of(), body);
    Object[] row = page.rows().get(0);
    assertEquals(42L, row[0]);
    assertEquals(-7L, row[1]);
    assertEquals(9007199254740993L, row[2]);
    assertEquals(new BigInteger("123456789012345678901234567890"), row[3]);
    assertEquals(new BigDecimal("1.10"), row[4]); // scale kept: exact, from the text
    assertEquals(new BigDecimal("1e3"), row[5]);
    assertEquals(Boolean.TRUE, row[6]);
    assertNull(row[7]);
  }

  @Test
  void unprojectedBigAndDeepSubtreesAreSkipped() throws Exception {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      deep.append("{\"d\":[");
    }
    deep.append("\"bottom\"");
    for (int i = 0; i < 300; i++) {
      deep.append("]}");
    }
    StringBuilder wide = new StringBuilder("[");
    for (int i = 0; i < 20_000; i++) {
      wide.append(i == 0 ? "" : ",").append("{\"k\":\"").append(i).append("\",\"id\":-1}");
    }
    wide.append(']');
    String body = "{\"junk\":" + wide + ",\"records\":[{\"pre\":" + deep + ",\"id\":1,\"blob\":"
        + wide + ",\"name\":\"one\",\"post\":" + deep + "},{\"id\":2,\"name\":\"two\"}],"
        + "\"tail\":" + deep + ",\"next\":\"n2\"}";
    Page page = read("$.records", List.of("name", "id"), List.of("/json/next"), body);
    assertEquals(2, page.rows().size());
    assertRow(page, 0, "one", 1L);
    assertRow(page, 1, "two", 2L);
    assertEquals("n2", page.documentValues().get("/json/next"));
  }

  // --- finding the rows ------------------------------------------------------------------------

  @Test
  void withoutRowPathTheFirstArrayOfObjectsHoldsTheRows() throws Exception {
    String body = j("{'meta':{'count':2,'tags':['a','b'],'empty':[]},"
        + "'results':{'items':[{'id':1},{'id':2}]},'other':[{'id':9}],'after':'z'}");
    Page page = read(null,
        List.of("id", "/json/results/items/id", "/json/meta/count", "/json/after",
            "/json/meta/tags"),
        List.of("/json/meta/count", "/json/after"), body);
    assertEquals(2, page.rows().size());
    assertRow(page, 0, 1L, 1L, 2L, "z", "[\"a\",\"b\"]");
    assertRow(page, 1, 2L, 2L, 2L, "z", "[\"a\",\"b\"]");
    assertEquals(2L, page.documentValues().get("/json/meta/count"));
    assertEquals("z", page.documentValues().get("/json/after"));
  }

  @Test
  void discoveryWorksAgainForEachPageOfTheSameReader() throws Exception {
    ResponseReader reader = json("", List.of("id", "/json/total"), List.of());
    Page first = reader.read(stream(j("{'total':3,'list':[{'id':1},{'id':2}]}")));
    Page second = reader.read(stream(j("[{'id':3}]")));
    Page third = reader.read(stream(j("{'total':3,'scalars':[1,2],'x':{'list':[]}}")));
    assertRow(first, 0, 1L, 3L);
    assertRow(first, 1, 2L, 3L);
    assertEquals(1, second.rows().size());
    assertRow(second, 0, 3L, null); // top-level array: /json/total is the row's field
    assertEquals(0, third.rows().size());
  }

  @Test
  void rowPathAbsentMeansZeroRowsButDocumentValuesAreRead() throws Exception {
    Page page = read("$.records", List.of("Id"), List.of("/json/error"),
        j("{'error':'nothing here','items':[{'Id':'x'}]}"));
    assertEquals(0, page.rows().size());
    assertEquals("nothing here", page.documentValues().get("/json/error"));
    assertEquals(0, read("$.records", List.of("Id"), List.of(), "[{\"Id\":1}]").rows().size());
  }

  @Test
  void emptyOrNullRows() throws Exception {
    assertEquals(0, read("$.records", List.of("Id"), List.of(), "{\"records\":[]}").rows().size());
    assertEquals(0, read("$.records", List.of("Id"), List.of(), "{\"records\":null}").rows().size());
    assertEquals(0, read(null, List.of("Id"), List.of(), "[]").rows().size());
    // Without a row path a top-level object with no arrays is itself the row, even when empty.
    assertEquals(1, read(null, List.of("Id"), List.of(), "{}").rows().size());
    assertEquals(0, read(null, List.of("Id"), List.of(), "").rows().size());
    assertEquals(0, read(null, List.of("Id"), List.of(), " \n ").rows().size());
  }

  @Test
  void rowPathAtASingleObjectGivesOneRow() throws Exception {
    Page page = read("$.user", List.of("login", "/json/user/id", "/json/status"), List.of(),
        j("{'user':{'login':'ann','id':5},'status':'ok'}"));
    assertEquals(1, page.rows().size());
    assertRow(page, 0, "ann", 5L, "ok");
  }

  @Test
  void noColumnsStillCountsRows() throws Exception {
    Page page = read("$.d", List.of(), List.of(), j("{'d':[{'a':1},{'b':2},{}]}"));
    assertEquals(3, page.rows().size());
    assertEquals(0, page.rows().get(0).length);
  }

  @Test
  void documentRootAsAPathDoesNotStopDiscovery() throws Exception {
    Page page = read(null, List.of("id", "/json"), List.of("/json", "$"),
        j("{'meta':{'n':1},'list':[{'id':1}]}"));
    assertEquals(1, page.rows().size());
    assertEquals(1L, page.rows().get(0)[0]);
    assertNull(page.documentValues().get("/json"));
  }

  @Test
  void documentValuesThroughArraysAndAsTextWithChildren() throws Exception {
    String body = j("{'owner':{'login':'ann','id':3},'warnings':[{'code':'w1'},{'code':'w2'}],"
        + "'rows':[{'id':1}]}");
    Page page = read("$.rows", List.of("id", "/json/warnings/code", "/json/owner"),
        List.of("/json/owner/login", "/json/owner", "/json/warnings[1]/code"), body);
    assertRow(page, 0, 1L, "[\"w1\",\"w2\"]", "{\"login\":\"ann\",\"id\":3}");
    assertEquals("ann", page.documentValues().get("/json/owner/login"));
    assertEquals("{\"login\":\"ann\",\"id\":3}", page.documentValues().get("/json/owner"));
    assertEquals("w2", page.documentValues().get("/json/warnings[1]/code"));
  }

  @Test
  void bodiesWithByteOrderMarkOrUtf16() throws Exception {
    ResponseReader reader = json(null, List.of("n"), List.of());
    byte[] bom = "\uFEFF[{\"n\":\"\u00e9t\u00e9\"}]".getBytes(StandardCharsets.UTF_8);
    assertEquals("\u00e9t\u00e9", reader.read(new ByteArrayInputStream(bom)).rows().get(0)[0]);
    byte[] utf16 = "[{\"n\":\"x\"}]".getBytes(StandardCharsets.UTF_16BE);
    assertEquals("x", reader.read(new ByteArrayInputStream(utf16)).rows().get(0)[0]);
  }

  // --- failures --------------------------------------------------------------------------------

  @Test
  void malformedJsonSaysWhere() {
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> read("$.records", List.of("id"), List.of(), "{\"records\":[{\"id\":1},\n ]}"));
    assertTrue(e.getMessage().startsWith("Malformed JSON response at line 2, column 2"),
        e.getMessage());
  }

  @Test
  void htmlBodyIsMalformed() {
    String html = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> read(null, List.of("id"), List.of(), html));
    assertTrue(e.getMessage().contains("line 1, column 1"), e.getMessage());
    assertTrue(e.getMessage().contains("'<'"), e.getMessage());
    assertFalse(e.getMessage().contains("Bad Gateway"), e.getMessage());
  }

  @Test
  void completeBodyThatEndsTooEarlyIsMalformed() {
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> read("$.records", List.of("id"), List.of(), "{\"records\":[{\"id\":1},{\"id\""));
    assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
  }

  @Test
  void contentAfterTheDocumentIsMalformed() {
    assertThrows(MalformedResponseException.class,
        () -> read(null, List.of("id"), List.of(), "[{\"id\":1}] [{\"id\":2}]"));
    assertThrows(MalformedResponseException.class,
        () -> read(null, List.of("id"), List.of(), "{\"a\":[{\"id\":1}]} trailing"));
  }

  @Test
  void rowPathAtAScalarIsMalformed() {
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> read("$.records", List.of("id"), List.of(), "{\"records\":\"none\"}"));
    assertTrue(e.getMessage().contains("$.records"), e.getMessage());
    assertTrue(e.getMessage().contains("a string"), e.getMessage());
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] bytes = {'[', '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']'};
    assertThrows(MalformedResponseException.class,
        () -> json(null, List.of("a"), List.of()).read(new ByteArrayInputStream(bytes)));
  }

  @Test
  void aStreamThatFailsMidwayIsAnIOExceptionNotMalformed() {
    byte[] start = "{\"records\":[{\"id\":1},{\"id\":2},{\"i".getBytes(StandardCharsets.UTF_8);
    InputStream cut = new InputStream() {
      private int pos;

      @Override
      public int read() throws IOException {
        if (pos >= start.length) {
          throw new IOException("connection reset");
        }
        return start[pos++];
      }
    };
    ResponseReader reader = json("$.records", List.of("id"), List.of());
    IOException e = assertThrows(IOException.class, () -> reader.read(cut));
    assertEquals("connection reset", e.getMessage());
    assertFalse(e instanceof com.fasterxml.jackson.core.JsonProcessingException);
  }

  @Test
  void theBodyStreamIsNotClosed() throws Exception {
    boolean[] closed = {false};
    InputStream body = new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    json(null, List.of(), List.of()).read(body);
    assertFalse(closed[0]);
  }

  @Test
  void unsupportedPathSyntaxIsRejectedAtConstruction() {
    assertThrows(IllegalArgumentException.class,
        () -> json("$..records", List.of(), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> json("$.data[*].items", List.of(), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> json("$.d", List.of("a[?(@.x)]"), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> json("$.d", List.of("../a"), List.of()));
  }

  @Test
  void readerIsSafeToShareAcrossThreads() throws Exception {
    ResponseReader reader = json(null, List.of("id", "/json/n"), List.of("/json/n"));
    Map<Integer, Throwable> failures = new HashMap<>();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int n = t;
      threads[t] = new Thread(() -> {
        try {
          for (int i = 0; i < 200; i++) {
            Page page = reader.read(stream("{\"n\":" + n + ",\"rows\":[{\"id\":" + i + "}]}"));
            assertRow(page, 0, (long) i, (long) n);
          }
        } catch (Throwable e) {
          synchronized (failures) {
            failures.put(n, e);
          }
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(Map.of(), failures);
  }
}
