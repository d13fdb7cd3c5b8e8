package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.expr.Template;

/**
 * {@code <api:throw code="..." desc="..." details="..."/>}: stops the query with the profile's
 * message, unless an enclosing {@code api:try} (or {@code api:call}) has an {@code api:catch} for
 * the code.
 */
public record ThrowStatement(SourceLocation location, Template code, Template desc, Template details)
    implements Statement {

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    String text = desc == null ? "" : desc.expand(state.items());
    String codeText = code == null ? "" : code.expand(state.items());
    String detailText = details == null ? "" : details.expand(state.items());
    if (text.isEmpty()) {
      text = "the profile raised an error";
    }
    throw new ThrownException(location, codeText, text, detailText);
  }
}
