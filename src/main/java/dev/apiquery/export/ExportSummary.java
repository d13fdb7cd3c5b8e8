package dev.apiquery.export;

import java.util.Locale;

/**
 * What one export did.
 *
 * @param rows rows written
 * @param target {@code table "ITEMS"} or {@code file /path}
 * @param source requests and pages the source reported, or null when it reports none
 * @param millis wall time
 */
public record ExportSummary(long rows, String target, SourceStats source, long millis) {

  /** {@code exported 1,234 rows into table "ITEMS": 13 requests, 13 pages, 2.1 s, 587 rows/s}. */
  public String line() {
    double seconds = millis / 1000.0;
    String cost = source == null ? ""
        : String.format(Locale.ROOT, "%,d requests, %,d pages, ", source.requests(), source.pages());
    return String.format(Locale.ROOT, "exported %,d rows into %s: %s%.1f s, %,.0f rows/s",
        rows, target, cost, seconds, seconds > 0 ? rows / seconds : 0.0);
  }
}
