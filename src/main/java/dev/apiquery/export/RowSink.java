package dev.apiquery.export;

import java.io.IOException;
import java.sql.SQLException;

/** Where exported rows go, a batch at a time: a table (JDBC batches or an appender) or a file. */
interface RowSink extends AutoCloseable {
  /** Takes one row: values as {@link ColumnKind#read} gives them, in column order. */
  void write(Object[] row) throws SQLException, IOException;

  /** Makes the rows written so far durable in the load (not yet visible); called every batch. */
  void flush() throws SQLException, IOException;

  /** Releases what the sink holds, after {@link #flush} or after a failure. */
  @Override
  void close() throws SQLException, IOException;
}
