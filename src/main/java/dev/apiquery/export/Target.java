package dev.apiquery.export;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * Where an export writes: a table or a file. One load per target: {@link #begin}, rows into the
 * sink, then {@link #commit} (the rows appear all at once) or {@link #abort} (the target is left
 * exactly as it was).
 */
interface Target extends AutoCloseable {
  /** The current {@code MAX(column)} of the target, or null when it has no such rows yet. */
  Object max(Column column) throws SQLException;

  RowSink begin(List<Column> columns) throws SQLException, IOException;

  void commit() throws SQLException, IOException;

  /** Undoes the load; never throws, so that the load's own failure is the one reported. */
  void abort();

  /** {@code table "ITEMS"} or {@code file /tmp/x.csv}: for messages (never a URL or a password). */
  String describe();

  @Override
  void close() throws SQLException;
}
