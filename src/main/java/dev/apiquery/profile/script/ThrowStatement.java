package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.expr.Template;

/** {@code <api:throw code="..." desc="..."/>}: stops the query with the profile's message. */
public record ThrowStatement(SourceLocation location, Template code, Template desc)
    implements Statement {

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    String text = desc == null ? "" : desc.expand(state.items());
    String codeText = code == null ? "" : code.expand(state.items());
    if (text.isEmpty()) {
      text = "the profile raised an error";
    }
    throw new ProfileException(location, codeText.isEmpty() ? text : codeText + ": " + text);
  }
}
