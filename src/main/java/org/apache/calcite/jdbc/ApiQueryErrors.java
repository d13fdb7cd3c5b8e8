package org.apache.calcite.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * What a user sees when a statement fails (DESIGN 7): the driver's own SQLException as raised,
 * else one short line with a SQLState: class 42 for syntax and validation errors, {@code 0A000}
 * for writes and for queries the planner cannot run. Never null, never a planner dump, never
 * Avatica's "Error while executing SQL" wrapper.
 */
final class ApiQueryErrors {
  /** A statement that would change data: the first keyword, after comments and parentheses. */
  private static final Pattern WRITE = Pattern.compile(
      "^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/|\\()*(INSERT|UPSERT|UPDATE|DELETE|MERGE|CREATE|DROP|ALTER|TRUNCATE)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private ApiQueryErrors() {}

  /** The exception to throw for a failure of {@code sql} (null when it is not known). */
  static SQLException translate(String sql, Throwable failure) {
    Matcher write = sql == null ? null : WRITE.matcher(sql);
    if (write != null && write.find()) {
      return new SQLFeatureNotSupportedException(
          "apiquery is read-only: " + write.group(1).toUpperCase(Locale.ROOT) + " is not supported", "0A000");
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException own && own.getSQLState() != null) {
        return own;
      }
      if (t instanceof SqlParseException parse) {
        // No cause: its message lists every token the parser expected (hundreds of lines).
        return new SQLSyntaxErrorException("SQL syntax error: " + firstLine(parse.getMessage()), "42000");
      }
      if (t instanceof CalciteContextException context) {
        return validation(context);
      }
      if (t instanceof RelOptPlanner.CannotPlanException plan) {
        return new SQLFeatureNotSupportedException(
            "apiquery cannot run this query: " + firstLine(plan.getMessage()), "0A000");
      }
    }
    return new SQLException(innermostMessage(failure), "HY000", failure);
  }

  /** "Object 'x' not found" is 42S02, "Column 'x' not found" 42S22, anything else 42000. */
  private static SQLException validation(CalciteContextException context) {
    Throwable cause = context.getCause();
    String message = cause != null && cause.getMessage() != null ? cause.getMessage() : context.getMessage();
    String state = "42000";
    if (message.startsWith("Object '") && message.contains("not found")) {
      state = "42S02";
    } else if (message.startsWith("Column '") && message.contains("not found")) {
      state = "42S22";
    }
    String where = context.getPosLine() > 0
        ? " (line " + context.getPosLine() + ", column " + context.getPosColumn() + ")" : "";
    return new SQLSyntaxErrorException(firstLine(message) + where, state, context);
  }

  private static String innermostMessage(Throwable failure) {
    String message = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message == null ? failure.getClass().getSimpleName() : firstLine(message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).trim();
  }
}
