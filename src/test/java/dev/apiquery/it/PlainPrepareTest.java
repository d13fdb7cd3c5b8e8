package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plain queries prepared without Calcite's parser, validator and planner give a client
 * exactly what Calcite's preparation gave: each query runs as written (the plain path: nothing
 * parsed, Calcite's PARSE_TREE hook is the witness) and again with a trailing comment, which
 * only Calcite reads; the column metadata, the rows and the requests the API saw must be equal.
 */
class PlainPrepareTest extends ApiTestSupport {
  private static final String CALCITE = " /* planned by Calcite */";
  // A full scan's requests are then exact: no page is fetched ahead past the last one.
  private static final String ONE_PAGE_AT_A_TIME = "MaxConcurrentRequests=1";

  @BeforeEach
  void setUp() throws Exception {
    stubItemPages(25, i -> "{\"id\":" + i + ",\"name\":\"n" + i + "\",\"Score\":" + i + ".5,\"on\":" + (i % 2 == 0)
        + ",\"amount\":" + i + ".25,\"created\":\"2024-03-0" + (1 + i % 9) + "T10:00:00Z\",\"day\":\"2024-01-0"
        + (1 + i % 9) + "\",\"code\":\"c" + i + "\"}");
    writePagedItems("""
            <attr name="id" xs:type="int" key="true" other:xPath="id"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
            <attr name="Score" xs:type="double" other:xPath="Score"/>
            <attr name="on" xs:type="boolean" other:xPath="on"/>
            <attr name="amount" xs:type="decimal" columnsize="12" decimaldigits="2" other:xPath="amount"/>
            <attr name="created" xs:type="datetime" other:xPath="created"/>
            <attr name="day" xs:type="date" other:xPath="day"/>
            <attr name="code" xs:type="string" columnsize="8" other:xPath="code"/>
            <input name="q" desc="search text"/>
        """);
    writeProfile("Members", rsd("""
            <attr name="id" xs:type="int" other:xPath="id"/>
            <input name="org" xs:type="string" required="true" desc="Organisation login"/>
        """, "${BASE}/members", ""));
  }

  @Test
  void plainQueriesGiveWhatCalciteGives() throws Exception {
    String schema;
    try (Connection c = connect()) {
      schema = c.getSchema();
    }
    for (String sql : List.of(
        "select * from items",
        "select * from items limit 3",
        "SELECT * FROM ITEMS LIMIT 12 OFFSET 10",
        "select *\r\nfrom\titems\r\nlimit 10",
        "select * from \"Items\" limit 2",
        "select * from \"" + schema + "\".items limit 2",
        "select * from \"" + schema + "\".\"Items\" limit 2",
        "select id, name from items limit 4",
        "select NAME, Id, score from items limit 4",
        "select \"name\", \"id\" from Items limit 4",
        "select score from items limit 3",
        "select created, day, amount, code, \"on\" from items limit 3",
        "select _row, id, q from items limit 3",
        "select * from items where 1=0",
        "select id from items where 1 = 0 limit 5",
        "select * from items where 1=1 limit 3",
        // Spark's partition queries, and other _row ranges
        "SELECT \"id\",\"name\",\"_row\" FROM Items  WHERE \"_row\" >= 10 AND \"_row\" < 20 ",
        "SELECT \"id\",\"_row\" FROM Items  WHERE \"_row\" < 10 or \"_row\" is null ",
        "SELECT \"Score\" FROM Items  WHERE \"_row\" >= 20 ",
        "select * from items where _ROW > 9 and _row <= 14 limit 3",
        "select id, _row from items where _row = 10",
        // Spark's count(): a constant per row
        "SELECT 1 FROM Items  WHERE \"_row\" >= 10 AND \"_row\" < 20 ",
        "select 1 from items",
        "select 7 from items limit 3")) {
      assertSame(sql, 0);
      assertSame(sql, 5);
      assertSame(sql, 25);
    }
  }

  @Test
  void aPreparedStatementWithMaxRowsIsPlainToo() throws Exception {
    for (String sql : List.of("select * from items", "select id, score from items limit 12 offset 10")) {
      Seen plain = prepared(sql, 7);
      Seen calcite = prepared(sql + CALCITE, 7);
      assertEquals(0, plain.parses, sql);
      assertEquals(calcite.metadata, plain.metadata, sql);
      assertEquals(calcite.rows, plain.rows, sql);
      assertEquals(calcite.requests, plain.requests, sql);
    }
  }

