package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.expr.Template;

/**
 * {@code <api:validate attr="_connection.ApiKey" desc="The APIKey must be set..."/>}: fails with
 * the profile's own {@code desc} when the attribute is missing or empty (or, with {@code value},
 * when the value is not true).
 */
public record ValidateStatement(
    SourceLocation location, String attr, Template value, Template desc) implements Statement {

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    boolean valid = attr != null
        ? !Values.isEmpty(state.items().lookup(attr))
        : Values.isTrue(value.expand(state.items()));
    if (!valid) {
      String message = desc == null ? null : desc.expand(state.items());
      if (Values.isEmpty(message)) {
        message = attr != null
            ? "'" + attr + "' must be set"
            : "validation failed: " + value.raw();
      }
      throw new ProfileException(location, message);
    }
    return null;
  }
}
