package dev.apiquery.profile.script;

/** The mutable state of one script run: its items, and the handler for calls and pushes. */
public final class ExecutionState {
  private final ItemState items;
  private final CallHandler handler;

  public ExecutionState(ItemState items, CallHandler handler) {
    this.items = items;
    this.handler = handler;
  }

  public ItemState items() {
    return items;
  }

  public CallHandler handler() {
    return handler;
  }
}
