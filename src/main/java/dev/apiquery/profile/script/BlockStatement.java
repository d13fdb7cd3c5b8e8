package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.List;

/** A nested {@code api:script} without a method: its children run in place. */
public record BlockStatement(SourceLocation location, List<Statement> body) implements Statement {
  public BlockStatement {
    body = List.copyOf(body);
  }

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    return Statements.run(body, state);
  }
}
