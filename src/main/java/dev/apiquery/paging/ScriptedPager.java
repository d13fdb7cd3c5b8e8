package dev.apiquery.paging;

import dev.apiquery.http.ApiRequest;
import dev.apiquery.profile.ColumnDef;
import dev.apiquery.profile.Invocation;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.ScriptContext;
import dev.apiquery.profile.TableDef;
import dev.apiquery.profile.script.BlockStatement;
import dev.apiquery.profile.script.CallStatement;
import dev.apiquery.profile.script.CallHandler;
import dev.apiquery.profile.script.ConditionalStatement;
import dev.apiquery.profile.script.ExecutionState;
import dev.apiquery.profile.script.ItemState;
import dev.apiquery.profile.script.Operations;
import dev.apiquery.profile.script.PushStatement;
import dev.apiquery.profile.script.ScriptInvocation;
import dev.apiquery.profile.script.Statement;
import dev.apiquery.profile.script.Statements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * Scripted paging, CData's documented fallback: after a page, the provider call's body runs with
 * the page's last row as its {@code out} item, then the statements after the call; a
 * {@code <api:call op="utiladoPushPageToken" input="page"/>} there pushes {@code [page.pagetoken]},
 * and the script runs again with it as {@code [_input.rows@next]} to build the next request.
 * Ends on an empty page, when no token is pushed, or when a token repeats.
 *
 * <p>The body runs for the last row only: scripts use it to remember the last id or a
 * document-level flag, which the last row carries; a body that accumulates over every row would
 * see only the last one.
 */
final class ScriptedPager implements Pager {
  private final TableDef table;
  private final ScriptInvocation invocation;
  private final SeenValues seen = new SeenValues();
  private final List<String> rowPaths = new ArrayList<>();

  ScriptedPager(TableDef table, ScriptInvocation invocation) {
    this.table = table;
    this.invocation = invocation;
    for (ColumnDef column : table.columns()) {
      if (!rowPaths.contains(column.xPath())) {
        rowPaths.add(column.xPath());
      }
    }
  }

  /** Whether the script pushes page tokens itself. */
  static boolean applies(Invocation invocation) {
    return invocation instanceof ScriptInvocation script
        && (pushesToken(script.call().body()) || pushesToken(script.statementsAfterCall()));
  }

  private static boolean pushesToken(List<Statement> block) {
    for (Statement s : block) {
      if (s instanceof CallStatement call
          && (Operations.isPushPageToken(call.operation()) || pushesToken(call.body()))) {
        return true;
      }
      if (s instanceof ConditionalStatement c && (pushesToken(c.then()) || pushesToken(c.otherwise()))) {
        return true;
      }
      if (s instanceof BlockStatement b && pushesToken(b.body())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String strategy() {
    return "scripted (utiladoPushPageToken)";
  }

  @Override
  public List<String> rowPaths() {
    return rowPaths;
  }

  @Override
  public ApiRequest first(ApiRequest scripted, ScanWindow window) {
    return scripted;
  }

  @Override
  public ApiRequest next(ApiRequest current, PageResult page) {
    if (page.rowCount() == 0) {
      return null;
    }
    try {
      String token = pushedToken(page);
      if (token == null || token.isEmpty() || !seen.firstTime(token)) {
        return null;
      }
      ScriptContext context = invocation.context();
      Map<String, String> inputs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      inputs.putAll(context.inputs());
      inputs.put("rows@next", token);
      Invocation next = table.script().prepareSelect(
          new ScriptContext(inputs, context.connection(), context.filterBindings()));
      HttpUrl url = HttpUrl.parse(next.uri());
      if (url == null) {
        throw new IllegalArgumentException("the next page's URI is not an absolute http(s) URL");
      }
      return new ApiRequest(next.method(), url, next.headers());
    } catch (ProfileException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Runs the call body (last row as {@code out}) and what follows the call; the token pushed. */
  private String pushedToken(PageResult page) throws ProfileException {
    ItemState items = invocation.state().copy();
    CallStatement call = invocation.call();
    if (call.out() != null) {
      for (ColumnDef column : table.columns()) {
        String value = page.lastRowText(column.xPath());
        if (value != null) {
          items.item(call.out()).set(column.name(), value);
        }
      }
    }
    TokenCapture capture = new TokenCapture();
    ExecutionState state = new ExecutionState(items, capture);
    Statements.run(call.body(), state);
    Statements.run(invocation.statementsAfterCall(), state);
    return capture.token;
  }

  /** Runs nested calls' bodies, ignores pushes of rows, and keeps the last pushed page token. */
  private static final class TokenCapture implements CallHandler {
    String token;

    @Override
    public boolean stopsAt(CallStatement call, ExecutionState state) {
      if (Operations.isPushPageToken(call.operation())) {
        String item = call.in() == null ? ItemState.DEFAULT_ITEM : call.in();
        token = state.items().item(item).get("pagetoken");
        return true;
      }
      // Another provider call after the page would be a second request: not supported, stop.
      return Operations.isProviderGet(call.operation());
    }

    @Override
    public void push(PushStatement push, ExecutionState state) {
      // Rows were already emitted by the scan.
    }
  }
}
