package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query whose plan is one scan (projection, filters and limit pushed into it) runs without
 * generated code, and gives what the generated code gave: the same rows, column types and
 * requests. Calcite's JAVA_PLAN hook (it sees every generated class) is the witness.
 */
class ScanWithoutCodeTest extends ApiTestSupport {
  private static final int TOTAL = 25;

  @BeforeEach
  void setUp() throws Exception {
    stubItemPages(TOTAL, i -> "{\"id\":" + i + ",\"kind\":\"k" + i % 2 + "\",\"score\":" + i + ".5}");
    API.stubFor(get(urlPathEqualTo("/items")).withQueryParam("kind", equalTo("k1"))
        .willReturn(okJson("{\"items\":[{\"id\":1,\"kind\":\"k1\",\"score\":1.5},{\"id\":3,\"kind\":\"k1\",\"score\":3.5}]}")));
    writePagedItems("""
            <attr name="id" xs:type="int" other:xPath="id"/>
            <attr name="kind" xs:type="string" other:xPath="kind" other:filter="kind"/>
            <attr name="score" xs:type="double" other:xPath="score"/>
        """);
  }

  private static List<LoggedRequest> requests() {
    return API.findAll(getRequestedFor(urlPathEqualTo("/items")));
  }

  /** Runs {@code body} and returns the classes Calcite generated meanwhile on this thread. */
  private static List<Object> generated(SqlBody body) throws Exception {
    List<Object> code = new ArrayList<>();
    Consumer<Object> record = code::add;
    try (Hook.Closeable ignored = Hook.JAVA_PLAN.addThread(record)) {
      body.run();
    }
    return code;
  }

  private interface SqlBody {
    void run() throws Exception;
  }

  @Test
  void selectStarGeneratesNoCode() throws Exception {
    try (Connection c = connect()) {
      List<List<Object>> rows = new ArrayList<>();
      List<Object> code = generated(() -> rows.addAll(rows(c, "select * from items limit 3")));
      assertEquals(List.of(List.of(0, "k0", 0.5, 0L), List.of(1, "k1", 1.5, 1L), List.of(2, "k0", 2.5, 2L)), rows);
      assertEquals(List.of(), code);
      assertEquals(1, requests().size());
      assertEquals("3", requests().get(0).queryParameter("limit").firstValue());
    }
  }

  @Test
  void someColumnsInAnotherOrderKeepTheirTypes() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      List<Object> code = generated(() -> {
        try (ResultSet rs = st.executeQuery("select score, id from items limit 12")) {
          ResultSetMetaData md = rs.getMetaData();
          assertEquals(2, md.getColumnCount());
          assertEquals("score", md.getColumnLabel(1));
          assertEquals(Types.DOUBLE, md.getColumnType(1));
          assertEquals(Types.INTEGER, md.getColumnType(2));
          List<List<Object>> rows = rows(rs);
          assertEquals(12, rows.size());
          assertEquals(List.of(0.5, 0), rows.get(0));
          assertEquals(List.of(11.5, 11), rows.get(11));
        }
      });
      assertEquals(List.of(), code);
      assertEquals(2, requests().size(), "two pages of 10 for 12 rows");
    }
  }

  @Test
  void oneColumnIsABareValueAndAnAliasNamesIt() throws Exception {
    try (Connection c = connect()) {
      List<List<Object>> rows = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Object> code = generated(() -> {
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("select kind as k from items limit 2")) {
          labels.add(rs.getMetaData().getColumnLabel(1));
          rows.addAll(rows(rs));
        }
      });
      assertEquals(List.of("k"), labels);
      assertEquals(List.of(List.of("k0"), List.of("k1")), rows);
      assertEquals(List.of(), code);
    }
  }

  @Test
  void aPreparedStatementBindsItsLimitIntoTheRequestEachTime() throws Exception {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("select id, kind from items limit ?")) {
      List<List<Object>> first = new ArrayList<>();
      List<List<Object>> second = new ArrayList<>();
      List<Object> code = generated(() -> {
        ps.setInt(1, 2);
        first.addAll(rows(ps.executeQuery()));
        ps.setInt(1, 3);
        second.addAll(rows(ps.executeQuery()));
      });
      assertEquals(List.of(List.of(0, "k0"), List.of(1, "k1")), first);
      assertEquals(List.of(List.of(0, "k0"), List.of(1, "k1"), List.of(2, "k0")), second);
      assertEquals(List.of(), code);
      assertEquals(List.of("2", "3"), limits());
    }
  }

  @Test
  void maxRowsBecomesTheScansLimit() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.setMaxRows(4);
      List<List<Object>> rows = new ArrayList<>();
      List<Object> code = generated(() -> {
        try (ResultSet rs = st.executeQuery("select kind, id from items")) {
          rows.addAll(rows(rs));
        }
      });
      assertEquals(List.of(List.of("k0", 0), List.of("k1", 1), List.of("k0", 2), List.of("k1", 3)), rows);
      assertEquals(List.of(), code);
      assertEquals(List.of("4"), limits());
    }
  }

  private static List<String> limits() {
    return requests().stream().map(r -> r.queryParameter("limit").firstValue()).collect(Collectors.toList());
  }

  @Test
  void aQueryProvenEmptyGeneratesNoCodeAndSendsNothing() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      List<Object> code = generated(() -> {
        // Spark's JDBC source learns the columns so; BI tools do the same with WHERE 1=0.
        try (ResultSet rs = st.executeQuery("SELECT * FROM (SELECT score, id FROM items) SPARK_GEN_SUBQ_0 WHERE 1=0")) {
          ResultSetMetaData md = rs.getMetaData();
          assertEquals(2, md.getColumnCount());
          assertEquals("score", md.getColumnLabel(1));
          assertEquals(Types.DOUBLE, md.getColumnType(1));
          assertEquals(Types.INTEGER, md.getColumnType(2));
          assertEquals(List.of(), rows(rs));
        }
        try (ResultSet rs = st.executeQuery("select kind from items where 1 = 0")) {
          assertEquals(1, rs.getMetaData().getColumnCount());
          assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(1));
          assertEquals(List.of(), rows(rs));
        }
      });
      assertEquals(List.of(), code);
      assertEquals(0, requests().size());
    }
  }

  @Test
  void aColumnTwiceAnExpressionOrARecheckedFilterStillRunsThroughGeneratedCode() throws Exception {
    try (Connection c = connect()) {
      List<List<Object>> twice = new ArrayList<>();
      List<Object> code = generated(() -> twice.addAll(rows(c, "select id, id from items limit 2")));
      assertEquals(List.of(List.of(0, 0), List.of(1, 1)), twice);
      assertEquals(1, code.size());
      List<List<Object>> computed = new ArrayList<>();
      code = generated(() -> computed.addAll(rows(c, "select id + 1 from items limit 2")));
      assertEquals(List.of(List.of(1), List.of(2)), computed);
      assertEquals(1, code.size());
      // A filter sent to the API is checked again on the rows it returns.
      List<List<Object>> filtered = new ArrayList<>();
      code = generated(() -> filtered.addAll(rows(c, "select score, id from items where kind = 'k1'")));
      assertEquals(List.of(List.of(1.5, 1), List.of(3.5, 3)), filtered);
      assertEquals(1, code.size());
      assertEquals("k1", requests().get(requests().size() - 1).queryParameter("kind").firstValue());
    }
  }
}
