package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;

/**
 * {@code <api:push [item="row"]/>}: emits the current row to the table.
 *
 * @param item the item to push, or null for the call's output row
 */
public record PushStatement(SourceLocation location, String item) implements Statement {
  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    state.handler().push(this, state);
    return null;
  }
}
