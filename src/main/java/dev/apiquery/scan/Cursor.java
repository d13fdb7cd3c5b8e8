package dev.apiquery.scan;

import dev.apiquery.profile.script.Item;
import java.sql.SQLException;

/** The rows one opened operator pushes. */
interface Cursor {
  /** An empty cursor: statements that push nothing. */
  Cursor EMPTY = () -> null;

  /** The next pushed item, or null when the operator is done. */
  Item next() throws SQLException;

  /** Stops the operator early: pages fetched ahead are cancelled. */
  default void close() {}
}
