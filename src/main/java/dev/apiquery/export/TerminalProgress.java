package dev.apiquery.export;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress redrawn in place on a terminal, with me.tongfei:progressbar: rows so far, rows/s and
 * elapsed time (the total is unknown until the API's last page). The only class that names the
 * library; it is loaded only after {@link #available} said the library is there.
 */
final class TerminalProgress implements Progress {
  private static final String LIBRARY_CLASS = "me.tongfei.progressbar.ProgressBar";

  private final ProgressBar bar;

  TerminalProgress() {
    bar = new ProgressBarBuilder()
        .setTaskName("export")
        .setInitialMax(-1)
        .setUnit(" rows", 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setMaxRenderedLength(100)
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
  public void update(long rows) {
    bar.stepTo(rows);
  }

  @Override
  public void close() {
    bar.close();
  }
}
