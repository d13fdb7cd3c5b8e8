package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;

/**
 * {@code api:continue} (go on with the next item of the enclosing {@code api:call} or
 * {@code api:enum}) and {@code api:break} (leave that loop). The executor runs them; while a
 * first request is only being prepared (EXPLAIN), there is no loop to leave, so they stop nothing.
 */
public record LoopControlStatement(SourceLocation location, boolean breaks) implements Statement {
  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    return null;
  }
}
