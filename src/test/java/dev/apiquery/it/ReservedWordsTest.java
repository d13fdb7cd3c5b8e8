package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API names that are SQL keywords work unquoted; quoted names still match exactly. */
class ReservedWordsTest extends ApiTestSupport {

  @BeforeEach
  void setUp() throws Exception {
    API.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson("""
        [{"value":"v1","user":"ann","year":2024,"start":"s","groups":"g","day":"mon","at":"here","search":"x"}]""")));
    for (String table : List.of("search", "groups", "start", "value", "user", "year")) {
      writeProfile(table, rsd("""
              <attr name="value" xs:type="string" other:xPath="value"/>
              <attr name="user" xs:type="string" other:xPath="user"/>
              <attr name="year" xs:type="int" other:xPath="year"/>
              <attr name="start" xs:type="string" other:xPath="start"/>
              <attr name="groups" xs:type="string" other:xPath="groups"/>
              <attr name="search" xs:type="string" other:xPath="search"/>
              <attr name="day" xs:type="string" other:xPath="day"/>
              <attr name="at" xs:type="string" other:xPath="at"/>
              <input name="query" xs:type="string" other:filter="q"/>
          """, "${BASE}/search", ""));
    }
  }

  @Test
  void keywordsWorkAsTableAndColumnNamesUnquoted() throws Exception {
    try (Connection c = connect()) {
      for (String table : List.of("search", "groups", "start", "value", "user", "year")) {
        assertEquals(
            List.of(List.of("v1", "ann", 2024, "s", "g", "x", "mon", "here")),
            rows(c, "select value, user, year, start, groups, search, day, at from " + table
                + " where value = 'v1' and year = 2024 and user = 'ann'"),
            table);
      }
      assertEquals(List.of(List.of("v1")), rows(c, "select s.value from search s where s.start = 's' order by value"));
      assertEquals(List.of(List.of(1L)), rows(c, "select count(*) from groups group by year"));
    }
    assertEquals(8, API.getAllServeEvents().size());
  }

  @Test
  void aKeywordColumnIsPushedLikeAnyOther() throws Exception {
    API.resetRequests();
    try (Connection c = connect()) {
      assertEquals(List.of(List.of("v1")), rows(c, "select value from search where query = 'abc'"));
    }
    API.verify(1, getRequestedFor(urlEqualTo("/search?q=abc")));
  }

  @Test
  void quotedIdentifiersStillWorkAndUserIsTheColumnNotTheFunction() throws Exception {
    try (Connection c = connect()) {
      assertEquals(List.of(List.of("v1", "ann", "ann")), rows(c, "select \"value\", \"user\", user from \"search\""));
      // Quoted names match exactly (docs/sql.md); unquoted ones in any case.
      SQLException quoted = assertThrows(SQLException.class, () -> rows(c, "select \"VALUE\" from search"));
      assertEquals("42S22", quoted.getSQLState(), quoted.getMessage());
      assertEquals(List.of(List.of("v1")), rows(c, "select VALUE from search"));
      assertEquals(List.of(List.of(true)), rows(c, "select current_user is not null from search"));
      SQLException t = assertThrows(SQLException.class, () -> rows(c, "select * from \"nosuch\""));
      assertEquals("42S02", t.getSQLState(), t.getMessage());
    }
  }
}
