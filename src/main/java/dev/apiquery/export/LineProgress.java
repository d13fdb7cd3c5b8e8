package dev.apiquery.export;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Progress as one plain line every few seconds: for logs and pipes, where redrawing makes a mess. */
final class LineProgress implements Progress {
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final PrintWriter err;
  private final long interval;
  private final long start = System.nanoTime();
  private long last = start;

  LineProgress(PrintWriter err, long intervalNanos) {
    this.err = err;
    this.interval = intervalNanos;
  }

  @Override
  public void update(long rows) {
    long now = System.nanoTime();
    if (now - last >= interval) {
      last = now;
      double seconds = (now - start) / 1e9;
      err.println(String.format(Locale.ROOT, "export: %,d rows, %,.0f rows/s, %.1f s", rows, rows / seconds, seconds));
      err.flush();
    }
  }

  @Override
  public void close() {
    // the summary line follows
  }
}
