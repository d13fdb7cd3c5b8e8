package dev.apiquery.sql;

import dev.apiquery.scan.ScanWarnings;
import java.sql.SQLTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * The statement's cancel flag and deadline, as Calcite hands them to a scan through the
 * {@link DataContext}. Calcite sets both but enforces neither, so the scan checks them.
 */
final class QueryControl {
  private final AtomicBoolean cancelFlag;
  private final long deadlineNanos;
  private final long timeoutMillis;
  private final long maxRows;

  private QueryControl(AtomicBoolean cancelFlag, long timeoutMillis, long maxRows) {
    this.cancelFlag = cancelFlag;
    this.maxRows = maxRows;
    this.timeoutMillis = timeoutMillis;
    this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : Long.MAX_VALUE;
  }

  static QueryControl from(DataContext root, long exchangeTimeoutMillis) {
    AtomicBoolean flag = root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
    Object timeout = root == null ? null : root.get(DataContext.Variable.TIMEOUT.camelName);
    long queryTimeout = timeout instanceof Number n ? n.longValue() : 0;
    Object maxRows = root == null ? null : root.get(MaxRowsPrepare.MAX_ROWS);
    return new QueryControl(flag == null ? new AtomicBoolean() : flag, queryTimeout,
        maxRows instanceof Number n ? n.longValue() : -1);
  }

  /** The statement's {@code setMaxRows}, or -1. */
  long maxRows() {
    return maxRows;
  }

  /** The statement's cancel flag: it also identifies the statement (see ScanWarnings). */
  AtomicBoolean statementFlag() {
    return cancelFlag;
  }

  boolean cancelled() {
    return cancelFlag.get();
  }

  /** Whether the query's deadline is at most {@code millis} away (or past). */
  boolean expiresWithin(long millis) {
    return deadlineNanos != Long.MAX_VALUE && deadlineNanos - System.nanoTime() <= millis * 1_000_000L;
  }

  /** Milliseconds left before the statement's query timeout; Long.MAX_VALUE without one. */
  long remainingMillis() throws SQLTimeoutException {
    if (deadlineNanos == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
    if (left <= 0) {
      throw new SQLTimeoutException(
          "Query timed out after " + timeoutMillis / 1000.0 + " s (Statement.setQueryTimeout)", "HYT00");
    }
    return left;
  }
}
