package dev.apiquery.scan;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.EnumStatement;
import java.sql.SQLException;
import java.util.List;

/** {@code api:enum}: its body once per value, lazily; honours {@code api:continue}/{@code api:break}. */
final class EnumOp implements Op {
  private final EnumStatement statement;
  private final Op body;

  EnumOp(EnumStatement statement, Op body) {
    this.statement = statement;
    this.body = body;
  }

  @Override
  public Cursor open(Frame frame) throws SQLException {
    List<EnumStatement.Value> values;
    try {
      values = statement.values(frame.items);
    } catch (ProfileException e) {
      throw frame.error(e);
    }
    return new ConcatCursor() {
      private int index;

      @Override
      protected Cursor nextChild() throws SQLException {
        if (index >= values.size()) {
          return null;
        }
        EnumStatement.bind(frame.items, values.get(index), index + 1);
        frame.firstIteration = index == 0;
        index++;
        return body.open(frame);
      }

      @Override
      protected void childDone() {
        Frame.Signal signal = frame.signal;
        frame.signal = Frame.Signal.NONE;
        if (signal == Frame.Signal.BREAK) {
          close();
        }
      }
    };
  }
}
