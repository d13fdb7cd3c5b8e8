package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;

/**
 * The call handler while a SELECT's first request is prepared: the first provider call stops the
 * script; a page-token push does nothing yet (no response has been read); any other operation is
 * one the driver cannot run.
 */
final class SelectPreparation implements CallHandler {
  @Override
  public boolean stopsAt(CallStatement call, ExecutionState state) throws ProfileException {
    if (Operations.isProviderGet(call.operation())) {
      return true;
    }
    if (Operations.isPushPageToken(call.operation())) {
      return false;
    }
    throw new ProfileException(call.location(),
        "operation '" + call.operation() + "' is not supported (" + Operations.SUPPORTED + ")");
  }

  @Override
  public void push(PushStatement push, ExecutionState state) {
    // Rows exist only once a response is read; outside a call body there is nothing to push.
  }
}
