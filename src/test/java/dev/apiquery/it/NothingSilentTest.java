package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 9: a script whose calls returned items but pushed no row, and a call whose output
 * nothing uses, give a statement warning (SQLState 01000) and a Verbosity 1 log line; a script
 * that does neither gives no warning.
 */
class NothingSilentTest extends ApiTestSupport {

  @Test
  void itemsWithoutARowAndAnUnusedOutputWarnOnTheStatementAndInTheLog() throws Exception {
    writeProfile("Quiet", """
        <api:script xmlns:api="http://apiscript.com/ns?v1">\r
          <api:info title="Quiet" desc="calls that push nothing">\r
            <attr name="id" xs:type="integer" other:xPath="id"/>\r
          </api:info>\r
          <api:script method="GET">\r
            <api:set attr="token.URI" value="${BASE}/token"/>\r
            <api:call op="jsonproviderGet" input="token" out="tk"/>\r
            <api:set attr="URI" value="${BASE}/items"/>\r
            <api:call op="jsonproviderGet" out="o">\r
              <api:set attr="seen" value="[o.id]"/>\r
            </api:call>\r
          </api:script>\r
        </api:script>\r
        """);
    API.stubFor(get(urlEqualTo("/token")).willReturn(okJson("[{\"t\":\"x\"}]")));
    API.stubFor(get(urlEqualTo("/items")).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
    Path log = profileDir.resolve("driver.log");
    try (Connection c = connect("Logfile=" + log + ";Verbosity=1"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select id from Quiet")) {
      assertEquals(List.of(), rows(rs));
      SQLWarning first = st.getWarnings();
      assertNotNull(first);
      SQLWarning second = first.getNextWarning();
      assertNotNull(second);
      assertEquals("01000", first.getSQLState());
      assertTrue(first.getMessage().contains("Table 'Quiet': the script's calls returned 3 item(s) but it pushed no row"),
          first.getMessage());
      assertTrue(second.getMessage().contains("the call jsonproviderGet at Quiet.rsd:7 outputs items that nothing uses"),
          second.getMessage());
    }
    String text = Files.readString(log);
    assertTrue(text.contains("Table 'Quiet': the script's calls returned 3 item(s) but it pushed no row"), text);
    assertTrue(text.contains("Quiet.rsd:7 outputs items that nothing uses"), text);
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void aScriptThatPushesItsItemsGivesNoWarning() throws Exception {
    writeProfile("Loud", rsd("<attr name=\"id\" xs:type=\"integer\" other:xPath=\"id\"/>", "${BASE}/items", ""));
    API.stubFor(get(urlEqualTo("/items")).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select id from Loud")) {
      assertEquals(List.of(List.of(1), List.of(2)), rows(rs));
      assertNull(st.getWarnings());
    }
  }
}
