package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A script that pushes each response row twice makes two rows of it, each with its own _row,
 * also when SQL holds the rows (ORDER BY). Today a call body that pushes more than once is not
 * the scan's row call, so its pages are not converted ahead and each push builds a row of its
 * own; {@code RowValues.takeConverted}'s copy guards the converted path should that change (this
 * test passes with or without that copy).
 */
class PushTwiceTest extends ApiTestSupport {

  private void stub() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(items(0, 3))));
    writeProfile("Items", """
        <api:script xmlns:api="http://apiscript.com/ns?v1" xmlns:xs="http://www.w3.org/2001/XMLSchema">\r
          <api:info title="Items" xmlns:other="http://apiscript.com/ns?v1">\r
            <attr name="id" xs:type="long" other:xPath="id"/>\r
            <attr name="name" xs:type="string" other:xPath="name"/>\r
            <input name="tag" xs:type="string" def="t"/>\r
          </api:info>\r
          <api:script method="GET">\r
            <api:set attr="URI" value="${BASE}/items"/>\r
            <api:call op="jsonproviderGet">\r
              <api:push/>\r
              <api:push/>\r
            </api:call>\r
          </api:script>\r
        </api:script>\r
        """);
  }

  @Test
  void eachPushIsARowOfItsOwn() throws Exception {
    stub();
    try (Connection c = connect(); Statement st = c.createStatement()) {
      assertEquals(List.of("0 n0 0 x", "0 n0 1 x", "1 n1 2 x", "1 n1 3 x", "2 n2 4 x", "2 n2 5 x"),
          rows(st, "select id, name, _row, tag from items where tag = 'x'"));
      assertEquals(List.of("2 n2 5 x", "2 n2 4 x", "1 n1 3 x", "1 n1 2 x", "0 n0 1 x", "0 n0 0 x"),
          rows(st, "select * from items where tag = 'x' order by _row desc"));
      // Rows held by SQL straight from the scan (no projection in between).
      assertEquals(List.of("2 n2 5 t", "2 n2 4 t", "1 n1 3 t", "1 n1 2 t", "0 n0 1 t", "0 n0 0 t"),
          rows(st, "select * from items order by _row desc limit 6"));
    }
  }

  private static List<String> rows(Statement st, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getObject("id") + " " + rs.getObject("name") + " " + rs.getObject("_row") + " "
            + rs.getObject("tag"));
      }
    }
    return out;
  }
}
