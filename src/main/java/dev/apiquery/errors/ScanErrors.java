package dev.apiquery.errors;

import java.sql.SQLException;

/**
 * The SQLExceptions a scan raises, each naming the table and, where there is one, the request
 * (method and redacted URL), the page and the HTTP status, so the user can act on it.
 */
public final class ScanErrors {
  private ScanErrors() {}

  /** SQLState of an I/O failure talking to the API: communication link failure. */
  public static final String IO = "08S01";
  /** SQLState of a 401/403 answer. */
  public static final String AUTHORIZATION = "28000";
  /** SQLState of a response that is not the data the profile describes. */
  public static final String DATA = "22000";
  /** SQLState of a profile or query the driver cannot run. */
  public static final String GENERAL = "HY000";
  /** SQLState of a missing required input. */
  public static final String MISSING_INPUT = "07001";

  public static SQLException of(String table, String message, String sqlState, Throwable cause) {
    return new SQLException("Table '" + table + "': " + message, sqlState, cause);
  }

  /** A failed HTTP exchange: {@link SQLException#getErrorCode()} is the HTTP status. */
  public static SQLException http(String table, String message, int status) {
    return new SQLException("Table '" + table + "': " + message, httpState(status), status);
  }

  public static String httpState(int status) {
    if (status == 401 || status == 403) {
      return AUTHORIZATION;
    }
    if (status == 429 || status >= 500) {
      return IO;
    }
    return GENERAL;
  }

  /** Lets a checked SQLException leave {@code Enumerator.moveNext()}, which declares none. */
  @SuppressWarnings("unchecked")
  public static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }
}
