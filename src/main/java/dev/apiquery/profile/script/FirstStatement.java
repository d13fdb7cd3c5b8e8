package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.List;

/**
 * {@code api:first}: its body runs only in the first iteration of the enclosing {@code api:call}
 * or {@code api:enum}, before anything else of that iteration (the compiler moves it to the front
 * of the loop body, as CData runs it wherever it is written). The executor's operators decide
 * which iteration is the first; this interpreter form runs the body, since it only ever previews
 * a first iteration (the first request of each call).
 */
public record FirstStatement(SourceLocation location, List<Statement> body) implements Statement {
  public FirstStatement {
    body = List.copyOf(body);
  }

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    return Statements.run(body, state);
  }
}
