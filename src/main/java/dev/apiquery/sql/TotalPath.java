package dev.apiquery.sql;

import dev.apiquery.profile.ColumnDef;
import dev.apiquery.profile.TableDef;
import dev.apiquery.profile.script.RsdScript;
import dev.apiquery.profile.script.SetStatement;
import dev.apiquery.profile.script.Statement;
import dev.apiquery.scan.ScriptShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a table's responses say how many rows the whole chain has, known before anything runs:
 * the profile's {@code pagetotalpath} attribute ({@code /json/total}), or else an output column
 * named {@code totalSize}, {@code total} or {@code count} whose path is a document value outside
 * the rows ({@code /json/totalSize} next to {@code JSONPath=$.records}). Only for a simple script
 * (one call whose items are the rows) and a literal attribute value, so that the first page of
 * the chain holds the total for exactly the rows a scan would return.
 */
final class TotalPath {
  /** The attribute that names the total; a document path ({@code /json/total}). */
  static final String ATTRIBUTE = "pagetotalpath";
  private static final Set<String> TOTAL_COLUMNS = Set.of("totalsize", "total", "count");
  private static final List<String> ROW_PATH_ATTRIBUTES = List.of("JSONPath", "XPath", "RepeatElement");

  private TotalPath() {}

  /** The document path of the table's total row count, or null when the profile names none. */
  static String of(TableDef def) {
    if (def.isBroken() || !(def.script() instanceof RsdScript script) || !ScriptShape.of(script).simple()) {
      return null;
    }
    List<Statement> scopes = new ArrayList<>(script.globalStatements());
    scopes.addAll(script.getStatements());
    String attribute = literalSet(scopes, List.of(ATTRIBUTE));
    if (attribute != null) {
      return attribute;
    }
    String rows = literalSet(scopes, ROW_PATH_ATTRIBUTES);
    if (rows == null) {
      return null; // rows at the top level: /json/total would be a field of each row
    }
    String rowPrefix = normalized(rows) + "/";
    for (ColumnDef column : def.columns()) {
      String path = column.xPath() == null ? "" : normalized(column.xPath());
      if (TOTAL_COLUMNS.contains(column.name().toLowerCase(Locale.ROOT)) && path.startsWith("/json/")
          && !path.startsWith(rowPrefix)) {
        return column.xPath();
      }
    }
    return null;
  }

  /** The literal value of the last top-level {@code api:set} of one of the attributes, or null. */
  private static String literalSet(List<Statement> statements, List<String> attributes) {
    String value = null;
    for (Statement statement : statements) {
      if (statement instanceof SetStatement set && set.item() == null && !set.attr().contains(".")
          && attributes.stream().anyMatch(set.attrName()::equalsIgnoreCase)) {
        value = set.value().isLiteral() && !set.value().raw().isBlank() ? set.value().raw().trim() : null;
      }
    }
    return value;
  }

  /** {@code $.a.b} and {@code /json/a/b} alike, as {@code /json/a/b}. */
  private static String normalized(String path) {
    String p = path.trim();
    if (p.startsWith("$")) {
      p = "/json" + p.substring(1).replace('.', '/');
    }
    return p.replaceAll("/+$", "");
  }
}
