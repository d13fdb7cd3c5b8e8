package dev.apiquery.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The demo profiles follow the RSD skeleton, use no paging yet, and describe what the sample API
 * really serves: each URI, filled in, answers 200 with rows that hold every column's path.
 */
class DemoProfileContentTest {
  private static final Set<String> PAGING = Set.of("enablepaging", "pagesize", "pagesizeparam",
      "pageoffsetparam", "pagenumberparam", "pageurlpath", "pagetokenpath", "pagetokenparam",
      "pagehasmorepath", "pagetokenfromrow");
  private static SampleApiServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    server = new SampleApiServer();
    base = server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Element parse(String file) throws Exception {
    try (InputStream in = DemoProfiles.class.getClassLoader().getResourceAsStream(DemoProfiles.RESOURCE_FOLDER + file)) {
      assertNotNull(in, file);
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      return doc.getDocumentElement();
    }
  }

  private static List<Element> all(Element root, String tag) {
    NodeList nodes = root.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static String uri(Element root) {
    List<Element> gets = all(root, "api:script").stream()
        .filter(e -> e.getAttribute("method").equals("GET")).toList();
    assertEquals(1, gets.size());
    List<Element> sets = all(gets.get(0), "api:set").stream()
        .filter(e -> e.getAttribute("attr").equals("URI")).toList();
    assertEquals(1, sets.size());
    List<Element> calls = all(gets.get(0), "api:call");
    assertEquals(1, calls.size());
    assertEquals("jsonproviderGet", calls.get(0).getAttribute("op"));
    assertEquals(1, all(calls.get(0), "api:push").size());
    return sets.get(0).getAttribute("value");
  }

  @Test
  void skeletonAndNoPaging() throws Exception {
    Set<String> types = new HashSet<>();
    for (String file : DemoProfiles.FILES) {
      Element root = parse(file);
      assertEquals("api:script", root.getTagName());
      assertEquals("http://apiscript.com/ns?v1", root.getAttribute("xmlns:api"));
      List<Element> info = all(root, "api:info");
      assertEquals(1, info.size(), file);
      assertEquals(file.replace(".rsd", ""), info.get(0).getAttribute("title"));
      assertFalse(info.get(0).getAttribute("desc").isEmpty(), file);
      for (Element attr : all(root, "attr")) {
        assertFalse(attr.getAttribute("name").isEmpty(), file);
        assertFalse(attr.getAttribute("other:xPath").isEmpty(), file + " " + attr.getAttribute("name"));
        assertFalse(attr.getAttribute("desc").isEmpty(), file + " " + attr.getAttribute("name"));
        types.add(attr.getAttribute("xs:type"));
      }
      assertEquals(1, all(root, "attr").stream().filter(a -> a.getAttribute("key").equals("true")).count(), file);
      for (Element set : all(root, "api:set")) {
        assertFalse(PAGING.contains(set.getAttribute("attr").toLowerCase(Locale.ROOT)), file);
      }
      for (Element input : all(root, "input")) {
        assertFalse(input.getAttribute("name").equals("rows@next"), file);
      }
      assertTrue(uri(root).startsWith("[_connection.BaseUrl]/"), file);
    }
    assertEquals(Set.of("string", "int", "long", "double", "decimal", "boolean", "datetime", "date"), types);
  }

  @Test
  void inputAndFilterPlaceholders() throws Exception {
    Element orders = parse("Orders.rsd");
    List<Element> inputs = all(orders, "input");
    assertEquals(1, inputs.size());
    assertEquals("customer_id", inputs.get(0).getAttribute("name"));
    assertEquals("true", inputs.get(0).getAttribute("required"));
    assertEquals("[_connection.BaseUrl]/customers/[_input.customer_id]/orders", uri(orders));

    Element products = parse("Products.rsd");
    Element category = all(products, "attr").stream()
        .filter(a -> a.getAttribute("name").equals("category")).findFirst().orElseThrow();
    assertEquals("{category}", category.getAttribute("other:filter"));
    assertEquals("[_connection.BaseUrl]/products?category={category}", uri(products));

    Element customers = parse("Customers.rsd");
    assertTrue(all(customers, "attr").stream().anyMatch(a -> a.getAttribute("other:xPath").equals("address/city")));
  }

  @Test
  void everyColumnPathExistsInWhatTheApiServes() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    for (String file : DemoProfiles.FILES) {
      Element root = parse(file);
      String target = uri(root).replace("[_connection.BaseUrl]", base)
          .replace("[_input.customer_id]", "3").replace("{category}", "books");
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), target);
      JsonNode rows = json.readTree(response.body());
      assertTrue(rows.isArray() && rows.size() >= 3, target);
      for (JsonNode row : rows) {
        for (Element attr : all(root, "attr")) {
          String path = attr.getAttribute("other:xPath");
          assertFalse(row.at("/" + path).isMissingNode(), file + ": " + path + " in " + row);
        }
      }
    }
  }
}
