package dev.apiquery.scan;

import dev.apiquery.errors.ScanErrors;
import dev.apiquery.http.ApiRequest;
import dev.apiquery.http.CallTracker;
import dev.apiquery.response.ResponseReader;
import dev.apiquery.paging.PageResult;
import dev.apiquery.paging.Pager;
import dev.apiquery.paging.Pagers;
import dev.apiquery.paging.ScanWindow;
import dev.apiquery.paging.SinglePage;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.CallRequest;
import dev.apiquery.profile.script.CallStatement;
import dev.apiquery.profile.script.FilterTargets;
import dev.apiquery.profile.script.ItemValues;
import dev.apiquery.profile.script.RequestBody;
import dev.apiquery.profile.script.ThrownException;
import dev.apiquery.redact.Redactor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Makes the provider calls of one request chain: turns a call's request into its first HTTP
 * request through the paging strategy, and hands out its pages. The call that produces the
 * table's rows one for one (the only call of a simple script) gets the scan's window, so it may
 * start at the OFFSET, ask for fewer rows and fetch pages ahead; every other call fetches a page
 * only when its items are pulled, so no request is sent that no row needs. In a dry run (EXPLAIN)
 * nothing is sent: each call records its first request and yields one empty item.
 */
final class CallRuntime {
  private final ScanSetup setup;
  private final CallTracker tracker;
  private final CallStatement rowCall;
  private final ScanWindow window;
  private final long speculationCap;
  private final boolean dryRun;
  private final List<String> described = new ArrayList<>();
  private long rowsSkippedAtSource;
  private boolean windowUsed;

  /**
   * @param rowCall the call whose items are the rows one for one, or null
   * @param window the rows the chain must deliver
   * @param speculationCap rows beyond which no page is fetched ahead of demand; -1 for none
   */
  CallRuntime(ScanSetup setup, CallTracker tracker, CallStatement rowCall, ScanWindow window,
      long speculationCap, boolean dryRun) {
    this.setup = setup;
    this.tracker = tracker;
    this.rowCall = rowCall;
    this.window = window;
    this.speculationCap = speculationCap;
    this.dryRun = dryRun;
  }

  boolean dryRun() {
    return dryRun;
  }

  FilterTargets filters() {
    return setup.filters();
  }

  /** Rows of the window's offset the row call skipped at the API. */
  long rowsSkippedAtSource() {
    return rowsSkippedAtSource;
  }

  /** The first request of every call a dry run reached, indented by nesting depth. */
  List<String> described() {
    return described;
  }

  SQLException scriptError(ProfileException e) {
    Redactor redactor = setup.context().http().redactor();
    SQLException error = ScanErrors.of(setup.table(), redactor.redact(e.getMessage()), ScanErrors.GENERAL, null);
    return e instanceof ThrownException thrown
        ? new ThrownError(error, new CaughtError(thrown.code(), redactor.redact(thrown.desc()),
            redactor.redact(thrown.details())))
        : error;
  }

  SQLException error(String message) {
    return ScanErrors.of(setup.table(), message, ScanErrors.GENERAL, null);
  }

  /** Opens a provider call: its first request is built now and sent when its items are pulled. */
  CallPages open(CallStatement call, CallRequest request, int depth) throws SQLException {
    ConnectionContext context = setup.context();
    HttpUrl url = HttpUrl.parse(request.uri());
    if (url == null) {
      throw error("the profile's URI is not an absolute http(s) URL: "
          + context.http().redactor().redact(Redactor.redactUrl(request.uri())) + " (" + call.location() + ")");
    }
    if (request.attribute("SubRepeatElement") != null) {
      throw error("SubRepeatElement is set for the call at " + call.location() + " but is not supported");
    }
    String pushAttributes = request.attribute("PushAttributes");
    // false (real profiles write it) asks for what apiquery always does: an item holds the declared
    // columns and element maps only. What true would add is not defined by a page we have.
    if (pushAttributes != null && !pushAttributes.trim().equalsIgnoreCase("false")) {
      throw error("PushAttributes=" + pushAttributes + " is set for the call at " + call.location()
          + " but only PushAttributes=false is supported");
    }
    Pager pager;
    try {
      pager = Pagers.forInvocation(request);
    } catch (IllegalArgumentException e) {
      throw error("bad paging attributes in " + call.location() + ": " + e.getMessage());
    }
    List<Map.Entry<String, String>> maps = elementMaps(request);
    CallLayout layout = new CallLayout(setup.columnNames(), setup.columnPaths(), maps, pager.rowPaths());
    List<String> documentPaths = new ArrayList<>(pager.documentPaths());
    maps.forEach(m -> documentPaths.add(m.getValue()));
    ResponseReader reader;
    try {
      reader = ReaderFactory.create(request.operation(), rowPath(request), request.attribute("DataModel"),
          layout.paths(), documentPaths);
    } catch (IllegalArgumentException e) {
      throw error("cannot read the response of the call at " + call.location() + ": " + e.getMessage());
    }
    // The profile's own URI: its host may receive the connection's credentials.
    context.http().trust(url);
    boolean rows = call == rowCall && !windowUsed;
    ScanWindow callWindow = rows ? window : new ScanWindow(0, -1);
    RequestBody body = request.body();
    ApiRequest scripted = new ApiRequest(request.method(), url, request.headers(),
        body == null ? null : body.text(), body == null ? null : body.contentType());
    ApiRequest first = pager.first(scripted, callWindow);
    if (dryRun) {
      String strategy = pager == SinglePage.INSTANCE && setup.scriptedPaging() != null
          ? setup.scriptedPaging() : pager.strategy();
      described.add("  ".repeat(depth) + context.http().redactor().redact(first.describe() + " ("
          + strategy + " paging" + (depth > 0 ? ", once per item of the enclosing call" : "") + ")"));
      return new DryPages(layout);
    }
    long wanted = 0; // on demand only
    int concurrency = 1;
    if (rows) {
      windowUsed = true;
      rowsSkippedAtSource = pager.rowsSkippedAtSource();
      wanted = window.rowsNeeded() < 0 ? -1 : window.rowsNeeded() - pager.rowsSkippedAtSource();
      if (speculationCap >= 0) {
        wanted = wanted < 0 ? speculationCap : Math.min(wanted, speculationCap);
      }
      concurrency = context.maxConcurrentRequests();
    }
    // Only the row call's items become rows as they are: only its pages are converted ahead.
    PagePipeline pipeline = new PagePipeline(setup.table(), pager, setup.fetcher(), reader,
        rows ? setup.converter() : null, layout, first, concurrency, context.maxPages(), wanted,
        page -> withLastRowValues(page, layout, pager));
    return new LivePages(pipeline, layout, !maps.isEmpty());
  }

