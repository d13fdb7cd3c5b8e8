package dev.apiquery.scan;

import dev.apiquery.profile.script.Item;
import java.sql.SQLException;

/**
 * The rows of one child cursor after another, each child opened only when the one before is
 * exhausted (so its side effects happen in order): the flat-map shared by statement blocks and
 * loops.
 */
abstract class ConcatCursor implements Cursor {
  private Cursor current;
  private boolean closed;

  /** Opens the next child, or returns null when there is none. */
  protected abstract Cursor nextChild() throws SQLException;

  /** Called after a child is exhausted and closed; may {@link #close} to stop early. */
  protected void childDone() {}

  @Override
  public final Item next() throws SQLException {
    while (!closed) {
      if (current != null) {
        Item row = current.next();
        if (row != null) {
          return row;
        }
        current.close();
        current = null;
        childDone();
        continue;
      }
      current = nextChild();
      if (current == null) {
        return null;
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
    closed = true;
  }
}
