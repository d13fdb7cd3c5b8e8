package dev.apiquery.http;

import java.sql.SQLException;
import okhttp3.Call;

/** Tracks the calls in flight so that closing or cancelling the scan can abort them. */
public interface CallTracker {
  void started(Call call);

  void finished(Call call);

  /** Body bytes read for a page. */
  default void received(long bytes) {}

  /** Whether the statement was cancelled (no retry then). */
  default boolean cancelled() {
    return false;
  }

  /** The time one exchange may take now: Timeout, or what is left of the query's time. */
  long exchangeTimeoutMillis() throws SQLException;

  /** Counts a retry. */
  default void retried() {}

  /** Counts a page whose rows reached the scan. */
  default void pageRead() {}

  /**
   * Waits before a retry or for a rate limit; fails when the statement is cancelled or the
   * query's time would run out meanwhile.
   */
  void pause(long waitMillis) throws SQLException;
}