  /** {@code ElementMapPath#N} / {@code ElementMapName#N}; a missing name is the path's last step. */
  private static List<Map.Entry<String, String>> elementMaps(CallRequest request) {
    List<Map.Entry<String, String>> maps = new ArrayList<>();
    for (int n = 1; ; n++) {
      String path = request.attribute("ElementMapPath#" + n);
      if (path == null) {
        return maps;
      }
      String name = request.attribute("ElementMapName#" + n);
      if (name == null) {
        String trimmed = path.replaceAll("/+$", "");
        name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
      }
      maps.add(Map.entry(name.trim(), path.trim()));
    }
  }

  private static String rowPath(CallRequest request) {
    for (String name : new String[] {"JSONPath", "XPath", "RepeatElement"}) {
      String value = request.attribute(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Adds the values of the pager's row paths in the page's last row. */
  private static PageResult withLastRowValues(PageResult page, CallLayout layout, Pager pager) {
    List<String> paths = pager.rowPaths();
    List<Object[]> rows = page.page().rows();
    if (paths.isEmpty() || rows.isEmpty()) {
      return page;
    }
    Object[] last = rows.get(rows.size() - 1);
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      values.put(paths.get(i), last[layout.itemValues() + i]);
    }
    return new PageResult(page.page(), page.headers(), values, page.items());
  }

  /** The pages of a call that is really made. */
  private final class LivePages implements CallPages {
    private final PagePipeline pipeline;
    private final CallLayout layout;
    private final boolean mapsElements;

    LivePages(PagePipeline pipeline, CallLayout layout, boolean mapsElements) {
      this.pipeline = pipeline;
      this.layout = layout;
      this.mapsElements = mapsElements;
    }

    @Override
    public boolean hasNext() {
      return pipeline.hasNext();
    }

    @Override
    public List<ItemValues> take() throws SQLException {
      PageResult page = pipeline.take(tracker);
      tracker.pageRead();
      @SuppressWarnings("unchecked")
      List<ItemValues> prepared = (List<ItemValues>) page.items();
      List<ItemValues> items = prepared != null ? prepared : RowValues.of(page.page(), layout);
      if (items.isEmpty() && mapsElements) {
        // A call that maps single values (a token response) outputs one item of them.
        Object[] row = new Object[layout.paths().size()];
        for (int i = 0; i < layout.itemValues(); i++) {
          row[i] = page.page().documentValues().get(layout.paths().get(i));
        }
        items.add(new RowValues(row, null, true, layout));
      }
      return items;
    }

    @Override
    public void close() {
      pipeline.cancelAhead();
    }
  }

  /** A dry run's call: one item with no values, so that nested calls are reached too. */
  private static final class DryPages implements CallPages {
    private final CallLayout layout;
    private boolean taken;

    DryPages(CallLayout layout) {
      this.layout = layout;
    }

    @Override
    public boolean hasNext() {
      return !taken;
    }

    @Override
    public List<ItemValues> take() {
      taken = true;
      return List.of(new RowValues(new Object[layout.paths().size()], null, true, layout));
    }

    @Override
    public void close() {
      taken = true;
    }
  }
}
