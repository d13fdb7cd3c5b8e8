package dev.apiquery.sql;

import dev.apiquery.http.ApiRequest;
import dev.apiquery.paging.PageResult;
import dev.apiquery.paging.Pager;
import dev.apiquery.paging.Pagers;
import dev.apiquery.paging.ScanWindow;
import dev.apiquery.profile.InputDef;
import dev.apiquery.profile.Invocation;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.ScriptContext;
import dev.apiquery.profile.TableDef;
import dev.apiquery.response.ResponseReader;
import dev.apiquery.value.ConversionException;
import dev.apiquery.value.ValueConverter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The pages of one set of input values: runs the table's script once to build the first request,
 * then follows the pager until the chain ends.
 */
final class RequestChain {
  private final ScanPlan plan;
  private final ConnectionContext context;
  private final Pager pager;
  private final PagePipeline pages;
  private final String description;
  /** Per input of the table: the value used, converted to the input's type; null when unset. */
  private final Object[] inputValues;

  /**
   * @param window the rows this chain must deliver, so the pager can start later or ask for less
   * @param speculationCap rows beyond which no page is fetched ahead of demand; -1 for none
   */
  RequestChain(
      ScanPlan plan, ConnectionContext context, PageFetcher fetcher, ChainInputs chainInputs, ScanWindow window,
      long speculationCap) throws SQLException {
    this.plan = plan;
    this.context = context;
    TableDef def = plan.table.definition();
    List<InputDef> missing = new ArrayList<>();
    Map<String, String> inputs = chainInputs.inputValues(plan.table, missing);
    if (!missing.isEmpty()) {
      throw missingInput(def, missing.get(0));
    }
    this.inputValues = convertInputs(def, inputs);
    Invocation invocation;
    try {
      invocation = def.script().prepareSelect(
          new ScriptContext(inputs, context.connectionValues(), chainInputs.filterBindings(plan.table.fields())));
    } catch (ProfileException e) {
      throw ScanErrors.of(def.name(), context.http().redactor().redact(e.getMessage()), ScanErrors.GENERAL, null);
    }
    HttpUrl url = HttpUrl.parse(invocation.uri());
    if (url == null) {
      throw ScanErrors.of(
          def.name(),
          "the profile's URI is not an absolute http(s) URL: "
              + context.http().redactor().redact(dev.apiquery.http.Redactor.redactUrl(invocation.uri())),
          ScanErrors.GENERAL,
          null);
    }
    try {
      this.pager = Pagers.forInvocation(def, invocation);
    } catch (IllegalArgumentException e) {
      throw ScanErrors.of(def.name(), "bad paging attributes in " + def.location().file() + ": " + e.getMessage(),
          ScanErrors.GENERAL, null);
    }
    ResponseReader reader = plan.reader(invocation, pager.documentPaths(), pager.rowPaths());
    // The profile's own URI: its host may receive the connection's credentials.
    context.http().trust(url);
    ApiRequest first = pager.first(new ApiRequest(invocation.method(), url, invocation.headers()), window);
    this.description = first.describe() + " (" + pager.strategy() + " paging)";
    long wanted = window.rowsNeeded() < 0 ? -1 : window.rowsNeeded() - pager.rowsSkippedAtSource();
    if (speculationCap >= 0) {
      wanted = wanted < 0 ? speculationCap : Math.min(wanted, speculationCap);
    }
    this.pages = new PagePipeline(def.name(), pager, fetcher, reader, first, context.maxConcurrentRequests(),
        context.maxPages(), wanted, this::withLastRowValues);
  }

  /** Rows of the window's offset the first request skipped at the API. */
  long rowsSkippedAtSource() {
    return pager.rowsSkippedAtSource();
  }

  private static SQLException missingInput(TableDef def, InputDef input) {
    String desc = input.description() == null || input.description().isBlank()
        ? ""
        : " (\"" + input.description() + "\")";
    return ScanErrors.of(
        def.name(),
        "the input '" + input.name() + "'" + desc + " is required: add WHERE " + input.name()
            + " = <value> to the query",
        ScanErrors.MISSING_INPUT,
        null);
  }

  private Object[] convertInputs(TableDef def, Map<String, String> inputs) throws SQLException {
    Object[] values = new Object[def.inputs().size()];
    for (int i = 0; i < values.length; i++) {
      InputDef input = def.inputs().get(i);
      String raw = inputs.get(input.name());
      try {
        values[i] = raw == null ? null : ValueConverter.toInternal(raw, input.type(), null);
      } catch (ConversionException e) {
        throw ScanErrors.of(
            def.name(), "the value given for input '" + input.name() + "' is not a valid " + input.type()
                + ": " + e.getMessage(), "22018", null);
      }
    }
    return values;
  }

  Object inputValue(int inputIndex) {
    return inputValues[inputIndex];
  }

  /** The strategy and the first request (redacted), for EXPLAIN; building a chain sends nothing. */
  String describe() {
    return context.http().redactor().redact(description);
  }

  boolean hasNextPage() {
    return pages.hasNext();
  }

  /** Stops the pages fetched ahead. */
  void close() {
    pages.cancelAhead();
  }

  /** The next page; the pipeline has already started the ones after it. */
  PageResult fetchNext(PageFetcher.CallTracker tracker) throws SQLException {
    return pages.take(tracker);
  }

  /** Adds the values of the pager's row paths in the page's last row. */
  private PageResult withLastRowValues(PageResult page) {
    List<String> paths = pager.rowPaths();
    List<Object[]> rows = page.page().rows();
    if (paths.isEmpty() || rows.isEmpty()) {
      return page;
    }
    Object[] last = rows.get(rows.size() - 1);
    Map<String, Object> values = new java.util.HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      values.put(paths.get(i), last[plan.extractedCount() + i]);
    }
    return new PageResult(page.page(), page.headers(), values);
  }
}
