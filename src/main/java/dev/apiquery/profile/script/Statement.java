package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;

/** One compiled script keyword ({@code api:set}, {@code api:if}, ...). Immutable. */
public interface Statement {
  /** Where the keyword is written, for error messages. */
  SourceLocation location();

  /**
   * Runs the keyword. Returns null to go on with the next statement, or the provider call that
   * stopped the script (see {@link CallHandler#stopsAt}).
   */
  CallReached execute(ExecutionState state) throws ProfileException;
}
