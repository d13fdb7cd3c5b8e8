package dev.apiquery.scan;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one scan cost: requests sent, pages read, rows returned, body bytes, retries and time.
 * Counted as the scan runs (requests and bytes from HTTP threads too), published once when it
 * ends to the log and to the connection's {@code apiquery.scans} table.
 */
public final class ScanStats {
  final String table;
  final long startedAtMillis = System.currentTimeMillis();
  private final long startNanos = System.nanoTime();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  long pages;
  long rows;
  long retries;

  public ScanStats(String table) {
    this.table = table;
  }

  public void countRequest() {
    requests.incrementAndGet();
  }

  public void countBytes(long n) {
    bytes.addAndGet(n);
  }

  public synchronized void countRetry() {
    retries++;
  }

  public synchronized void countPage() {
    pages++;
  }

  public void countRow() {
    rows++;
  }

  long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000L;
  }

  /** The finished scan as a row of {@code apiquery.scans}. */
  public Object[] toRow(long id, String outcome) {
    return new Object[] {
      id, table, startedAtMillis, requests.get(), pages, rows, bytes.get(), retries, elapsedMillis(), outcome
    };
  }

  @Override
  public String toString() {
    return "Table '" + table + "': " + requests.get() + " requests, " + pages + " pages, " + rows + " rows, "
        + bytes.get() + " bytes, " + retries + " retries, " + elapsedMillis() + " ms";
  }
}
