package dev.apiquery.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.apiquery.it.ApiTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;

/**
 * An offset-paged "Items" API on WireMock (pages of 10 rows, shaped like a typical vendor list
 * endpoint) and a way to run {@code apiquery export} through the CLI's {@code Main}.
 */
abstract class ExportFixture extends ApiTestSupport {
  static final int PAGE = 10;

  /** CRLF line ends, no xmlns on api:info, $. path: as vendor files come. */
  private static final String PROFILE = String.join("\r\n",
      "<api:script xmlns:api=\"http://apiscript.com/ns?v1\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">",
      "  <api:info title=\"Items\" desc=\"Items of the shop\">",
      "    <attr name=\"id\" xs:type=\"long\" key=\"true\" other:xPath=\"id\"/>",
      "    <attr name=\"name\" xs:type=\"string\" columnsize=\"40\" other:xPath=\"name\"/>",
      "    <attr name=\"score\" xs:type=\"double\" other:xPath=\"score\"/>",
      "    <attr name=\"price\" xs:type=\"decimal\" columnsize=\"10\" decimaldigits=\"2\" other:xPath=\"price\"/>",
      "    <attr name=\"active\" xs:type=\"boolean\" other:xPath=\"active\"/>",
      "    <attr name=\"created\" xs:type=\"datetime\" other:xPath=\"created\"/>",
      "    <attr name=\"day\" xs:type=\"date\" other:xPath=\"day\"/>",
      "    <attr name=\"note\" xs:type=\"string\" other:xPath=\"note\"/>",
      "  </api:info>",
      "  <api:set attr=\"JSONPath\" value=\"$.items\"/>",
      "  <api:set attr=\"pageoffsetparam\" value=\"offset;0\"/>",
      "  <api:set attr=\"pagesizeparam\" value=\"limit\"/>",
      "  <api:set attr=\"pagesize\" value=\"" + PAGE + "\"/>",
      "  <api:script method=\"GET\">",
      "    <api:set attr=\"URI\" value=\"${BASE}/v1/items?status=all&expand=none\"/>",
      "    <api:call op=\"jsonproviderGet\"><api:push/></api:call>",
      "  </api:script>",
      "</api:script>",
      "");

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void profile() throws IOException {
    writeProfile("Items", PROFILE);
  }

  /** The API holds items 1..total (a short last page ends the paging). */
  static void items(int total) {
    for (int offset = 0; offset <= total; offset += PAGE) {
      int from = offset + 1;
      int to = Math.min(total, offset + PAGE);
      API.stubFor(get(urlPathEqualTo("/v1/items")).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .willReturn(okJson("{\"items\":" + rows(from, to) + "}")));
    }
  }

  /** The page at {@code offset} fails with 500. */
  static void failingPage(int offset) {
    API.stubFor(get(urlPathEqualTo("/v1/items")).withQueryParam("offset", equalTo(Integer.toString(offset)))
        .willReturn(serverError().withBody("{\"error\":\"database unavailable\"}")));
  }

  static String rows(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> String.format(Locale.ROOT,
        "{\"id\":%d,\"name\":\"item %d, \\\"quoted\\\"\",\"score\":%s,\"price\":%d.25,\"active\":%s,"
            + "\"created\":\"2024-03-01T10:%02d:00Z\",\"day\":\"2024-03-%02d\",\"note\":%s}",
        i, i, i * 1.5, i, i % 2 == 0, i % 60, 1 + i % 28, i % 5 == 0 ? "null" : "\"n" + i + "\""))
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** Runs {@code apiquery export --url <the profile folder> ARGS}; returns the exit status. */
  int export(String... args) {
    List<String> all = new ArrayList<>(List.of("export", "--url", url("MaxRetries=0")));
    all.addAll(List.of(args));
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
        new PrintWriter(err));
  }

  /** The first column of every row of {@code sql} on {@code url}. */
  static List<Object> column(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<Object> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
      return values;
    }
  }

  /** {@code name type} of each column of {@code table}, from the target's information_schema. */
  static List<String> columnTypes(String url, String table, String typeExpression) throws SQLException {
    List<Object> rows = column(url, "SELECT column_name || ' ' || " + typeExpression
        + " FROM information_schema.columns WHERE table_name = '" + table + "' ORDER BY ordinal_position");
    return rows.stream().map(Object::toString).toList();
  }
}
