package dev.apiquery.export;

import java.io.PrintWriter;

/**
 * Progress of a running export, told the running row count now and then. Implementations decide
 * how often to show it: a bar redrawn in place on a terminal, a line every few seconds in a log,
 * or nothing ({@code --quiet}).
 */
public interface Progress extends AutoCloseable {
  /** {@code rows} rows read from the source so far. */
  void update(long rows);

  /** The export ended (done or failed): stop drawing. */
  @Override
  void close();

  /** Shows nothing. */
  static Progress quiet() {
    return new Progress() {
      @Override
      public void update(long rows) {}

      @Override
      public void close() {}
    };
  }

  /**
   * The progress display for standard error: a bar when the process runs on a terminal and the
   * progress-bar library is on the class path (bin/apiquery puts it there), else plain lines.
   */
  static Progress forStandardError(PrintWriter err, boolean terminal) {
    if (terminal && TerminalProgress.available()) {
      return new TerminalProgress();
    }
    return new LineProgress(err, LineProgress.INTERVAL_NANOS);
  }
}
