package dev.apiquery.paging;

/**
 * The rows a chain must deliver: skip {@code offset}, then return at most {@code fetch} (-1: all).
 * A pager may use it to start at a later page or ask for a smaller first page.
 */
public record ScanWindow(long offset, long fetch) {
  public static final ScanWindow ALL = new ScanWindow(0, -1);

  /** Rows the chain needs to read in all, or -1 for every row. */
  public long rowsNeeded() {
    return fetch < 0 ? -1 : offset + fetch;
  }
}
