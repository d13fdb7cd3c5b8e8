package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * getObject reads a plain or TIMESTAMP column straight from the current row (the driver's own
 * cursor), so it must answer exactly what Avatica's accessors answer: values, wasNull, and the
 * errors off a row, for scans, one-column results and rows Calcite builds (sort, aggregate).
 */
class RowCursorTest extends ApiTestSupport {

  private void stub() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("""
        [{"id":7,"name":"box","at":"2024-03-04T05:06:07Z","ok":true,"ratio":0.25,"n":3},
         {"id":8,"name":null},
         {"id":6,"name":"bag","at":"2024-01-01T00:00:00Z","ok":false,"ratio":1.5,"n":4}]""")));
    writeProfile("Items", rsd("""
            <attr name="id" xs:type="long" other:xPath="id"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
            <attr name="created_at" xs:type="datetime" other:xPath="at"/>
            <attr name="ok" xs:type="boolean" other:xPath="ok"/>
            <attr name="ratio" xs:type="double" other:xPath="ratio"/>
            <attr name="n" xs:type="int" other:xPath="n"/>
        """, "${BASE}/items", ""));
  }

  @Test
  void valuesAndWasNullMatchTheTypedGetters() throws Exception {
    stub();
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select id, name, created_at, ok, ratio, n from items")) {
      assertTrue(rs.next());
      assertEquals(7L, rs.getObject(1));
      assertEquals("box", rs.getObject(2));
      assertFalse(rs.wasNull());
      assertEquals(Timestamp.valueOf(LocalDateTime.of(2024, 3, 4, 5, 6, 7)), rs.getObject(3));
      assertEquals(Boolean.TRUE, rs.getObject(4));
      assertEquals(0.25, rs.getObject(5));
      assertEquals(3, rs.getObject(6));
      assertTrue(rs.next());
      assertEquals(8L, rs.getObject("id"));
      assertFalse(rs.wasNull());
      assertNull(rs.getObject(2));
      assertTrue(rs.wasNull());
      assertNull(rs.getObject(3));
      assertTrue(rs.wasNull());
      assertEquals(8L, rs.getLong(1));
      assertFalse(rs.wasNull());
      assertNull(rs.getObject(4));
      assertTrue(rs.wasNull());
      assertEquals(0, rs.getInt(6));
      assertTrue(rs.wasNull());
      assertTrue(rs.next());
      assertEquals(rs.getString(2), rs.getObject(2));
      assertEquals(rs.getTimestamp(3), rs.getObject(3));
      assertFalse(rs.next());
    }
  }

  @Test
  void offARowItFailsAsAvaticasAccessorsDo() throws Exception {
    stub();
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select id, name, created_at from items")) {
      Class<? extends Throwable> beforeFirst = thrown(() -> rs.getString(2)); // Avatica's own path
      assertEquals(beforeFirst, thrown(() -> rs.getObject(2)));
      assertEquals(beforeFirst, thrown(() -> rs.getObject(1)));
      assertEquals(beforeFirst, thrown(() -> rs.getObject(3)));
      while (rs.next()) {
        rs.getObject(1);
      }
      Class<? extends Throwable> afterLast = thrown(() -> rs.getString(2));
      assertEquals(afterLast, thrown(() -> rs.getObject(2)));
      assertEquals(afterLast, thrown(() -> rs.getObject(3)));
      rs.close();
      assertThrows(SQLException.class, () -> rs.getObject(1));
    }
  }

  @Test
  void oneColumnAndCalciteBuiltRowsReadTheSame() throws Exception {
    stub();
    try (Connection c = connect(); Statement st = c.createStatement()) {
      assertEquals(List.of(7L, 8L, 6L), column(st, "select id from items"));
      assertEquals(List.of(6L, 7L, 8L), column(st, "select id from items order by id"));
      assertEquals(List.of("bag", "box"), column(st, "select name from items where name is not null order by name"));
      assertEquals(List.of(21L), column(st, "select sum(id) from items"));
    }
  }

  private static List<Object> column(Statement st, String sql) throws Exception {
    List<Object> values = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
    }
    return values;
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static Class<? extends Throwable> thrown(Call call) {
    try {
      call.run();
      return null;
    } catch (Throwable t) {
      return t.getClass();
    }
  }
}
