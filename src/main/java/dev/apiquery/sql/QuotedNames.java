package dev.apiquery.sql;

import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Quoted identifiers match exactly. Calcite resolves every name case-insensitively (lex
 * MYSQL_ANSI: its name matcher sees strings, never whether they were quoted), and the validator
 * rewrites each table and column reference to the name it resolved, keeping the parser positions
 * (and their quoting). A quoted component whose text in the SQL differs from its resolved name
 * only in case was therefore matched case-insensitively: it is reported as not found.
 */
final class QuotedNames {
  private final String[] lines;

  private QuotedNames(String sql) {
    this.lines = sql.split("\r\n|\r|\n", -1);
  }

  /** Fails (as an unchecked wrapper of a 42S02 or 42S22 SQLException) on a case-mismatched quoted name. */
  static void check(String sql, SqlNode validated) {
    if (sql != null && sql.indexOf('"') >= 0) {
      new QuotedNames(sql).visit(validated, false);
    }
  }

  private void visit(SqlNode node, boolean table) {
    if (node instanceof SqlIdentifier id) {
      checkIdentifier(id, table);
    } else if (node instanceof SqlNodeList list) {
      list.forEach(n -> visit(n, false));
    } else if (node instanceof SqlSelect select) {
      for (SqlNode operand : select.getOperandList()) {
        visit(operand, operand != null && operand == select.getFrom());
      }
    } else if (node instanceof SqlJoin join) {
      visit(join.getLeft(), table);
      visit(join.getRight(), table);
      visit(join.getCondition(), false);
    } else if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        // In FROM, "t AS a": t names a table; a is a declaration (never rewritten).
        visit(operands.get(i), table && i == 0 && call.getKind() == SqlKind.AS);
      }
    }
  }

  private void checkIdentifier(SqlIdentifier id, boolean table) {
    for (int i = 0; i < id.names.size(); i++) {
      if (!id.isComponentQuoted(i)) {
        continue;
      }
      String written = quotedText(id.getComponentParserPosition(i));
      String resolved = id.names.get(i);
      if (written != null && !written.equals(resolved) && written.equalsIgnoreCase(resolved)) {
        String what = table ? "table" : "column";
        throw new IllegalStateException(new SQLException(what + " \"" + written + "\" not found; did you mean \""
            + resolved + "\"?", table ? "42S02" : "42S22"));
      }
    }
  }

  /** The name a double-quoted identifier at this position spells, or null if it is not written quoted there. */
  private String quotedText(SqlParserPos pos) {
    int line = pos.getLineNum() - 1;
    if (line < 0 || line >= lines.length) {
      return null;
    }
    String text = lines[line];
    // Calcite's SqlParser sets the tab size to 1: the column is the character's index + 1.
    int start = pos.getColumnNum() - 1;
    if (start < 0 || start >= text.length() || text.charAt(start) != '"') {
      return null; // such as the parser's own rewrite of an unquoted user, or an expanded qualifier
    }
    StringBuilder name = new StringBuilder();
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          name.append('"');
          i++;
        } else {
          return name.toString();
        }
      } else {
        name.append(c);
      }
    }
    return null;
  }
}
