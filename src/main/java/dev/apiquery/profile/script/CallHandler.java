package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;

/**
 * What {@code api:call} and {@code api:push} do depends on the phase: while a request is being
 * prepared the provider call stops the script; while a response is read (a later phase) the call
 * body runs per row and {@code api:push} emits the row. Each phase supplies its handler.
 */
public interface CallHandler {
  /**
   * Called when {@code call} is reached (its {@code in} item already resolved by the caller if
   * needed). Returns true to stop the script at this call, false to run its body and go on.
   */
  boolean stopsAt(CallStatement call, ExecutionState state) throws ProfileException;

  /** Called for {@code api:push}. */
  void push(PushStatement push, ExecutionState state) throws ProfileException;
}
