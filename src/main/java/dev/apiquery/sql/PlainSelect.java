package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The plainest queries, recognised from their text: {@code SELECT * | columns | n FROM [schema.]table
 * [WHERE m = n | WHERE _row op n [AND _row op n]...] [LIMIT n [OFFSET m]]}. They are what a fresh
 * JVM runs first (DBeaver's preview, {@code bin/apiquery query}, Spark's schema query
 * {@code WHERE 1=0} and its partition queries, {@code WHERE "_row" >= 12500 AND "_row" < 25000},
 * {@code "_row" < 12500 or "_row" is null} for the first), and need nothing of
 * Calcite's parser, validator and planner, whose first use costs about a second of CPU
 * ({@link PlainPrepare}).
 *
 * <p>Anything else, or anything that might read differently to Calcite, is not recognised (null)
 * and goes to Calcite, which also reports every error: comments, a trailing {@code ;}, aliases,
 * expressions, parameters, non-ASCII or over-long unquoted names, {@code LIMIT 0}, reserved words
 * and names that Calcite reads as niladic functions ({@code CURRENT_DATE}, {@code USER}, ...).
 *
 * @param table the table's name, one or two parts
 * @param columns the selected columns, or null for {@code *} (empty for a constant)
 * @param constant the one integer selected ({@code SELECT 1 FROM t ...}: Spark's {@code count()}),
 *     or null
 * @param rows comparisons of a column (to be {@code _row}) with a number, all to hold
 * @param offset rows skipped, 0 without OFFSET
 * @param fetch rows returned, -1 without LIMIT
 * @param empty a {@code WHERE} between two different numbers: no rows
 */
record PlainSelect(List<Name> table, List<Name> columns, Integer constant, List<RowBound> rows, long offset,
    long fetch, boolean empty) {

  /** An identifier as written: its text (unquoted, escapes undone) and whether it was quoted. */
  record Name(String text, boolean quoted) {}

  /** {@code column op value}, op one of {@code >= > < <= =}. */
  record RowBound(Name column, String op, long value) {}

  // Calcite's identifier length limit (SqlParser.Config.identifierMaxLength's default).
  private static final int MAX_NAME_LENGTH = 128;
  // Integers read here stay far from long's range; a longer literal goes to Calcite.
  private static final int MAX_DIGITS = 15;

  /**
   * Words an unquoted name must not be: those the Babel parser does not read as a name where this
   * reader reads one (its reserved words, and literals and operators such as TRUE, NOT, EXISTS),
   * and the niladic functions its validator prefers to a column of the same name.
   * {@code PlainSelectTest} derives the list from the parser and the operator table.
   */
  static final Set<String> NOT_NAMES = Set.of(
      "ALL", "ANY", "ASOF", "BY", "CALL", "CASE", "CREATE", "CROSS", "CURRENT", "CURSOR", "DATE",
      "DATEADD", "DATEDIFF", "DATEPART", "DATETIME", "DATE_PART", "DEFAULT", "DEFINE", "DELETE",
      "DESCRIBE", "DISTINCT", "DROP", "EXCEPT", "EXISTS", "EXPLAIN", "FALSE", "FETCH", "FINAL",
      "FRIDAY", "FROM", "FULL", "GRANT", "GROUP", "GROUPING", "HAVING", "IN", "INNER", "INSERT",
      "INTERSECT", "INTERVAL", "INTO", "JOIN", "JSON_SCOPE", "LATERAL", "LEFT", "LIMIT",
      "MATCH_CONDITION", "MATCH_RECOGNIZE", "MEASURE", "MERGE", "MINUS", "MONDAY", "NATURAL", "NEW",
      "NEXT", "NOT", "NULL", "OFFSET", "ON", "ORDER", "ORDINAL", "OUTER", "OVER", "PARTITION",
      "PATTERN", "QUALIFY", "RANGE", "RIGHT", "ROLLUP", "ROW", "ROWS", "RUNNING", "SAFE_CAST",
      "SAFE_OFFSET", "SAFE_ORDINAL", "SATURDAY", "SELECT", "SET", "SKIP", "SNAPSHOT", "SOME",
      "STREAM", "SUNDAY", "TABLE", "TABLESAMPLE", "THEN", "THURSDAY", "TIME", "TIMESTAMP", "TRUE",
      "TRY_CAST", "TUESDAY", "UNION", "UNIQUE", "UNKNOWN", "UNNEST", "UNSIGNED", "UPDATE", "USING",
      "UUID", "VALUES", "VARIANT", "VOLATILE", "WEDNESDAY", "WHEN", "WHERE", "WINDOW", "WITH",
      // niladic functions
      "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA",
      "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "LOCALTIME", "LOCALTIMESTAMP",
      "SESSION_USER", "SYSTEM_USER", "USER");

  /** The query this text is, or null if it is not one of the plain ones. */
  static PlainSelect parse(String sql) {
    List<PlainToken> tokens = PlainToken.read(sql);
    return tokens == null ? null : new Reader(tokens).statement();
  }

  /** The grammar, over the tokens; every method answers null (not plain) at the first surprise. */
  private static final class Reader {
    private final List<PlainToken> tokens;
    private int at;

    Reader(List<PlainToken> tokens) {
      this.tokens = tokens;
    }

    PlainSelect statement() {
      if (!keyword("SELECT")) {
        return null;
      }
      List<Name> columns = null;
      Integer constant = null;
      if (next() != null && next().kind() == PlainToken.NUMBER) {
        long value = number();
        if (value > Integer.MAX_VALUE) {
          return null; // a BIGINT literal: Calcite's
        }
        constant = (int) value;
        columns = List.of();
      } else if (!symbol('*')) {
        columns = new ArrayList<>();
        do {
          Name column = name();
          if (column == null) {
            return null;
          }
          columns.add(column);
        } while (symbol(','));
      }
      if (!keyword("FROM")) {
        return null;
      }
      List<Name> table = new ArrayList<>();
      Name part = name();
      if (part == null) {
        return null;
      }
      table.add(part);
      if (symbol('.')) {
        part = name();
        if (part == null) {
          return null;
        }
        table.add(part);
      }
      boolean empty = false;
      List<RowBound> rows = new ArrayList<>();
      if (keyword("WHERE")) {
        if (next() != null && next().kind() == PlainToken.NUMBER) {
          long left = number();
          if (left < 0 || !symbol('=')) {
            return null;
          }
          long right = number();
          if (right < 0) {
            return null;
          }
          empty = left != right;
        } else {
          do {
            RowBound bound = rowBound();
            if (bound == null) {
              return null;
            }
            rows.add(bound);
          } while (keyword("AND"));
        }
      }
      long offset = 0;
      long fetch = -1;
      if (keyword("LIMIT")) {
        fetch = number();
        if (fetch <= 0) {
          return null; // LIMIT 0 is planned as no rows at all: Calcite's
        }
        if (keyword("OFFSET")) {
          offset = number();
          if (offset < 0) {
            return null;
          }
        }
      }
      return at == tokens.size()
          ? new PlainSelect(List.copyOf(table), columns == null ? null : List.copyOf(columns), constant, List.copyOf(rows),
              offset, fetch, empty)
          : null;
    }

    /** {@code c op n}, or Spark's first partition {@code c < n or c is null} (the row position is never null). */
    private RowBound rowBound() {
      Name column = name();
      PlainToken op = next();
      if (column == null || op == null || op.kind() != PlainToken.COMPARISON && op.kind() != '=') {
        return null;
      }
      at++;
      long value = number();
      if (value < 0) {
        return null;
      }
      if (keyword("OR")) {
        Name again = name();
        if (again == null || !again.equals(column) || !keyword("IS") || !keyword("NULL")) {
          return null;
        }
      }
      return new RowBound(column, op.text(), value);
    }

    private PlainToken next() {
      return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean keyword(String word) {
      PlainToken token = next();
      if (token != null && token.kind() == PlainToken.WORD && token.text().equalsIgnoreCase(word)) {
        at++;
        return true;
      }
      return false;
    }

    private boolean symbol(char symbol) {
      PlainToken token = next();
      if (token != null && token.kind() == symbol) {
        at++;
        return true;
      }
      return false;
    }

    private long number() {
      PlainToken token = next();
      if (token == null || token.kind() != PlainToken.NUMBER || token.text().length() > MAX_DIGITS) {
        return -1;
      }
      at++;
      return Long.parseLong(token.text());
    }

    private Name name() {
      PlainToken token = next();
      if (token == null || token.text().isEmpty() || token.text().length() > MAX_NAME_LENGTH) {
        return null;
      }
      if (token.kind() == PlainToken.QUOTED) {
        at++;
        return new Name(token.text(), true);
      }
      if (token.kind() != PlainToken.WORD || NOT_NAMES.contains(token.text().toUpperCase(Locale.ROOT))) {
        return null;
      }
      at++;
      return new Name(token.text(), false);
    }
  }
}
