package dev.apiquery.http;

import java.sql.SQLException;
import okhttp3.Call;

/** The scan's tracker, plus cancelling just this page's calls and waits. */
final class OwnCalls implements CallTracker {
  private final CallTracker scan;
  private volatile Call current;
  private volatile boolean cancelled;

  OwnCalls(CallTracker scan) {
    this.scan = scan;
  }

  void cancel() {
    cancelled = true;
    Call call = current;
    if (call != null) {
      call.cancel();
    }
  }

  @Override
  public void started(Call call) {
    current = call;
    if (cancelled) {
      call.cancel();
    }
    scan.started(call);
  }

  @Override
  public void finished(Call call) {
    current = null;
    scan.finished(call);
  }

  @Override
  public void received(long bytes) {
    scan.received(bytes);
  }

  @Override
  public boolean cancelled() {
    return cancelled || scan.cancelled();
  }

  @Override
  public long exchangeTimeoutMillis() throws SQLException {
    return scan.exchangeTimeoutMillis();
  }

  @Override
  public void retried() {
    scan.retried();
  }

  @Override
  public void pause(long waitMillis) throws SQLException {
    if (cancelled) {
      throw new SQLException("page fetched ahead was cancelled", "HY008");
    }
    scan.pause(waitMillis);
  }
}
