package dev.apiquery.export;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Progress of a running export, told after every row read. Implementations decide how often to
 * show it: a bar redrawn in place on a terminal, a line every few seconds in a log, or nothing
 * ({@code --quiet}); they ask the source for its requests and pages only when they draw.
 */
public interface Progress extends AutoCloseable {
  /**
   * @param rows rows read from the source so far
   * @param source the source's requests and pages so far (live), or null from a source that
   *     does not count them
   */
  void update(long rows, Supplier<SourceStats> source);

  /** The export ended (done or failed): stop drawing. */
  @Override
  void close();

  /** Shows nothing. */
  static Progress quiet() {
    return new Progress() {
      @Override
      public void update(long rows, Supplier<SourceStats> source) {}

      @Override
      public void close() {}
    };
  }

  /**
   * The progress display for standard error: a bar when the process runs on a terminal and the
   * progress-bar library is on the class path (bin/apiquery puts it there), else plain lines, one
   * per {@code intervalNanos}.
   */
  static Progress forStandardError(PrintWriter err, boolean terminal, long intervalNanos) {
    if (terminal && TerminalProgress.available()) {
      return new TerminalProgress();
    }
    return new LineProgress(err, intervalNanos);
  }

  /** {@code , 12 requests, 12 pages}, or nothing when the source does not count them. */
  static String cost(SourceStats stats) {
    return stats == null ? "" : String.format(Locale.ROOT, ", %,d requests, %,d pages",
        stats.requests(), stats.pages());
  }
}
