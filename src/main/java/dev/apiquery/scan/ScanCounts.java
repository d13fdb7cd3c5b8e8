package dev.apiquery.scan;

/**
 * Requests sent and pages read by the scans of one connection so far, the running ones included.
 *
 * @param requests HTTP requests
 * @param pages pages read
 */
public record ScanCounts(long requests, long pages) {

  /** What was counted after {@code earlier}. */
  public ScanCounts since(ScanCounts earlier) {
    return new ScanCounts(requests - earlier.requests, pages - earlier.pages);
  }
}
