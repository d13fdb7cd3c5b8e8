package dev.apiquery.sql;

/**
 * {@code LIMIT ?} / {@code OFFSET ? ROWS} / {@code FETCH FIRST ? ROWS} pushed into a scan: the
 * 0-based indexes of the dynamic parameters that give its offset and row count, -1 where the
 * literal of the spec (or nothing) applies. {@link ParameterBinder} replaces them by the values of
 * each execution, so the first request asks for as many rows as a literal would.
 */
record LimitParameters(int offset, int fetch) {
  static final LimitParameters NONE = new LimitParameters(-1, -1);

  boolean isEmpty() {
    return offset < 0 && fetch < 0;
  }

  @Override
  public String toString() {
    return (offset < 0 ? "" : "offset=?" + offset) + (offset >= 0 && fetch >= 0 ? ", " : "")
        + (fetch < 0 ? "" : "fetch=?" + fetch);
  }
}
