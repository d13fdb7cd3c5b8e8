package dev.apiquery.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.jdbc.KeywordFriendlyParser;
import dev.apiquery.sql.PlainSelect.Name;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.junit.jupiter.api.Test;

class PlainSelectTest {
  private static Name name(String text) {
    return new Name(text, false);
  }

  private static Name quoted(String text) {
    return new Name(text, true);
  }

  @Test
  void readsTheQueriesAFreshJvmRunsFirst() {
    assertEquals(new PlainSelect(List.of(name("items")), null, 0, -1, false), PlainSelect.parse("select * from items"));
    assertEquals(new PlainSelect(List.of(name("Items")), null, 0, 10, false),
        PlainSelect.parse("SELECT *\r\nFROM Items\r\nLIMIT 10"));
    assertEquals(new PlainSelect(List.of(name("items")), null, 200, 100, false),
        PlainSelect.parse("select * from items limit 100 offset 200"));
    assertEquals(new PlainSelect(List.of(quoted("crm"), quoted("Accounts")), List.of(quoted("Id"), name("name"), quoted("a \"b\"")), 0, 5, false),
        PlainSelect.parse("select \"Id\", name,\"a \"\"b\"\"\" from \"crm\".\"Accounts\" limit 5"));
    // Spark's JDBC source learns a table's columns so, and so do many BI tools.
    assertEquals(new PlainSelect(List.of(name("items")), null, 0, -1, true), PlainSelect.parse("SELECT * FROM items WHERE 1=0"));
    assertEquals(new PlainSelect(List.of(name("items")), List.of(name("_row")), 0, -1, false),
        PlainSelect.parse("select _row from items where 1 = 1"));
  }

  @Test
  void leavesEverythingElseToCalcite() {
    for (String sql : List.of(
        "", "select", "select * from", "select * from items;", "select * from items -- comment",
        "select * from items /* c */", "select id as i from items", "select i.id from items i",
        "select count(*) from items", "select distinct id from items", "select * from items where id = 1",
        "select * from items where 1=0 or 1=1", "select * from items limit ?", "select * from items limit 0",
        "select * from items limit 1.5", "select * from items limit 10 offset", "select * from items offset 5",
        "select * from items order by id", "select * from a.b.c", "select * from items, other",
        "select id from items limit 1e3", "select id, from items", "select \"unterminated from items",
        "select \"caf\u00e9\" from items", "select caf\u00e9 from items", "select * from items limit 1234567890123456",
        "select user from items", "select current_timestamp from items", "select \"\" from items",
        "select id from items limit 5 limit 6", "values (1)", "explain plan for select * from items",
        "select " + "x".repeat(129) + " from items")) {
      assertNull(PlainSelect.parse(sql), sql);
    }
  }

  /** Every reserved word of the Babel parser, and every niladic function, is kept from being a plain name. */
  @Test
  void notNamesAreTheParsersReservedWordsAndTheNiladicFunctions() {
    SqlAbstractParserImpl.Metadata metadata = KeywordFriendlyParser.FACTORY.getParser(new StringReader("")).getMetadata();
    Set<String> expected = new TreeSet<>();
    for (String token : metadata.getTokens()) {
      if (metadata.isReservedWord(token) && token.matches("[A-Z_][A-Z0-9_]*")) {
        expected.add(token);
      }
    }
    for (SqlOperator operator : SqlStdOperatorTable.instance().getOperatorList()) {
      if (operator.getSyntax() == SqlSyntax.FUNCTION_ID) {
        expected.add(operator.getName().toUpperCase(Locale.ROOT));
      }
    }
    assertTrue(expected.contains("SELECT") && expected.contains("CURRENT_DATE"), expected.toString());
    assertEquals(expected, new TreeSet<>(PlainSelect.NOT_NAMES));
  }
}
