package dev.apiquery.scan;

import dev.apiquery.profile.script.Item;
import java.sql.SQLException;
import java.util.List;

/**
 * Statements in order: each is opened (run) only once the rows of the one before are pulled,
 * so side effects happen in document order. An {@code api:continue}/{@code api:break} signal
 * stops the rest of the block.
 */
final class SequenceOp implements Op {
  private final List<Op> ops;

  SequenceOp(List<Op> ops) {
    this.ops = List.copyOf(ops);
  }

  @Override
  public Cursor open(Frame frame) {
    return new Cursor() {
      private int next;
      private Cursor current;

      @Override
      public Item next() throws SQLException {
        while (true) {
          if (current != null) {
            Item row = current.next();
            if (row != null) {
              return row;
            }
            current.close();
            current = null;
          }
          if (next >= ops.size() || frame.signal != Frame.Signal.NONE) {
            return null;
          }
          current = ops.get(next++).open(frame);
        }
      }

      @Override
      public void close() {
        if (current != null) {
          current.close();
          current = null;
        }
        next = ops.size();
      }
    };
  }
}
