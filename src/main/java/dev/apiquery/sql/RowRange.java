package dev.apiquery.sql;

/**
 * The rows of each request chain a scan keeps by their {@code _row} position: {@code from}
 * (inclusive) to {@code to} (exclusive, -1 for no end). It comes from {@code WHERE _row >= a AND
 * _row < b} and is applied per chain, before the query's OFFSET and LIMIT, because {@code _row}
 * counts the rows of one chain.
 */
record RowRange(long from, long to) {
  static final RowRange ALL = new RowRange(0, -1);

  RowRange {
    if (to >= 0 && to < from) {
      to = from; // empty
    }
  }

  boolean isAll() {
    return from == 0 && to < 0;
  }

  boolean isEmpty() {
    return to >= 0 && to <= from;
  }

  /** Rows in the range, or -1 when it has no end. */
  long size() {
    return to < 0 ? -1 : to - from;
  }

  /** The rows both ranges keep. */
  RowRange intersect(RowRange other) {
    long end = to < 0 ? other.to : other.to < 0 ? to : Math.min(to, other.to);
    return new RowRange(Math.max(from, other.from), end);
  }

  @Override
  public String toString() {
    return "[" + from + ".." + (to < 0 ? "" : Long.toString(to)) + ")";
  }
}
