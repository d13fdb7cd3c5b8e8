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
    progress.update(1_500, () -> new SourceStats(2, 2));
    progress.update(120_000, () -> new SourceStats(1_201, 1_200));
    progress.update(120_001, () -> null);
    String[] lines = text.toString().split("\\R");
    assertEquals(3, lines.length, text.toString());
    assertTrue(lines[0].matches("export: 1,500 rows, 2 requests, 2 pages, [\\d,]+ rows/s, \\d+\\.\\d s"), lines[0]);
    assertTrue(lines[1].matches("export: 120,000 rows, 1,201 requests, 1,200 pages, [\\d,]+ rows/s, \\d+\\.\\d s"),
        lines[1]);
    assertTrue(lines[2].matches("export: 120,001 rows, [\\d,]+ rows/s, \\d+\\.\\d s"), lines[2]);
  }

  @Test
  void noLineBeforeTheInterval() {
    StringWriter text = new StringWriter();
    LineProgress progress = new LineProgress(new PrintWriter(text), LineProgress.INTERVAL_NANOS);
    progress.update(10, () -> {
      throw new AssertionError("the source's counts are only read for a line that is printed");
    });
    assertEquals("", text.toString());
  }

  @Test
  void withoutATerminalTheProgressIsPlainLines() {
    assertTrue(Progress.forStandardError(new PrintWriter(new StringWriter()), false, 0) instanceof LineProgress);
    try (Progress bar = Progress.forStandardError(new PrintWriter(new StringWriter()), true, 0)) {
      assertTrue(bar instanceof TerminalProgress, "the progress bar library is on the test class path");
      bar.update(5, () -> new SourceStats(1, 1));
    }
  }

  @Test
  void summaryLine() {
    assertEquals("exported 1,234 rows into table \"ITEMS\": 13 requests, 12 pages, 2.0 s, 617 rows/s",
        new ExportSummary(1234, "table \"ITEMS\"", new SourceStats(13, 12), 2000).line());
    assertEquals("exported 0 rows into file /x.csv: 0.0 s, 0 rows/s", new ExportSummary(0, "file /x.csv", null, 0).line());
  }
}
