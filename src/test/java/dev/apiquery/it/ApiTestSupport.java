package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End-to-end test support: a WireMock API on loopback, a temporary profile folder, and
 * {@code jdbc:apiquery:} connections to them.
 */
public abstract class ApiTestSupport {
  @RegisterExtension
  protected static final WireMockExtension API =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1).containerThreads(12))
          .build();

  @TempDir protected Path profileDir;

  static {
    try {
      Class.forName("dev.apiquery.jdbc.Driver");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The API's base URL, {@code http://127.0.0.1:port}. */
  protected static String base() {
    return "http://127.0.0.1:" + API.getPort();
  }

  /** Writes {@code <name>.rsd}; {@code ${BASE}} in the text becomes the API's base URL. */
  protected Path writeProfile(String name, String rsd) throws IOException {
    Path file = profileDir.resolve(name + ".rsd");
    Files.writeString(file, rsd.replace("${BASE}", base()), StandardCharsets.UTF_8);
    return file;
  }

  /** Installs {@code /profile/<folder>/<name>.rsd}, a vendor-style fixture (CRLF line ends). */
  protected void installFixture(String folder, String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/profile/" + folder + "/" + name + ".rsd")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.contains("\r\n"), "vendor-style profiles have CRLF line ends");
      writeProfile(name, text);
    }
  }

  /** A connection to the profile folder, with more {@code Key=Value;} options appended. */
  protected Connection connect(String moreOptions) throws SQLException {
    return DriverManager.getConnection(url(moreOptions));
  }

  protected Connection connect() throws SQLException {
    return connect("");
  }

  protected Connection connect(Properties info) throws SQLException {
    return DriverManager.getConnection(url(""), info);
  }

  protected String url(String moreOptions) {
    return "jdbc:apiquery:Profile=" + profileDir + ";" + moreOptions;
  }

  /** Runs a query and returns every row as a list of {@code getObject} values. */
  protected static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rows(rs);
    }
  }

  protected static List<List<Object>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[md.getColumnCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = rs.getObject(i + 1);
      }
      out.add(Arrays.asList(row));
    }
    return out;
  }

  /** {@code [{"id":from,"name":"n<from>"}, ...]} up to {@code to} (exclusive): a page of test rows. */
  protected static String items(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "{\"id\":" + i + ",\"name\":\"n" + i + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  /**
   * Serves {@code total} rows at {@code /items} in offset pages of 10 ({@code {"items":[...]}},
   * row i written by {@code row}), up to and including the page at offset {@code total} (empty
   * when {@code total} is a multiple of 10).
   */
  protected static void stubItemPages(int total, IntFunction<String> row) {
    for (int offset = 0; offset <= total; offset += 10) {
      String rows = IntStream.range(offset, Math.min(total, offset + 10)).mapToObj(row)
          .collect(Collectors.joining(",", "[", "]"));
      API.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .willReturn(okJson("{\"items\":" + rows + "}")));
    }
  }

  /**
   * Writes {@code Items.rsd}, offset-paged by 10 over {@link #stubItemPages}, in the style of a
   * vendor file: CRLF line ends, a raw {@code &} in the URI, a {@code $.} JSONPath.
   */
  protected Path writePagedItems(String attrs) throws IOException {
    return writeProfile("Items", rsd(attrs, "${BASE}/items?format=json&v=2", """
          <api:set attr="JSONPath" value="$.items"/>
          <api:set attr="pageoffsetparam" value="offset"/>
          <api:set attr="pagesizeparam" value="limit"/>
          <api:set attr="pagesize" value="10"/>
        """).replace("\n", "\r\n"));
  }

  /** A one-table RSD with the given attrs/inputs and URI, and no paging. */
  protected static String rsd(String infoBody, String uri, String extraSets) {
    return """
        <api:script xmlns:api="http://apiscript.com/ns?v1" xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <api:info title="T" desc="Test table" xmlns:other="http://apiscript.com/ns?v1">
        %s
          </api:info>
        %s
          <api:script method="GET">
            <api:set attr="method" value="GET"/>
            <api:set attr="URI" value="%s"/>
            <api:call op="jsonproviderGet"><api:push/></api:call>
          </api:script>
        </api:script>
        """.formatted(infoBody, extraSets, uri);
  }
}
