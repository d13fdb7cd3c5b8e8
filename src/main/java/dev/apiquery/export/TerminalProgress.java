package dev.apiquery.export;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress redrawn in place on a terminal, with me.tongfei:progressbar: rows so far, requests and
 * pages, rows/s and elapsed time (the total is unknown until the API's last page). The only class
 * that names the library; it is loaded only after {@link #available} said the library is there.
 */
final class TerminalProgress implements Progress {
  private static final String LIBRARY_CLASS = "me.tongfei.progressbar.ProgressBar";
  private static final int REDRAW_MILLIS = 250;
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(REDRAW_MILLIS);

  private final ProgressBar bar;
  private long lastCost = System.nanoTime() - REDRAW_NANOS;

  TerminalProgress() {
    bar = new ProgressBarBuilder()
        .setTaskName("export")
        .setInitialMax(-1)
        .setUnit(" rows", 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(REDRAW_MILLIS)
        .setMaxRenderedLength(120)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setSpeedUnit(ChronoUnit.SECONDS)
        .build();
  }

  static boolean available() {
    try {
      Class.forName(LIBRARY_CLASS, false, TerminalProgress.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public void update(long rows, Supplier<SourceStats> source) {
    bar.stepTo(rows);
    long now = System.nanoTime();
    if (now - lastCost >= REDRAW_NANOS) { // the bar redraws no more often than this
      lastCost = now;
      bar.setExtraMessage(Progress.cost(source.get())); // after rows/s: ", 12 requests, 12 pages"
    }
  }

  @Override
  public void close() {
    bar.close();
  }
}
