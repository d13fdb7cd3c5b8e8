package dev.apiquery.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON row shapes: the document root, several row paths, and the three data models. */
class JsonShapesTest {
  private static Page read(String rowPath, DataModel model, List<String> columns,
      List<String> docs, String json) throws Exception {
    ResponseReader reader = ResponseReaders.create(
        new ReadSpec(ResponseFormat.JSON, rowPath, model, columns, docs));
    return reader.read(new ByteArrayInputStream(
        json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
  }

  private static Page read(String rowPath, DataModel model, List<String> columns, String json)
      throws Exception {
    return read(rowPath, model, columns, List.of(), json);
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

  private static final String ME = "{'id':7,'login':'ann','owner':{'name':'Org'},'tags':['a','b']}";

  @Test
  void dollarDotDollarAndSlashJsonAreTheDocumentRoot() throws Exception {
    List<String> columns = List.of("id", "owner/name", "/json/login", "tags");
    for (String root : new String[] {"$.", "$", "/json", "/", " $. "}) {
      assertRows(read(root, DataModel.DOCUMENT, columns, ME),
          row(7L, "Org", "ann", "[\"a\",\"b\"]"));
    }
    // At a top-level array the root path still means: its elements are the rows.
    assertRows(read("$.", DataModel.DOCUMENT, List.of("id"), "[{'id':1},{'id':2}]"),
        row(1L), row(2L));
  }

  @Test
  void topLevelObjectWithoutJsonPathIsOneRow() throws Exception {
    assertRows(read(null, DataModel.DOCUMENT, List.of("id", "owner/name", "/json/login", "tags"),
        ME), row(7L, "Org", "ann", "[\"a\",\"b\"]"));
    // An array of objects inside still holds the rows; an empty array may be the empty rows.
    assertRows(read("", DataModel.DOCUMENT, List.of("id", "/json/total"),
        "{'total':1,'data':[{'id':3}]}"), row(3L, 1L));
    assertRows(read("", DataModel.DOCUMENT, List.of("id"), "{'total':0,'data':[]}"));
  }

  @Test
  void severalPathsGiveTheRowsOfEachInDocumentOrder() throws Exception {
    String json = "{'admins':[{'id':'a1'}],'meta':{'n':3},'users':[{'id':'u1'},{'id':'u2'}]}";
    Page page = read("$.users;$.admins;", DataModel.DOCUMENT,
        List.of("id", "/json/meta/n", "/json/users/id"), List.of("/json/meta/n"), json);
    // Rows come as the document holds them; /json/users/id is the row's own id for users and
    // null for admins (it lies inside the other path's rows).
    assertRows(page, row("a1", 3L, null), row("u1", 3L, "u1"), row("u2", 3L, "u2"));
    assertEquals(3L, page.documentValues().get("/json/meta/n"));
  }

  @Test
  void nestedPathsUnderDocumentFailClearly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("$.invoices;$.invoices.lines", DataModel.DOCUMENT, List.of("id"), "{}"));
    assertTrue(e.getMessage().contains("FlattenedDocuments"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> read("$.a;$.a", DataModel.DOCUMENT, List.of("id"), "{}"));
  }

  private static final String INVOICES = "{'count':3,'invoices':["
      + "{'lines':[{'sku':'A','qty':1},{'sku':'B','qty':2}],'id':'INV-1','customer':{'name':'Acme'}},"
      + "{'id':'INV-2','customer':{'name':'Bolt'},'lines':[]},"
      + "{'id':'INV-3','lines':null},"
      + "{'id':'INV-4','lines':{'sku':'C','qty':5}}],'next':'p2'}";

  @Test
  void flattenedDocumentsRepeatTheParentOnEveryLine() throws Exception {
    Page page = read("$.invoices;$.invoices.lines", DataModel.FLATTENED_DOCUMENTS,
        List.of("/json/invoices/id", "/json/invoices/customer/name", "/json/invoices/lines/sku",
            "qty", "/json/count"),
        List.of("/json/next"), INVOICES);
    // The invoice's own fields may come after its lines; an invoice without lines (empty,
    // null) is still one row, as in a LEFT JOIN; a single object is one line.
    assertRows(page,
        row("INV-1", "Acme", "A", 1L, 3L),
        row("INV-1", "Acme", "B", 2L, 3L),
        row("INV-2", "Bolt", null, null, 3L),
        row("INV-3", null, null, null, 3L),
        row("INV-4", null, "C", 5L, 3L));
    assertEquals("p2", page.documentValues().get("/json/next"));
  }

  @Test
  void flattenedSiblingsCrossJoinAndLevelsNest() throws Exception {
    String json = "{'people':[{'name':'Jo','vehicles':[{'model':'Civic','maintenance':["
        + "{'desc':'oil'},{'desc':'tires'}]},{'model':'Golf'}],'phones':[{'n':'1'},{'n':'2'}]}]}";
    Page page = read("$.people;$.people.vehicles;$.people.vehicles.maintenance;$.people.phones",
        DataModel.FLATTENED_DOCUMENTS,
        List.of("/json/people/name", "/json/people/vehicles/model",
            "/json/people/vehicles/maintenance/desc", "/json/people/phones/n"),
        json);
    assertRows(page,
        row("Jo", "Civic", "oil", "1"), row("Jo", "Civic", "oil", "2"),
        row("Jo", "Civic", "tires", "1"), row("Jo", "Civic", "tires", "2"),
        row("Jo", "Golf", null, "1"), row("Jo", "Golf", null, "2"));
  }

  @Test
  void flattenedRejectsWhatItCannotRead() {
    assertThrows(IllegalArgumentException.class, () -> read(null, DataModel.FLATTENED_DOCUMENTS,
        List.of("id"), "{}"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("$.orders;$.orders.box.items", DataModel.FLATTENED_DOCUMENTS,
            List.of("/json/orders/box"), "{}"));
    assertTrue(e.getMessage().contains("encloses"), e.getMessage());
  }

  @Test
  void relationalReadsOnePathAndRefusesSeveral() throws Exception {
    assertRows(read("$.items", DataModel.RELATIONAL, List.of("id", "sub"),
        "{'items':[{'id':1,'sub':[{'x':1}]}]}"), row(1L, "[{\"x\":1}]"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("$.items;$.items.sub", DataModel.RELATIONAL, List.of("id"), "{}"));
    assertTrue(e.getMessage().contains("Relational"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> read(null, DataModel.RELATIONAL, List.of("id"), "{}"));
  }

  @Test
  void dataModelAndFormatNames() {
    assertEquals(DataModel.DOCUMENT, DataModel.parse(null));
    assertEquals(DataModel.DOCUMENT, DataModel.parse(" "));
    assertEquals(DataModel.DOCUMENT, DataModel.parse("DOCUMENT"));
    assertEquals(DataModel.FLATTENED_DOCUMENTS, DataModel.parse("FlattenedDocuments"));
    assertEquals(DataModel.RELATIONAL, DataModel.parse(" relational "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DataModel.parse("Flattened"));
    assertTrue(e.getMessage().contains("'Flattened'"), e.getMessage());
    assertEquals(ResponseFormat.XML, ResponseFormat.forOperation("xmlproviderGet"));
    assertEquals(ResponseFormat.XML, ResponseFormat.forOperation("apisadoExecuteXMLGet"));
    assertEquals(ResponseFormat.JSON, ResponseFormat.forOperation("jsonproviderGet"));
    assertEquals(ResponseFormat.JSON, ResponseFormat.forOperation("apisadoExecuteJSONGet"));
  }
}
