package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.demo.DemoProfiles;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void connectionUrlCarriesTheFolderAndTheBaseUrl() {
    assertEquals("jdbc:apiquery:Profile=/tmp/x/demo;ProfileSettings='BaseUrl=http://127.0.0.1:4567'",
        DemoCommand.connectionUrl(Path.of("/tmp/x/demo"), "http://127.0.0.1:4567"));
  }

  @Test
  void awkwardFoldersAreQuoted() {
    assertEquals("/plain/path", DemoCommand.quote("/plain/path"));
    assertEquals("'/a;b'", DemoCommand.quote("/a;b"));
    assertEquals("'/a=b'", DemoCommand.quote("/a=b"));
    assertEquals("\"/it's\"", DemoCommand.quote("/it's"));
    assertEquals("'/trailing '", DemoCommand.quote("/trailing "));
  }

  @Test
  void queriesUseOnlyTheDemoTables() {
    Pattern from = Pattern.compile("FROM (\\w+)");
    for (String sql : DemoCommand.QUERIES) {
      Matcher m = from.matcher(sql);
      assertTrue(m.find(), sql);
      assertTrue(DemoProfiles.FILES.contains(m.group(1) + ".rsd"), sql);
    }
    assertEquals(4, DemoCommand.QUERIES.size());
    assertEquals(List.of("Customers", "Products", "Orders", "Customers"),
        DemoCommand.QUERIES.stream().map(q -> q.replaceAll(".* FROM (\\w+).*", "$1")).toList());
  }

  @Test
  void requestsLineListsWhatTheApiReceived() {
    assertEquals("HTTP: no requests", DemoCommand.requestsLine(List.of()));
    assertEquals("HTTP: GET /products?category=books", DemoCommand.requestsLine(List.of("/products?category=books")));
    assertEquals("HTTP: GET /customers/3/orders, GET /customers/5/orders",
        DemoCommand.requestsLine(List.of("/customers/3/orders", "/customers/5/orders")));
  }
}
