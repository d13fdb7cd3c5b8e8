package dev.apiquery.export;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Progress as one plain line every few seconds ({@code --progress-interval}): for logs and pipes,
 * where redrawing makes a mess. An interval of 0 prints a line for every row (for debugging).
 */
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
  public void update(long rows, Supplier<SourceStats> source) {
    long now = System.nanoTime();
    if (now - last >= interval) {
      last = now;
      double seconds = (now - start) / 1e9;
      err.println(String.format(Locale.ROOT, "export: %,d rows%s, %,.0f rows/s, %.1f s", rows,
          Progress.cost(source.get()), seconds > 0 ? rows / seconds : 0.0, seconds));
      err.flush();
    }
  }

  @Override
  public void close() {
    // the summary line follows
  }
}
