package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;

/**
 * A keyword the driver does not implement ({@code api:enum}, ...). Loading does not fail, because
 * it may sit in a part of the file a SELECT never runs (a POST block); running it does, with the
 * file and line, rather than silently skipping logic the request may depend on.
 */
public record UnsupportedStatement(SourceLocation location, String keyword) implements Statement {
  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    throw new ProfileException(location, "keyword <" + keyword + "> is not supported");
  }
}
