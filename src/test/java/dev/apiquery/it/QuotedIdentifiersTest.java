package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 9 item 7: unquoted names match in any case, quoted ones exactly. */
class QuotedIdentifiersTest extends ApiTestSupport {

  @BeforeEach
  void setUp() throws Exception {
    API.stubFor(get(urlEqualTo("/accounts")).willReturn(okJson("""
        [{"Id":1,"Name":"Ann"},{"Id":2,"Name":"Bob"}]""")));
    writeProfile("Accounts", rsd("""
            <attr name="Id" xs:type="int" key="true" other:xPath="$.Id"/>
            <attr name="Name" xs:type="string" other:xPath="$.Name"/>
        """, "${BASE}/accounts", "").replace("\r\n", "\n").replace("\n", "\r\n"));
  }

  private static final List<List<Object>> BOTH = List.of(List.of(1, "Ann"), List.of(2, "Bob"));

  @Test
  void exactlyQuotedTableAndColumnNamesWork() throws Exception {
    try (Connection c = connect()) {
      assertEquals(BOTH, rows(c, "select \"Id\", \"Name\" from \"Accounts\""));
      assertEquals(BOTH, rows(c, "select a.\"Id\", \"a\".\"Name\" from \"Accounts\" \"a\" where \"Id\" > 0"));
      assertEquals(BOTH, rows(c, "select\t\"Id\",\r\n\t\"Name\"\r\nfrom\t\"Accounts\""));
    }
    assertEquals(3, API.getAllServeEvents().size());
  }

  @Test
  void unquotedNamesMatchInAnyCase() throws Exception {
    try (Connection c = connect()) {
      assertEquals(BOTH, rows(c, "select id, NAME from ACCOUNTS"));
      assertEquals(BOTH, rows(c, "select Id, name from accounts where ID > 0 order by iD"));
    }
    assertEquals(2, API.getAllServeEvents().size());
  }

  @Test
  void aCaseMismatchedQuotedTableIsNotFound() throws Exception {
    try (Connection c = connect()) {
      for (String table : List.of("\"ACCOUNTS\"", "\"accounts\"")) {
        SQLException e = assertThrows(SQLException.class, () -> rows(c, "select id from " + table));
        assertEquals("42S02", e.getSQLState());
        assertEquals("table " + table + " not found; did you mean \"Accounts\"?", e.getMessage());
      }
      SQLException e = assertThrows(SQLException.class,
          () -> c.prepareStatement("select a.id from accounts a join \"accounts\" b on a.id = b.id"));
      assertEquals("42S02", e.getSQLState());
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  @Test
  void aCaseMismatchedQuotedColumnIsNotFound() throws Exception {
    try (Connection c = connect()) {
      for (String sql : List.of("select \"ID\" from accounts", "select id from accounts where \"name\" = 'Ann'",
          "select a.\"id\" from \"Accounts\" a", "select\tname,\r\n\t\"id\" from accounts")) {
        SQLException e = assertThrows(SQLException.class, () -> rows(c, sql), sql);
        assertEquals("42S22", e.getSQLState(), sql);
        assertEquals(true, e.getMessage().matches("column \"(ID|id|name)\" not found; did you mean \"(Id|Name)\"\\?"),
            e.getMessage());
      }
      // A failed check is not kept as a plan: the same text fails again.
      SQLException again = assertThrows(SQLException.class, () -> rows(c, "select \"ID\" from accounts"));
      assertEquals("column \"ID\" not found; did you mean \"Id\"?", again.getMessage());
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  @Test
  void quotedAliasReferencesStillWork() throws Exception {
    try (Connection c = connect()) {
      assertEquals(List.of(List.of(1), List.of(2)), rows(c, "select \"x\" from (select id as \"x\" from accounts)"));
      assertEquals(List.of(List.of(1), List.of(2)),
          rows(c, "select \"X\" from (select \"Id\" as \"X\" from \"Accounts\") order by \"X\""));
      try (PreparedStatement ps = c.prepareStatement("select \"Name\" from \"Accounts\" where \"Id\" = ?")) {
        ps.setInt(1, 2);
        assertEquals(List.of(List.of("Bob")), rows(ps.executeQuery()));
      }
    }
    assertEquals(3, API.getAllServeEvents().size());
  }
}
