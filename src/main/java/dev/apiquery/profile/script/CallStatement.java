package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.List;

/**
 * {@code <api:call op="jsonproviderGet" in="x" out="row">body</api:call>}. The body runs once per
 * output row (with the row as item {@code out}) when a response is read; while a request is
 * prepared, the handler stops the script here.
 *
 * @param operation {@code op} as written
 * @param in the item the operation reads its settings from, or null for the default item
 * @param out the item each output row is bound to, or null
 * @param outputUsed whether anything reads the call's output: its body does something, or the
 *     file refers to its {@code out} item
 */
public record CallStatement(
    SourceLocation location, String operation, String in, String out, List<Statement> body,
    boolean outputUsed) implements Statement {

  public CallStatement {
    body = List.copyOf(body);
  }

  public CallStatement(SourceLocation location, String operation, String in, String out,
      List<Statement> body) {
    this(location, operation, in, out, body, true);
  }

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    if (state.handler().stopsAt(this, state)) {
      return new CallReached(this, List.of());
    }
    return Statements.run(body, state);
  }
}
