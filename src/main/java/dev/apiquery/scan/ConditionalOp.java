package dev.apiquery.scan;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.Condition;
import java.sql.SQLException;

/** {@code api:check}, {@code api:if}, {@code api:null}, ...: the branch chosen when reached. */
final class ConditionalOp implements Op {
  private final Condition condition;
  private final Op then;
  private final Op otherwise;

  ConditionalOp(Condition condition, Op then, Op otherwise) {
    this.condition = condition;
    this.then = then;
    this.otherwise = otherwise;
  }

  @Override
  public Cursor open(Frame frame) throws SQLException {
    boolean holds;
    try {
      holds = condition.test(frame.items);
    } catch (ProfileException e) {
      throw frame.error(e);
    }
    return (holds ? then : otherwise).open(frame);
  }
}
