package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.List;

/**
 * {@code api:check}, {@code api:if}, {@code api:exists}, {@code api:equals},
 * {@code api:notequals}: runs {@code then} when the condition holds, else the {@code api:else}
 * block (written inside the keyword or right after it).
 */
public record ConditionalStatement(
    SourceLocation location, Condition condition, List<Statement> then, List<Statement> otherwise)
    implements Statement {

  public ConditionalStatement {
    then = List.copyOf(then);
    otherwise = List.copyOf(otherwise);
  }

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    return Statements.run(condition.test(state.items()) ? then : otherwise, state);
  }
}
