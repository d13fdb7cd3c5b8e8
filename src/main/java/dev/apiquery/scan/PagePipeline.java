package dev.apiquery.scan;

import dev.apiquery.errors.ScanErrors;
import dev.apiquery.http.ApiRequest;
import dev.apiquery.http.CallTracker;
import dev.apiquery.http.Exchange;
import dev.apiquery.response.ResponseReader;
import dev.apiquery.paging.PageResult;
import dev.apiquery.paging.Pager;
import dev.apiquery.value.RowConverter;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * The pages of one request chain in flight, in order. It hides latency: while the scan reads page
 * k, page k+1 is already being fetched, and where the strategy can predict requests (offset and
 * page numbers) up to {@code MaxConcurrentRequests} pages are fetched at once. Speculative
 * requests are only made for rows the query can still use (its LIMIT, or setMaxRows), so a
 * limited query makes exactly the requests a sequential scan would; without a limit, at most
 * {@code MaxConcurrentRequests - 1} requests go past the last page, and they are cancelled.
 */
public final class PagePipeline {
  private final Pager pager;
  private final Exchange exchange;
  private final PageRead reader;
  private final int concurrency;
  private final int maxPages;
  /** Rows this chain may usefully deliver; -1 for all. */
  private final long rowsWanted;
  private final Deque<InFlight> ahead = new ArrayDeque<>();

  private ApiRequest next;
  private int pagesIssued;
  private long rowsReceived;
  private long lastPageRows = -1;

  private final String table;
  private final UnaryOperator<PageResult> enrich;

  private record InFlight(ApiRequest request, Exchange.Pending<PageResult> pending) {}

  /**
   * @param converter converts each page's rows on its fetch thread, which also makes them the
   *     call's items (laid out as {@code layout}); null for neither
   * @param enrich completes a page before the pager sees it (the pager's row values)
   */
  public PagePipeline(String table, Pager pager, Exchange exchange, ResponseReader reader, RowConverter converter,
      CallLayout layout,
      ApiRequest first, int concurrency, int maxPages, long rowsWanted, UnaryOperator<PageResult> enrich) {
    this.table = table;
    this.enrich = enrich;
    this.pager = pager;
    this.exchange = exchange;
    this.reader = new PageRead(table, reader, exchange, converter, layout);
    this.next = first;
    this.concurrency = Math.max(1, concurrency);
    this.maxPages = maxPages;
    this.rowsWanted = rowsWanted;
  }

  public boolean hasNext() {
    return next != null;
  }

  int pagesIssued() {
    return pagesIssued;
  }

  /**
   * The next page, waiting for it if it is still in flight; then starts the pages after it.
   *
   * @return the page and the request that produced it
   */
  public PageResult take(CallTracker tracker) throws SQLException {
    issue(true, tracker);
    InFlight head = ahead.poll();
    PageResult page = enrich.apply(await(head.pending.result()));
    rowsReceived += page.rowCount();
    lastPageRows = page.rowCount();
    try {
      next = pager.next(head.request, page);
    } catch (IllegalArgumentException e) {
      cancelAhead();
      throw ScanErrors.of(table, "cannot build the request after page " + pagesIssued + ": " + e.getMessage(),
          ScanErrors.GENERAL, null);
    }
    if (next == null || (!ahead.isEmpty() && !ahead.peek().request.url().equals(next.url()))) {
      // The chain ended (or went where no prediction led): what was fetched ahead is not needed.
      cancelAhead();
    }
    if (next != null) {
      issue(false, tracker);
    }
    return page;
  }

  /**
   * Starts requests: the head when the scan asks for it ({@code demanded}), and as many pages
   * ahead as the strategy can name and the query can use.
   */
  private void issue(boolean demanded, CallTracker tracker) throws SQLException {
    if (ahead.isEmpty()) {
      if (next == null || !(demanded || wanted(0)) || (!demanded && pagesIssued >= maxPages)) {
        return;
      }
      start(next, tracker);
    }
    while (ahead.size() < concurrency) {
      ApiRequest predicted = pager.predictNext(ahead.peekLast().request);
      if (predicted == null || !wanted(ahead.size()) || pagesIssued >= maxPages) {
        return;
      }
      start(predicted, tracker);
    }
  }

  /** Whether the page {@code k} places after the next one could still hold wanted rows. */
  private boolean wanted(int k) {
    if (k > 0 && lastPageRows <= 0) {
      return false; // pages ahead are sized by the first page: wait for it
    }
    if (rowsWanted < 0) {
      return true;
    }
    return rowsReceived + k * lastPageRows < rowsWanted;
  }

  private void start(ApiRequest request, CallTracker tracker) throws SQLException {
    if (pagesIssued >= maxPages) {
      throw ScanErrors.of(
          table,
          "paging did not end after MaxPages=" + maxPages + " pages; the result would be "
              + "incomplete, so the query fails (raise MaxPages if the API really has more)",
          ScanErrors.GENERAL,
          null);
    }
    pagesIssued++;
    ahead.add(new InFlight(request,
        exchange.sendAsync(request, exchange.describe(request, pagesIssued), reader, tracker)));
  }

  private static PageResult await(CompletableFuture<PageResult> future) throws SQLException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for a page", "HY008", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new SQLException(String.valueOf(cause), ScanErrors.GENERAL, cause);
    }
  }

  /** Cancels the pages fetched ahead; their calls are aborted and their connections returned. */
  public void cancelAhead() {
    for (InFlight f : ahead) {
      f.pending.cancel();
    }
    ahead.clear();
  }
}
