package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A profile folder in the style of real vendor files (CRLF, raw {@code &}, no xmlns) where some
 * files are bad: the good tables work, the broken ones are listed with the reason and fail with
 * file and line when queried, and nothing is sent for them.
 */
class BrokenFilesTest extends ApiTestSupport {
  private static final List<String> FILES = List.of(
      "Projects", "Users", "Invoices", "Tasks", "Labels", "Events");

  @BeforeEach
  void copyProfile() throws IOException {
    for (String name : FILES) {
      try (InputStream in = getClass().getResourceAsStream("/profile/onebad/" + name + ".rsd")) {
        writeProfile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    API.stubFor(get(urlPathEqualTo("/v2/projects")).willReturn(okJson(
        "{\"projects\":[{\"id\":1,\"name\":\"Apollo\",\"created_at\":\"2024-01-05T10:00:00Z\"},"
            + "{\"id\":2,\"name\":\"Gemini\",\"created_at\":\"2024-02-01T08:30:00+01:00\"}]}")));
    API.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(
        "[{\"id\":7,\"email\":\"ann@x.test\",\"profile\":{\"email\":\"other@x.test\"}}]")));
  }

  private Map<String, String> remarks(Connection c) throws SQLException {
    Map<String, String> remarks = new TreeMap<>();
    try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", null)) {
      while (rs.next()) {
        remarks.put(rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
      }
    }
    return remarks;
  }

  @Test
  void goodTablesWorkAndEveryTableIsListedWithBrokenOnesSayingWhy() throws Exception {
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(1, "Apollo"), List.of(2, "Gemini")),
          rows(c, "SELECT id, name FROM Projects ORDER BY id"));
      API.verify(1, getRequestedFor(urlEqualTo(
          "/v2/projects?status=active&per_page=100&since=20240105&tag=b&tag2=c")));
      assertEquals(List.of(List.of(7, "ann@x.test")), rows(c, "SELECT id, email FROM Users"));
      API.verify(1, getRequestedFor(urlEqualTo("/v2/users?page=1&fields=id,email")));

      Map<String, String> remarks = remarks(c);
      assertEquals(FILES.stream().sorted().toList(), List.copyOf(remarks.keySet()));
      assertEquals("Projects of the workspace", remarks.get("Projects"));
      assertEquals("Events", remarks.get("Events"));
      assertEquals("cannot be loaded: Invoices.rsd:9: end tag </api:script> does not match"
          + " <api:call> opened at line 8", remarks.get("Invoices"));
      assertEquals("cannot be loaded: Tasks.rsd:4: unknown xs:type \"integr\" in <attr"
          + " name=\"estimate\"> (string, int, long, double, decimal, boolean, date, datetime, time,"
          + " ...: see docs/rsd.md)", remarks.get("Tasks"));
      assertEquals("cannot be loaded: Labels.rsd:6: unterminated ' in the arguments of 'def'",
          remarks.get("Labels"));
    }
  }

  @Test
  void aBrokenTableFailsWithFileAndLineAndSendsNothing() throws Exception {
    try (Connection c = connect()) {
      for (String[] t : new String[][] {
          {"Invoices", "Invoices.rsd:9: end tag </api:script>"},
          {"Tasks", "Tasks.rsd:4: unknown xs:type \"integr\""},
          {"Labels", "Labels.rsd:6: unterminated '"}}) {
        for (String sql : List.of("SELECT * FROM " + t[0], "SELECT COUNT(*) FROM " + t[0])) {
          SQLException e = assertThrows(SQLException.class, () -> rows(c, sql));
          assertTrue(e.getMessage().contains("Table '" + t[0] + "': " + t[1]), e.getMessage());
          assertEquals("HY000", e.getSQLState(), e.getMessage());
        }
      }
      assertEquals(0, API.findAll(anyRequestedFor(anyUrl())).size());
      // The connection is still good.
      assertEquals(2, rows(c, "SELECT * FROM Projects").size());
    }
  }

  @Test
  void anUnknownFormatterFailsOnlyTheQueryThatReachesItNamingFileLineAndFormatter()
      throws Exception {
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM Events"));
      assertTrue(e.getMessage().contains("Events.rsd:6: formatter todatetime in [_input.since]:"
          + " unknown formatter"), e.getMessage());
      assertEquals(0, API.findAll(anyRequestedFor(anyUrl())).size());
      assertEquals(1, rows(c, "SELECT * FROM Users").size());
    }
  }

  @Test
  void aRepeatedAttrIsAWarningInRemarksAndTheFirstDeclarationWins() throws Exception {
    try (Connection c = connect()) {
      assertEquals("Workspace users [warning: Users.rsd:5: column 'email' is declared again"
          + " (first as 'email' at line 4); the first declaration is used]", remarks(c).get("Users"));
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "Users", "%")) {
        int columns = 0;
        while (rs.next()) {
          columns++;
        }
        assertEquals(3, columns); // id, email (once), _row
      }
      assertEquals(List.of(List.of("ann@x.test")), rows(c, "SELECT email FROM Users"));
    }
  }

  @Test
  void theConnectionLogNamesEachBrokenTableAtVerbosityOne() throws Exception {
    Path log = profileDir.resolve("driver.log");
    try (Connection c = connect("Logfile=" + log + ";Verbosity=1")) {
      assertEquals(2, rows(c, "SELECT * FROM Projects").size());
    }
    String text = Files.readString(log);
    assertTrue(text.contains("table Tasks is not usable: Tasks.rsd:4: unknown xs:type"), text);
    assertTrue(text.contains("table Invoices is not usable: Invoices.rsd:9:"), text);
    assertTrue(text.contains("table Labels is not usable: Labels.rsd:6:"), text);
  }

  @Test
  void aFolderWhoseOnlyFileIsBrokenStillConnects() throws Exception {
    for (String name : FILES) {
      if (!name.equals("Tasks")) {
        Files.delete(profileDir.resolve(name + ".rsd"));
      }
    }
    try (Connection c = connect()) {
      assertEquals(List.of("Tasks"), List.copyOf(remarks(c).keySet()));
      assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM Tasks"));
    }
  }
}
