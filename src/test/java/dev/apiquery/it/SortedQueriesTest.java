package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ORDER BY as a GUI's column-sort click sends it, including over a single column. */
class SortedQueriesTest extends ApiTestSupport {
  private static final String COLUMNS = "<attr name=\"id\" xs:type=\"int\" other:xPath=\"id\"/>"
      + "<attr name=\"name\" xs:type=\"string\" other:xPath=\"name\"/>";

  @Test
  void oneColumnSortedAndTwoColumnsSorted() throws Exception {
    API.stubFor(get(urlPathEqualTo("/people"))
        .willReturn(okJson("[{\"id\":3,\"name\":\"c\"},{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]")));
    writeProfile("People", rsd(COLUMNS, "${BASE}/people", ""));
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(1), List.of(2), List.of(3)), rows(c, "select id from people order by id"));
      assertEquals(List.of(List.of("c"), List.of("b"), List.of("a")),
          rows(c, "select name from people order by name desc"));
      assertEquals(List.of(List.of(3, "c"), List.of(2, "b")),
          rows(c, "select id, name from people order by id desc limit 2"));
    }
    API.verify(3, getRequestedFor(urlPathEqualTo("/people")));
  }
}
