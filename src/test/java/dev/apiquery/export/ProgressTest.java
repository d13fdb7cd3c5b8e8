package dev.apiquery.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void linesWhenTheIntervalHasPassed() {
    StringWriter text = new StringWriter();
    LineProgress progress = new LineProgress(new PrintWriter(text), 0);
    progress.update(1_500);
    progress.update(120_000);
    String[] lines = text.toString().split("\\R");
    assertEquals(2, lines.length, text.toString());
    assertTrue(lines[1].matches("export: 120,000 rows, [\\d,]+ rows/s, \\d+\\.\\d s"), lines[1]);
  }

  @Test
  void noLineBeforeTheInterval() {
    StringWriter text = new StringWriter();
    LineProgress progress = new LineProgress(new PrintWriter(text), LineProgress.INTERVAL_NANOS);
    progress.update(10);
    assertEquals("", text.toString());
  }

  @Test
  void withoutATerminalTheProgressIsPlainLines() {
    assertTrue(Progress.forStandardError(new PrintWriter(new StringWriter()), false) instanceof LineProgress);
    try (Progress bar = Progress.forStandardError(new PrintWriter(new StringWriter()), true)) {
      assertTrue(bar instanceof TerminalProgress, "the progress bar library is on the test class path");
      bar.update(5);
    }
  }

  @Test
  void summaryLine() {
    assertEquals("exported 1,234 rows into table \"ITEMS\": 13 requests, 12 pages, 2.0 s, 617 rows/s",
        new ExportSummary(1234, "table \"ITEMS\"", new SourceStats(13, 12), 2000).line());
    assertEquals("exported 0 rows into file /x.csv: 0.0 s, 0 rows/s", new ExportSummary(0, "file /x.csv", null, 0).line());
  }
}
