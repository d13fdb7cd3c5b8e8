package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import java.util.List;

/** Runs a block of statements in order. */
public final class Statements {
  private Statements() {}

  /** Runs {@code block}; returns the call that stopped it, or null when it ran to the end. */
  public static CallReached run(List<Statement> block, ExecutionState state)
      throws ProfileException {
    for (int i = 0; i < block.size(); i++) {
      CallReached stop = block.get(i).execute(state);
      if (stop != null) {
        return stop.followedBy(block.subList(i + 1, block.size()));
      }
    }
    return null;
  }
}
