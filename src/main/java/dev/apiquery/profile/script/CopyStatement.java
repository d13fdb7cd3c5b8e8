package dev.apiquery.profile.script;

import dev.apiquery.profile.SourceLocation;

/** {@code <api:set item="x" copyfrom="y"/>}: copies every attribute of item y into item x. */
public record CopyStatement(SourceLocation location, String item, String from) implements Statement {
  @Override
  public CallReached execute(ExecutionState state) {
    Item target = item == null ? state.items().defaultItem() : state.items().item(item);
    state.items().item(from).snapshot().forEach(target::set);
    return null;
  }
}
