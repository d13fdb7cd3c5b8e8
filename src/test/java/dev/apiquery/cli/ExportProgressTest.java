package dev.apiquery.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress lines of {@code apiquery export} (standard error is not a terminal here) carry the
 * running scan's requests and pages, not only the rows: they grow while the pages arrive.
 */
class ExportProgressTest extends ExportFixture {
  private static final Pattern LINE = Pattern.compile(
      "export: ([\\d,]+) rows, ([\\d,]+) requests, ([\\d,]+) pages, [\\d,]+ rows/s, \\d+\\.\\d s");
  private static final int PAGES = 20;
  /** The most pages in flight or read ahead of the row being read (MaxConcurrentRequests' default, plus one). */
  private static final int AHEAD = 5;

  @TempDir Path work;

  @Test
  void linesCarryGrowingRequestAndPageCounts() throws Exception {
    items(PAGES * PAGE - 5); // 20 pages, the last one short
    String duck = "jdbc:duckdb:" + work.resolve("p.duckdb");
    assertEquals(0, export("--to", duck, "--into", "items", "--progress-interval", "0",
        "SELECT id, name FROM Items"), err.toString());

    List<long[]> lines = new ArrayList<>(); // rows, requests, pages
    for (String line : err.toString().split("\\R")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        lines.add(new long[] {number(m.group(1)), number(m.group(2)), number(m.group(3))});
      }
    }
    assertEquals(PAGES * PAGE - 5 + 1, lines.size(), "a line per row, then the last one again: " + err);
    for (int i = 1; i < lines.size(); i++) {
      assertTrue(lines.get(i)[1] >= lines.get(i - 1)[1] && lines.get(i)[2] >= lines.get(i - 1)[2],
          "counts never go back: " + err);
    }
    for (long[] line : lines) {
      long pageOfRow = (line[0] + PAGE - 1) / PAGE;
      // A row is only read once its page is; pages ahead of it are bounded by the read-ahead.
      assertTrue(line[2] >= pageOfRow && line[2] <= pageOfRow + AHEAD, "row " + line[0] + ": " + line[2] + " pages");
      assertTrue(line[1] >= line[2], "requests >= pages read: " + err);
    }
    long[] first = lines.get(0);
    long[] last = lines.get(lines.size() - 1);
    assertTrue(first[2] <= AHEAD && last[2] == PAGES, "first " + first[2] + " pages, last " + last[2]);
    int requests = API.findAll(getRequestedFor(urlPathEqualTo("/v1/items"))).size();
    assertTrue(err.toString().contains("exported 195 rows into table \"items\": " + last[1] + " requests, 20 pages, "),
        err.toString());
    // Requests past the last page (read ahead, then cancelled) may or may not reach the server's journal.
    assertTrue(last[1] >= PAGES && last[1] < PAGES + AHEAD, last[1] + " requests");
    assertTrue(requests >= PAGES && requests < PAGES + AHEAD, requests + " requests at the server");
  }

  @Test
  void theIntervalMustBeANumberOfSeconds() {
    assertEquals(2, export("--to", "jdbc:duckdb:" + work.resolve("x.duckdb"), "--progress-interval", "-1",
        "SELECT * FROM Items"));
    assertTrue(err.toString().contains("--progress-interval expects a number of seconds, 0 or more, got -1.0"),
        err.toString());
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", ""));
  }
}