  /** Queries the plain path does not take (Calcite's, as before), and errors, which are Calcite's. */
  @Test
  void anythingElseIsCalcitesIncludingErrors() throws Exception {
    for (String sql : List.of(
        "select id, id from items limit 2",
        "select ID, id from items limit 2",
        "select id as ident from items limit 2",
        "select current_date from items limit 1",
        "select * from items -- all\n",
        "select * from items limit 0",
        "select * from items limit 2 offset 0",
        "select * from apiquery.scans",
        "select * from items where id >= 3",
        "select * from items where _row >= 15 and _row < 5")) {
      Seen seen = run(sql, 0);
      assertEquals(sql.contains("offset 0") ? 0 : 1, seen.parses, sql);
    }
    for (String sql : List.of(
        "select * from nothing",
        "select * from items;",
        "select * from members limit 5",
        "select * from \"items\"",
        "select nope from items",
        "select \"NAME\" from items",
        "select * from items limit 2 offset")) {
      SQLException plain = failure(sql);
      SQLException calcite = failure(sql + CALCITE);
      assertEquals(calcite.getSQLState(), plain.getSQLState(), sql);
      assertEquals(calcite.getMessage().replace(CALCITE, ""), plain.getMessage(), sql);
    }
  }

  private void assertSame(String sql, int maxRows) throws Exception {
    Seen plain = run(sql, maxRows);
    Seen calcite = run(sql + CALCITE, maxRows);
    String what = sql + " (max rows " + maxRows + ")";
    assertEquals(0, plain.parses, what + ": prepared without Calcite's parser");
    assertEquals(1, calcite.parses, what);
    assertEquals(calcite.metadata, plain.metadata, what);
    assertEquals(calcite.rows, plain.rows, what);
    assertEquals(calcite.requests, plain.requests, what);
    assertTrue(sql.contains("1=0") || sql.contains("1 = 0") || !plain.rows.isEmpty(), what);
  }

  private record Seen(int parses, List<String> metadata, List<List<Object>> rows, List<String> requests) {}

  private Seen run(String sql, int maxRows) throws Exception {
    API.resetRequests();
    int[] parses = new int[1];
    Consumer<Object> count = parse -> parses[0]++;
    try (Connection c = connect(ONE_PAGE_AT_A_TIME);
        Statement st = c.createStatement();
        Hook.Closeable ignored = Hook.PARSE_TREE.addThread(count)) {
      st.setMaxRows(maxRows);
      try (ResultSet rs = st.executeQuery(sql)) {
        return new Seen(parses[0], metadata(rs.getMetaData()), allRows(rs), requests());
      }
    }
  }

  private Seen prepared(String sql, int maxRows) throws Exception {
    API.resetRequests();
    int[] parses = new int[1];
    Consumer<Object> count = parse -> parses[0]++;
    try (Connection c = connect(ONE_PAGE_AT_A_TIME);
        Hook.Closeable ignored = Hook.PARSE_TREE.addThread(count);
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setMaxRows(maxRows);
      List<String> before = metadata(ps.getMetaData());
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(before, metadata(rs.getMetaData()));
        return new Seen(parses[0], before, allRows(rs), requests());
      }
    }
  }

  private SQLException failure(String sql) throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.executeQuery(sql).close();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("no error for " + sql);
  }

  /** Every row, each value by getObject, a TIMESTAMP also as its LocalDateTime, and getString. */
  private static List<List<Object>> allRows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        row.add(rs.getObject(i));
        row.add(rs.getString(i));
        if (md.getColumnType(i) == Types.TIMESTAMP) {
          row.add(rs.getObject(i, LocalDateTime.class));
        }
      }
      out.add(row);
    }
    return out;
  }

  private static List<String> metadata(ResultSetMetaData md) throws SQLException {
    assertNotNull(md);
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      columns.add(String.join("|", md.getColumnLabel(i), md.getColumnName(i), md.getTableName(i),
          md.getSchemaName(i), md.getCatalogName(i), String.valueOf(md.getColumnType(i)), md.getColumnTypeName(i),
          md.getColumnClassName(i), String.valueOf(md.getPrecision(i)), String.valueOf(md.getScale(i)),
          String.valueOf(md.isNullable(i)), String.valueOf(md.isSigned(i)), String.valueOf(md.getColumnDisplaySize(i)),
          String.valueOf(md.isAutoIncrement(i)), String.valueOf(md.isCaseSensitive(i)),
          String.valueOf(md.isSearchable(i)), String.valueOf(md.isCurrency(i)), String.valueOf(md.isReadOnly(i)),
          String.valueOf(md.isWritable(i)), String.valueOf(md.isDefinitelyWritable(i))));
    }
    return columns;
  }

  private static List<String> requests() {
    List<String> urls = new ArrayList<>();
    for (LoggedRequest request : API.findAll(anyRequestedFor(anyUrl()))) {
      urls.add(request.getUrl());
    }
    urls.sort(null);
    return urls;
  }
}
