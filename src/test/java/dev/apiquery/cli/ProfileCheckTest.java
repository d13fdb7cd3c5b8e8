package dev.apiquery.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code profile check}: findings with file and line, on files written like real vendor ones. */
class ProfileCheckTest extends ProfileCliSupport {

  /** Lines joined with CRLF, as vendor files are; {@code ${BASE}} is the API's URL. */
  private Path write(String name, String... lines) throws Exception {
    Path file = profileDir.resolve(name);
    Files.writeString(file, String.join("\r\n", lines).replace("${BASE}", base()) + "\r\n");
    return file;
  }

  private List<String> outputLines() {
    return out.toString().lines().toList();
  }

  @Test
  void findingsNameFileAndLine() throws Exception {
    write("Bad.rsd",
        "<api:script>",                                                                  // 1
        "  <api:info title=\"Bad\">",                                                     // 2
        "    <attr name=\"id\" xs:type=\"int\" other:xPath=\"id\"/>",                     // 3
        "    <attr name=\"Name\" xs:type=\"string\" other:xPath=\"name\"/>",              // 4
        "    <attr name=\"name\" xs:type=\"string\" other:xPath=\"title\"/>",             // 5
        "    <input name=\"org\" required=\"true\"/>",                                    // 6
        "    <input name=\"since\"/>",                                                    // 7
        "  </api:info>",                                                                  // 8
        "  <api:set attr=\"JSONPath\" value=\"$.items\"/>",                               // 9
        "  <api:set attr=\"pagesize\" value=\"50\"/>",                                    // 10
        "  <api:script method=\"GET\">",                                                  // 11
        "    <api:set attr=\"URI\" value=\"${BASE}/orgs/[_input.org]/items?a=1&b=2\"/>",  // 12
        "    <api:sett attr=\"x\" value=\"y\"/>",                                         // 13
        "    <api:call op=\"jsonproviderGet\"><api:push/></api:call>",                    // 14
        "  </api:script>",                                                                // 15
        "</api:script>");
    write("Cursor.rsd",
        "<api:script xmlns:api=\"http://apiscript.com/ns?v1\">",
        "  <api:info title=\"Cursor\">",
        "    <attr name=\"id\" xs:type=\"string\" other:xPath=\"id\"/>",
        "  </api:info>",
        "  <api:set attr=\"pagetokenpath\" value=\"/json/next_cursor\"/>",               // 5
        "  <api:set attr=\"pagetokenpth\" value=\"cursor\"/>",                           // 6
        "  <api:script method=\"GET\">",
        "    <api:set attr=\"URI\" value=\"${BASE}/c\"/>",
        "    <api:call op=\"jsonproviderGet\"><api:push/></api:call>",
        "  </api:script>",
        "</api:script>");
    write("Broken.rsd",
        "<api:script>",
        "  <api:info title=\"Broken\">",
        "    <attr name=\"id\" xs:type=\"int\">",                                        // 3: never closed
        "  </api:info>",
        "</api:script>");
    assertEquals(1, apiquery("profile", "check", profileDir.toString()));
    String dir = profileDir.toString();
    List<String> lines = outputLines();
    List<String> expected = List.of(
        dir + "/Bad.rsd:5: error: duplicate column 'name' (first declared at line 4 as 'Name')",
        dir + "/Bad.rsd:7: warning: input 'since' is never used: no [_input.since] in the URI or the script and no"
            + " other:filter, so WHERE since = ... changes no request",
        dir + "/Bad.rsd:10: warning: pagesize is set but no paging strategy is (pageurlpath, pageoffsetparam,"
            + " pagenumberparam, pagetokenpath or pagetokenfromrow): the table makes one request",
        dir + "/Bad.rsd:13: error: unknown keyword <api:sett>",
        dir + "/Cursor.rsd:5: warning: pagetokenpath is set without pagetokenparam: the token has no parameter to be"
            + " sent in, so the table cannot page",
        dir + "/Cursor.rsd:6: warning: unknown paging attribute 'pagetokenpth' (see docs/paging.md)");
    for (String e : expected) {
      assertTrue(lines.contains(e), "missing:\n" + e + "\nin:\n" + out);
    }
    assertTrue(lines.contains(dir + "/Broken.rsd:4: error: end tag </api:info> does not match <attr> opened at line 3"),
        out.toString());
    assertTrue(lines.get(lines.size() - 1).equals("3 files, 3 errors, 4 warnings"), out.toString());
  }

  @Test
  void theExampleProfilesAreClean() {
    // vendor-style files: scripted paging with a named item's pagetoken, nested calls, inputs
    assertEquals(0, apiquery("profile", "check", "src/test/resources/profile/examples"), out.toString());
    assertEquals(List.of("4 files, 0 errors, 0 warnings"), outputLines());
  }

  @Test
  void aGeneratedProfileIsClean() throws Exception {
    API.stubFor(get(urlPathEqualTo("/v1/notes")).willReturn(okJson("{\"data\":" + items(0, 2)
        + ",\"meta\":{\"next_cursor\":null}}")));
    ok("profile", "new", "--url", base() + "/v1/notes", "--out", out().toString());
    ok("profile", "check", profileDir.toString());
    assertEquals(List.of("1 files, 0 errors, 0 warnings"), outputLines());
  }

  @Test
  void liveRunsLimitOnePerTableAndPrintsTheFirstRequest() throws Exception {
    API.stubFor(get(urlPathEqualTo("/ok")).willReturn(okJson(items(0, 3))));
    API.stubFor(get(urlPathEqualTo("/gone")).willReturn(aResponse().withStatus(404).withBody("nope")));
    String table = "<api:script><api:info title=\"T\"><attr name=\"id\" xs:type=\"int\" other:xPath=\"id\"/></api:info>"
        + "<api:script method=\"GET\"><api:set attr=\"URI\" value=\"${BASE}/%s?k=[_connection.Region]\"/>"
        + "<api:call op=\"jsonproviderGet\"><api:push/></api:call></api:script></api:script>";
    write("Ok.rsd", table.formatted("ok"));
    write("Gone.rsd", table.formatted("gone"));
    assertEquals(1, apiquery("profile", "check", profileDir.toString(), "--live", "--options", "Region=eu"));
    List<String> lines = outputLines();
    assertTrue(lines.contains("Ok: first request GET " + base() + "/ok?k=eu (no paging)"), out.toString());
    assertTrue(lines.contains("Ok: 1 row"), out.toString());
    assertTrue(lines.contains("Gone: first request GET " + base() + "/gone?k=eu (no paging)"), out.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("Gone: failed: ") && l.contains("404")), out.toString());
    assertEquals(1, API.findAll(getRequestedFor(urlPathEqualTo("/ok"))).size(), "LIMIT 1 is one request");
  }
}
