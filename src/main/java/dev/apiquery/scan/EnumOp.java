package dev.apiquery.scan;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.EnumStatement;
import dev.apiquery.profile.script.Item;
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
    return new Cursor() {
      private int index;
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
            Frame.Signal signal = frame.signal;
            frame.signal = Frame.Signal.NONE;
            if (signal == Frame.Signal.BREAK) {
              index = values.size();
            }
          }
          if (index >= values.size()) {
            return null;
          }
          EnumStatement.bind(frame.items, values.get(index), index + 1);
          frame.firstIteration = index == 0;
          index++;
          current = body.open(frame);
        }
      }

      @Override
      public void close() {
        if (current != null) {
          current.close();
        }
        index = values.size();
      }
    };
  }
}
