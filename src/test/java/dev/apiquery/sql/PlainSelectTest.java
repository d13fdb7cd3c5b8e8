package dev.apiquery.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.jdbc.KeywordFriendlyParser;
import dev.apiquery.sql.PlainSelect.Name;
import dev.apiquery.sql.PlainSelect.RowBound;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
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
    assertEquals(new PlainSelect(List.of(name("items")), null, null, List.of(), 0, -1, false), PlainSelect.parse("select * from items"));
    assertEquals(new PlainSelect(List.of(name("Items")), null, null, List.of(), 0, 10, false),
        PlainSelect.parse("SELECT *\r\nFROM Items\r\nLIMIT 10"));
    assertEquals(new PlainSelect(List.of(name("items")), null, null, List.of(), 200, 100, false),
        PlainSelect.parse("select * from items limit 100 offset 200"));
    assertEquals(new PlainSelect(List.of(quoted("crm"), quoted("Accounts")), List.of(quoted("Id"), name("name"), quoted("a \"b\"")), null, List.of(), 0, 5, false),
        PlainSelect.parse("select \"Id\", name,\"a \"\"b\"\"\" from \"crm\".\"Accounts\" limit 5"));
    // Spark's JDBC source learns a table's columns so, and so do many BI tools.
    assertEquals(new PlainSelect(List.of(name("items")), null, null, List.of(), 0, -1, true), PlainSelect.parse("SELECT * FROM items WHERE 1=0"));
    assertEquals(new PlainSelect(List.of(name("items")), List.of(name("_row")), null, List.of(), 0, -1, false),
        PlainSelect.parse("select _row from items where 1 = 1"));
  }

  @Test
  void readsSparksPartitionQueries() {
    Name row = quoted("_row");
    assertEquals(new PlainSelect(List.of(name("Items")), List.of(quoted("id"), row), null,
            List.of(new RowBound(row, ">=", 12500), new RowBound(row, "<", 25000)), 0, -1, false),
        PlainSelect.parse("SELECT \"id\",\"_row\" FROM Items  WHERE \"_row\" >= 12500 AND \"_row\" < 25000   "));
    assertEquals(new PlainSelect(List.of(name("Items")), null, null, List.of(new RowBound(row, "<", 12500)), 0, -1, false),
        PlainSelect.parse("SELECT * FROM Items WHERE \"_row\" < 12500 or \"_row\" is null"));
    assertEquals(new PlainSelect(List.of(name("Items")), null, null,
            List.of(new RowBound(name("_ROW"), ">", 1), new RowBound(name("_ROW"), "<=", 9), new RowBound(name("_ROW"), "=", 4)),
            0, 3, false),
        PlainSelect.parse("select * from Items where _ROW>1 and _ROW<=9 and _ROW=4 limit 3"));
    // Spark's count(): a constant per row of the partition.
    assertEquals(new PlainSelect(List.of(name("items")), List.of(), 1, List.of(new RowBound(row, ">=", 10)), 0, -1, false),
        PlainSelect.parse("SELECT 1 FROM items  WHERE \"_row\" >= 10 "));
  }

  @Test
  void leavesEverythingElseToCalcite() {
    for (String sql : List.of(
        "", "select", "select * from", "select * from items;", "select * from items -- comment",
        "select * from items /* c */", "select id as i from items", "select i.id from items i",
        "select count(*) from items", "select distinct id from items", "select * from items where id = '1'",
        "select * from items where 1=0 or 1=1", "select * from items limit ?", "select * from items limit 0",
        "select * from items limit 1.5", "select * from items limit 10 offset", "select * from items offset 5",
        "select * from items order by id", "select * from a.b.c", "select * from items, other",
        "select id from items limit 1e3", "select id, from items", "select \"unterminated from items",
        "select \"caf\u00e9\" from items", "select caf\u00e9 from items", "select * from items limit 1234567890123456",
        "select user from items", "select current_timestamp from items", "select \"\" from items",
        "select id from items limit 5 limit 6", "values (1)", "explain plan for select * from items",
        "select " + "x".repeat(129) + " from items", "select * from items where _row <> 5",
        "select * from items where _row >= 5 or _row < 2", "select * from items where _row < 5 or id is null",
        "select * from items where (_row >= 1)", "select * from items where _row >= 1 and", "select * from items where _row",
        "select * from items where _row >= -1", "select * from items where 5 <= _row", "select * from items where _row => 1",
        "select * from items where 1=0 and _row < 5", "select * from items where _row < 5 or _row is not null",
        "select 1, 2 from items", "select 1, id from items", "select 3000000000 from items", "select -1 from items")) {
      assertNull(PlainSelect.parse(sql), sql);
    }
  }

  /**
   * A word Calcite's parser (ours: Babel with lex MYSQL_ANSI) does not read as a plain name where
   * PlainSelect reads one (a column, a table, a row bound), or that its validator reads as a
   * niladic function, is kept from being a plain name; and every kept word is one of those.
   */
  @Test
  void notNamesAreTheWordsCalciteDoesNotReadAsNames() throws Exception {
    SqlParser.Config config = SqlParser.config().withLex(Lex.MYSQL_ANSI).withParserFactory(KeywordFriendlyParser.FACTORY);
    SqlAbstractParserImpl.Metadata metadata = KeywordFriendlyParser.FACTORY.getParser(new StringReader("")).getMetadata();
    Set<String> expected = new TreeSet<>();
    for (String token : metadata.getTokens()) {
      if (token.matches("[A-Z_][A-Z0-9_]*") && !readsAsName(config, token)) {
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

  private static boolean readsAsName(SqlParser.Config config, String word) {
    for (String sql : List.of("select " + word + " from t", "select " + word + ", b from t", "select * from " + word,
        "select * from s." + word + " limit 1", "select * from t where " + word + " >= 1 and " + word + " < 2",
        "select * from t where " + word + " < 1 or " + word + " is null")) {
      try {
        SqlNode node = SqlParser.create(sql, config).parseStmt();
        if (!(node instanceof SqlSelect) && !(node instanceof SqlOrderBy)) {
          return false;
        }
      } catch (SqlParseException e) {
        return false;
      }
    }
    // The select item is the name itself (not a call such as CURRENT_DATE's).
    try {
      SqlSelect select = (SqlSelect) SqlParser.create("select " + word + " from t", config).parseStmt();
      return select.getSelectList().get(0) instanceof SqlIdentifier id && id.names.size() == 1
          && id.names.get(0).equalsIgnoreCase(word);
    } catch (SqlParseException e) {
      return false;
    }
  }
}
