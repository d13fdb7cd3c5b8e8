package dev.apiquery.scan;

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
    return new ConcatCursor() {
      private int next;

      @Override
      protected Cursor nextChild() throws SQLException {
        if (next >= ops.size() || frame.signal != Frame.Signal.NONE) {
          return null;
        }
        return ops.get(next++).open(frame);
      }
    };
  }
}
