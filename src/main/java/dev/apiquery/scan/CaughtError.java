package dev.apiquery.scan;

import java.sql.SQLException;

/**
 * What an {@code api:catch} sees of an error: the code it is matched by ({@code api:throw}'s own
 * code, the HTTP status of a failed request, else the SQLState), the description and the
 * details. Messages are the query's own, already redacted.
 */
record CaughtError(String code, String desc, String details) {
  /** SQLStates of a cancelled or timed-out query, which no catch may swallow. */
  private static final String CANCELLED = "HY008";
  private static final String TIMED_OUT = "HYT00";

  static CaughtError of(SQLException e) {
    if (e instanceof ThrownError thrown) {
      return thrown.parts();
    }
    String code = e.getErrorCode() != 0 ? Integer.toString(e.getErrorCode())
        : e.getSQLState() == null ? "" : e.getSQLState();
    return new CaughtError(code, e.getMessage(), "");
  }

  static boolean catchable(SQLException e) {
    return !CANCELLED.equals(e.getSQLState()) && !TIMED_OUT.equals(e.getSQLState())
        && !Thread.currentThread().isInterrupted();
  }
}
