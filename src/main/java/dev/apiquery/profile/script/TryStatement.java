package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.List;

/**
 * {@code api:try} with its {@code api:catch} and {@code api:finally} blocks, as CData's pages
 * define them: an error raised in {@code body} is handled by the first catch whose {@code code}
 * matches it ({@code *} or no code: every error), whose body then runs with the error's
 * {@code [_code]}, {@code [_desc]} (also {@code [_description]}) and {@code [_details]} on the
 * default item; {@code finallyBody} runs when control leaves the block, also after an unhandled
 * error. The compiler also builds one for an {@code api:catch} written directly in an
 * {@code api:call} body (the body of each iteration is the try section) and for an
 * {@code api:finally} in an {@code api:call} or {@code api:script} (after the whole keyword).
 */
public record TryStatement(SourceLocation location, List<Statement> body, List<Catch> catches,
    List<Statement> finallyBody) implements Statement {

  /** One {@code api:catch}: the code it catches (null: every error) and its body. */
  public record Catch(String code, List<Statement> body) {
    public Catch {
      code = code == null || code.isBlank() || code.trim().equals("*") ? null : code.trim();
      body = List.copyOf(body);
    }

    public boolean matches(String errorCode) {
      return code == null || code.equalsIgnoreCase(errorCode);
    }
  }

  public TryStatement {
    body = List.copyOf(body);
    catches = List.copyOf(catches);
    finallyBody = List.copyOf(finallyBody);
  }

  /** The first catch for an error of {@code code}, or null. */
  public Catch handlerFor(String code) {
    for (Catch c : catches) {
      if (c.matches(code)) {
        return c;
      }
    }
    return null;
  }

  /** Sets the caught error's control attributes on the default item. */
  public static void bind(ItemState items, String code, String desc, String details) {
    Item target = items.defaultItem();
    target.set("_code", code);
    target.set("_desc", desc);
    target.set("_description", desc);
    target.set("_details", details);
  }

  /**
   * The interpreter form (a request being prepared): a stop at a provider call leaves the block
   * without its finally, which the executor runs after that call's rows.
   */
  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    CallReached stop = null;
    try {
      stop = Statements.run(body, state);
      return stop;
    } catch (ProfileException e) {
      ThrownException thrown = e instanceof ThrownException t ? t : null;
      Catch handler = handlerFor(thrown == null ? "" : thrown.code());
      if (handler == null) {
        throw e;
      }
      bind(state.items(), thrown == null ? "" : thrown.code(), thrown == null ? e.getMessage() : thrown.desc(),
          thrown == null ? "" : thrown.details());
      return Statements.run(handler.body(), state);
    } finally {
      if (stop == null) {
        Statements.run(finallyBody, state);
      }
    }
  }
}
