package dev.apiquery.scan;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one scan cost: requests sent, pages read, rows returned, body bytes, retries and time.
 * Counted as the scan runs (requests, pages and bytes from HTTP threads too) and readable from
 * any thread while it runs (an export's progress line shows them live); published once when it
 * ends to the log and to the connection's {@code apiquery.scans} table.
 */
public final class ScanStats {
  final String table;
  final long startedAtMillis = System.currentTimeMillis();
  private final long startNanos = System.nanoTime();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  /** Counted by the one thread that reads the rows: a plain add, published for other readers. */
  private final AtomicLong rows = new AtomicLong();

  public ScanStats(String table) {
    this.table = table;
  }

  public void countRequest() {
    requests.incrementAndGet();
  }

  public void countBytes(long n) {
    bytes.addAndGet(n);
  }

  public void countRetry() {
    retries.incrementAndGet();
  }

  public void countPage() {
    pages.incrementAndGet();
  }

  /** Called only by the thread that reads the scan's rows, once per row. */
  public void countRow() {
    rows.setRelease(rows.getPlain() + 1);
  }

  public long requests() {
    return requests.get();
  }

  public long pages() {
    return pages.get();
  }

  long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000L;
  }

  /** The finished scan as a row of {@code apiquery.scans}. */
  public Object[] toRow(long id, String outcome) {
    return new Object[] {
      id, table, startedAtMillis, requests.get(), pages.get(), rows.get(), bytes.get(), retries.get(),
      elapsedMillis(), outcome
    };
  }

  @Override
  public String toString() {
    return "Table '" + table + "': " + requests.get() + " requests, " + pages.get() + " pages, " + rows.get()
        + " rows, " + bytes.get() + " bytes, " + retries.get() + " retries, " + elapsedMillis() + " ms";
  }
}
