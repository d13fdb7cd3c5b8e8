package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlKind;

/**
 * The rows of each request chain a scan keeps by their {@code _row} position: {@code from}
 * (inclusive) to {@code to} (exclusive, -1 for no end). It comes from {@code WHERE _row >= a AND
 * _row < b} and is applied per chain, before the query's OFFSET and LIMIT, because {@code _row}
 * counts the rows of one chain. A comparison with a dynamic parameter ({@code _row >= ?}) is a
 * {@link Bound} until the statement runs: {@link ParameterBinder} intersects the range with its value.
 */
record RowRange(long from, long to, List<Bound> bounds) {
  static final RowRange ALL = new RowRange(0, -1);

  /** {@code _row <kind> ?parameter}, as written (the parameter on the right). */
  record Bound(SqlKind kind, int parameter) {
    @Override
    public String toString() {
      return "_row " + kind.sql + " ?" + parameter;
    }
  }

  RowRange {
    if (to >= 0 && to < from) {
      to = from; // empty
    }
    bounds = List.copyOf(bounds);
  }

  RowRange(long from, long to) {
    this(from, to, List.of());
  }

  boolean isAll() {
    return from == 0 && to < 0 && bounds.isEmpty();
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
    List<Bound> both = new ArrayList<>(bounds);
    both.addAll(other.bounds);
    return new RowRange(Math.max(from, other.from), end, both);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[" + from + ".." + (to < 0 ? "" : Long.toString(to)) + ")");
    bounds.forEach(b -> text.append(" and ").append(b));
    return text.toString();
  }
}
