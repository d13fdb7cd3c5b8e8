package dev.apiquery.profile.script;

import dev.apiquery.profile.Invocation;
import dev.apiquery.profile.ScriptContext;
import java.util.List;
import java.util.Map;

/**
 * The {@link Invocation} a {@link RsdScript} produces. Besides the request it keeps what a later
 * phase needs to go on running the script against the response: the call statement (whose body
 * runs per row), the statements after it, and a snapshot of every item at call time.
 */
public final class ScriptInvocation implements Invocation {
  private final CallRequest request;
  private final CallReached stop;
  private final ItemState state;
  private final ScriptContext context;

  ScriptInvocation(CallRequest request, CallReached stop, ItemState state, ScriptContext context) {
    this.request = request;
    this.stop = stop;
    this.state = state.copy();
    this.context = context;
  }

  @Override
  public String operation() {
    return Operations.normalize(stop.call().operation());
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public String uri() {
    return request.uri();
  }

  @Override
  public List<Map.Entry<String, String>> headers() {
    return request.headers();
  }

  @Override
  public Map<String, String> attributes() {
    return request.attributes();
  }

  /** The request the call makes. */
  public CallRequest request() {
    return request;
  }

  /** The {@code api:call} that made this request; its body runs once per row. */
  public CallStatement call() {
    return stop.call();
  }

  /** The statements the script runs after the call (innermost block first). */
  public List<Statement> statementsAfterCall() {
    return stop.remaining();
  }

  /** A fresh copy of every item as it was at the call, for the caller to run more statements. */
  public ItemState state() {
    return state.copy();
  }

  /** The context the script ran with. */
  public ScriptContext context() {
    return context;
  }

  @Override
  public String toString() {
    return request.toString();
  }
}
