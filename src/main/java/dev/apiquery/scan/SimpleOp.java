package dev.apiquery.scan;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.CallHandler;
import dev.apiquery.profile.script.CallStatement;
import dev.apiquery.profile.script.ExecutionState;
import dev.apiquery.profile.script.PushStatement;
import dev.apiquery.profile.script.SetStatement;
import dev.apiquery.profile.script.Statement;
import java.sql.SQLException;

/**
 * A statement that pushes nothing and holds no calls ({@code api:set}, {@code api:unset},
 * {@code api:validate}, {@code api:throw}, ...): it runs when opened. An {@code api:set} of
 * {@code rows@next} (on any item) is the run's next-page value.
 */
final class SimpleOp implements Op {
  /** Calls and pushes are compiled to their own operators, so a simple statement never reaches one. */
  private static final CallHandler NONE = new CallHandler() {
    @Override
    public boolean stopsAt(CallStatement call, ExecutionState state) {
      throw new IllegalStateException("api:call inside a simple statement at " + call.location());
    }

    @Override
    public void push(PushStatement push, ExecutionState state) {
      throw new IllegalStateException("api:push inside a simple statement at " + push.location());
    }
  };

  private final Statement statement;
  private final SetStatement nextPageSet;

  SimpleOp(Statement statement) {
    this.statement = statement;
    this.nextPageSet = statement instanceof SetStatement set && set.attrName().equalsIgnoreCase("rows@next")
        ? set : null;
  }

  @Override
  public Cursor open(Frame frame) throws SQLException {
    try {
      statement.execute(new ExecutionState(frame.items, NONE));
      if (nextPageSet != null) {
        frame.nextPage = nextPageSet.valueAfterRun(frame.items);
      }
    } catch (ProfileException e) {
      throw frame.error(e);
    }
    return Cursor.EMPTY;
  }
}
