package dev.apiquery.jdbc;

import java.io.Reader;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Calcite's Babel parser (most keywords non-reserved), with one more step: an unquoted
 * {@code user} is a name, not the niladic USER function. Calcite's validator prefers such a
 * function over a column of the same name, so {@code SELECT user FROM t} would answer the
 * session user instead of the API's {@code user} field. CURRENT_USER still names the function.
 */
public final class KeywordFriendlyParser extends SqlBabelParserImpl {
  /** Named in the {@code parserFactory} connection property. */
  public static final SqlParserImplFactory FACTORY = reader -> new KeywordFriendlyParser(reader);

  private static final SqlShuttle NAMES = new SqlShuttle() {
    @Override
    public SqlNode visit(SqlIdentifier id) {
      if (id.names.size() == 1 && !id.isComponentQuoted(0) && "USER".equalsIgnoreCase(id.names.get(0))) {
        // Marked as quoted, it resolves as a column (still case-insensitively: lex MYSQL_ANSI).
        SqlParserPos pos = id.getParserPosition();
        return new SqlIdentifier(List.of(id.names.get(0)), null, pos, List.of(pos.withQuoting(true)));
      }
      return id;
    }
  };

  private KeywordFriendlyParser(Reader reader) {
    super(reader);
  }

  @Override
  public SqlNode parseSqlStmtEof() throws Exception {
    return rewrite(super.parseSqlStmtEof());
  }

  @Override
  public SqlNode parseSqlExpressionEof() throws Exception {
    return rewrite(super.parseSqlExpressionEof());
  }

  @Override
  public SqlNodeList parseSqlStmtList() throws Exception {
    SqlNodeList list = super.parseSqlStmtList();
    SqlNodeList out = new SqlNodeList(list.getParserPosition());
    for (SqlNode node : list) {
      out.add(rewrite(node));
    }
    return out;
  }

  private static SqlNode rewrite(SqlNode node) {
    return node == null ? null : node.accept(NAMES);
  }
}
