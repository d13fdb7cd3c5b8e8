package dev.apiquery.profile.script;

import java.util.ArrayList;
import java.util.List;

/**
 * The script stopped at a provider call.
 *
 * @param call the {@code api:call} (its body runs once per row of the response)
 * @param remaining the statements that would run after the call, innermost block first: what a
 *     paging implementation runs after the rows of a page (e.g. {@code utiladoPushPageToken})
 */
public record CallReached(CallStatement call, List<Statement> remaining) {
  public CallReached {
    remaining = List.copyOf(remaining);
  }

  /** The same stop, with the rest of an enclosing block appended to {@link #remaining}. */
  CallReached followedBy(List<Statement> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Statement> all = new ArrayList<>(remaining);
    all.addAll(more);
    return new CallReached(call, all);
  }
}
