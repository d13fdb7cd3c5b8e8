package dev.apiquery.scan;

import dev.apiquery.http.CallTracker;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import okhttp3.Call;

/**
 * The HTTP calls of one scan: counts them in its statistics, bounds each exchange by the
 * connection's Timeout and what is left of the query's, waits (for retries and rate limits) only
 * while the statement is neither cancelled nor out of time, and aborts every call in flight when
 * the scan closes.
 */
public final class ScanCalls implements CallTracker {
  private final String table;
  private final ScanStats stats;
  private final long timeoutMillis;
  private final BooleanSupplier cancelled;
  private final Remaining remainingMillis;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();

  /** What is left of the query's time; fails when it is already spent. */
  @FunctionalInterface
  public interface Remaining {
    long millis() throws SQLException;
  }

  /**
   * @param timeoutMillis the connection's Timeout for one exchange
   * @param cancelled whether the scan is closed or its statement cancelled
   * @param remainingMillis what is left of the query's timeout
   */
  public ScanCalls(String table, ScanStats stats, long timeoutMillis, BooleanSupplier cancelled,
      Remaining remainingMillis) {
    this.table = table;
    this.stats = stats;
    this.timeoutMillis = timeoutMillis;
    this.cancelled = cancelled;
    this.remainingMillis = remainingMillis;
  }

  @Override
  public void started(Call call) {
    stats.countRequest();
    inFlight.add(call);
    if (cancelled.getAsBoolean()) {
      call.cancel();
    }
    CancelWatchdog.watch(call, cancelled);
  }

  @Override
  public boolean cancelled() {
    return cancelled.getAsBoolean();
  }

  @Override
  public long exchangeTimeoutMillis() throws SQLException {
    return Math.min(timeoutMillis, remainingMillis.millis());
  }

  @Override
  public void retried() {
    stats.countRetry();
  }

  @Override
  public void pause(long waitMillis) throws SQLException {
    if (waitMillis >= remainingMillis.millis()) {
      throw new SQLTimeoutException("Query timed out (Statement.setQueryTimeout): table '" + table
          + "' would have to wait " + waitMillis + " ms before its next request", "HYT00");
    }
    long end = System.nanoTime() + waitMillis * 1_000_000L;
    while (System.nanoTime() < end) {
      if (cancelled()) {
        throw new SQLException("Statement canceled while reading table '" + table + "'", "HY008");
      }
      try {
        Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000L)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("Interrupted while waiting to retry a page", "HY008", e);
      }
    }
  }

  @Override
  public void pageRead() {
    stats.countPage();
  }

  @Override
  public void received(long bytes) {
    stats.countBytes(bytes);
  }

  @Override
  public void finished(Call call) {
    CancelWatchdog.unwatch(call);
    inFlight.remove(call);
  }

  /** Aborts every call in flight. */
  public void close() {
    for (Call call : inFlight) {
      call.cancel();
    }
  }
}
