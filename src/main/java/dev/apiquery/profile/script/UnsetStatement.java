package dev.apiquery.profile.script;

import dev.apiquery.profile.SourceLocation;

/** {@code <api:unset attr="a"/>}: removes an attribute ({@code item.attr} or {@code item=}). */
public record UnsetStatement(SourceLocation location, String item, String attr)
    implements Statement {

  @Override
  public CallReached execute(ExecutionState state) {
    if (item == null) {
      state.items().unset(attr);
    } else {
      state.items().item(item).remove(attr);
    }
    return null;
  }
}
