package dev.apiquery.sql;

import dev.apiquery.http.ApiClient;
import dev.apiquery.http.ApiRequest;
import dev.apiquery.http.HostRateLimiter;
import dev.apiquery.json.MalformedResponseException;
import dev.apiquery.json.Page;
import dev.apiquery.json.PageReader;
import dev.apiquery.paging.PageResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one request and reads its body whole into a page, on the calling thread or, for pages
 * fetched ahead, on OkHttp's dispatcher threads. Every failure becomes a SQLException that names
 * the table, the request (redacted), the page number, the status and the start of the body.
 */
public final class PageFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);
  /** How much of a failed body an error message quotes. */
  private static final int BODY_START = 300;

  private final ApiClient client;
  private final String table;
  private final RetryPolicy retry;
  private final double rateLimit;

  /** @param rateLimit {@code RateLimit}: requests per second per host, 0 for none */
  PageFetcher(ApiClient client, String table, RetryPolicy retry, double rateLimit) {
    this.client = client;
    this.table = table;
    this.retry = retry;
    this.rateLimit = rateLimit;
  }

  /**
   * Fetches a page on this thread, retrying a GET on 429, 502, 503, 504 and I/O failures (a
   * page is read whole before its rows are used, so a retried page never loses or repeats rows).
   */
  PageResult fetch(ApiRequest request, PageReader reader, int pageNumber, CallTracker tracker)
      throws SQLException {
    String what = describe(request, pageNumber);
    boolean idempotent = request.idempotent();
    boolean reauthenticated = false;
    for (int attempt = 0; ; attempt++) {
      pace(request, tracker);
      long timeoutMillis = tracker.exchangeTimeoutMillis();
      Call call = client.newCall(request, timeoutMillis);
      tracker.started(call);
      SQLException failure;
      long retryAfter = -1;
      boolean sendAgain = false;
      try (Response response = call.execute()) {
        logResponse(response, what);
        HostRateLimiter.observe(request.url().host(), response.headers());
        if (response.code() == 401 && !reauthenticated) {
          // The auth plugin may re-authenticate once (a refreshed token); then this request
          // is sent once more, not counted as a retry.
          reauthenticated = true;
          sendAgain = client.reauthenticate();
        }
        if (sendAgain) {
          failure = null;
        } else if (isRetryableStatus(response.code())) {
          retryAfter = RetryPolicy.retryAfterMillis(response.header("Retry-After"), System.currentTimeMillis());
          failure = httpFailure(response, what);
        } else {
          return read(response, reader, what, tracker);
        }
      } catch (javax.net.ssl.SSLException | java.net.UnknownHostException e) {
        // A certificate or a host name that is wrong now will be wrong on every retry.
        throw failure(e, what, timeoutMillis);
      } catch (IOException e) {
        failure = failure(e, what, timeoutMillis);
      } finally {
        tracker.finished(call);
      }
      if (sendAgain) {
        attempt--;
        continue;
      }
      if (!idempotent || tracker.cancelled() || attempt >= retry.maxRetries()) {
        throw attempt == 0 ? failure : withRetries(failure, attempt);
      }
      if (retryAfter > retry.maxWaitMillis()) {
        throw new SQLException(failure.getMessage() + "; the API asks to wait " + retryAfter / 1000
            + " s (Retry-After), longer than MaxRetryWait=" + retry.maxWaitMillis() / 1000 + " s, so the query "
            + "fails now instead", failure.getSQLState(), failure);
      }
      long wait = retryAfter >= 0 ? retryAfter : retry.backoffMillis(attempt);
      LOG.debug("Table '{}': retrying {} in {} ms after: {}", table, what, wait, failure.getMessage());
      client.log().log(4, "Table '" + table + "': retrying " + what + " in " + wait + " ms after: " + failure.getMessage());
      tracker.retried();
      tracker.pause(wait);
    }
  }

  /** Waits for the host's next request slot: RateLimit, or an API budget that is spent. */
  private void pace(ApiRequest request, CallTracker tracker) throws SQLException {
    long wait = HostRateLimiter.reserve(request.url().host(), rateLimit);
    if (wait <= 0) {
      return;
    }
    if (wait > retry.maxWaitMillis()) {
      throw ScanErrors.of(table, "the API's rate limit budget for " + request.url().host() + " is spent for another "
          + wait / 1000 + " s, longer than MaxRetryWait=" + retry.maxWaitMillis() / 1000 + " s", ScanErrors.IO, null);
    }
    tracker.pause(wait);
  }

  private void logResponse(Response response, String what) {
    var log = client.log();
    if (log.enabled(2)) {
      log.log(2, "response " + response.code() + " to " + what + dev.apiquery.log.ConnectionLog.headers(response.headers()));
    }
    if (log.enabled(3)) {
      log.log(3, "body of " + what + bodyStart(response));
    }
  }

  private static boolean isRetryableStatus(int code) {
    return code == 429 || code == 502 || code == 503 || code == 504;
  }

  private static SQLException withRetries(SQLException last, int retries) {
    SQLException e = new SQLException(last.getMessage() + " (after " + retries + " retries)", last.getSQLState(), last);
    return last instanceof ExchangeTimeout ? new ExchangeTimeout(e.getMessage()) : e;
  }

  /** A page being fetched: its result, and a way to abort it. */
  record Pending(CompletableFuture<PageResult> page, Runnable canceller) {
    void cancel() {
      canceller.run();
      page.cancel(false);
    }
  }

  /** Starts fetching a page (with its retries) on a background thread. */
  Pending fetchAsync(ApiRequest request, PageReader reader, int pageNumber, CallTracker tracker) {
    OwnCalls own = new OwnCalls(tracker);
    CompletableFuture<PageResult> future = new CompletableFuture<>();
    BACKGROUND.execute(() -> {
      try {
        future.complete(fetch(request, reader, pageNumber, own));
      } catch (SQLException | RuntimeException e) {
        future.completeExceptionally(e);
      }
    });
    return new Pending(future, own::cancel);
  }

  /** Threads that fetch pages ahead; daemons, so they never keep a finished program alive. */
  private static final java.util.concurrent.ExecutorService BACKGROUND =
      java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "apiquery-page");
        t.setDaemon(true);
        return t;
      });

  /** The scan's tracker, plus cancelling just this page's calls and waits. */
  private static final class OwnCalls implements CallTracker {
    private final CallTracker scan;
    private volatile Call current;
    private volatile boolean cancelled;

    OwnCalls(CallTracker scan) {
      this.scan = scan;
    }

    void cancel() {
      cancelled = true;
      Call call = current;
      if (call != null) {
        call.cancel();
      }
    }

    @Override
    public void started(Call call) {
      current = call;
      if (cancelled) {
        call.cancel();
      }
      scan.started(call);
    }

    @Override
    public void finished(Call call) {
      current = null;
      scan.finished(call);
    }

    @Override
    public void received(long bytes) {
      scan.received(bytes);
    }

    @Override
    public boolean cancelled() {
      return cancelled || scan.cancelled();
    }

    @Override
    public long exchangeTimeoutMillis() throws SQLException {
      return scan.exchangeTimeoutMillis();
    }

    @Override
    public void retried() {
      scan.retried();
    }

    @Override
    public void pause(long waitMillis) throws SQLException {
      if (cancelled) {
        throw new SQLException("page fetched ahead was cancelled", "HY008");
      }
      scan.pause(waitMillis);
    }
  }

  private String describe(ApiRequest request, int pageNumber) {
    String what = request.describe() + " (page " + pageNumber + ")";
    LOG.debug("Table '{}': {}", table, what);
    return what;
  }

  private PageResult read(Response response, PageReader reader, String what, CallTracker tracker)
      throws IOException, SQLException {
    if (!response.isSuccessful()) {
      throw httpFailure(response, what);
    }
    ResponseBody body = response.body();
    MediaType type = body.contentType();
    if (type != null && type.subtype().toLowerCase(Locale.ROOT).contains("html")) {
      throw ScanErrors.of(
          table,
          what + " returned " + type.type() + "/" + type.subtype() + " instead of JSON (HTTP "
              + response.code() + ")" + bodyStart(response),
          ScanErrors.DATA,
          null);
    }
    // The raw start, copied before parsing consumes the stream; formatted only on failure.
    ResponseBody start = peek(response);
    try {
      CountingStream counted = new CountingStream(body.byteStream());
      Page page;
      try {
        page = reader.read(counted);
      } finally {
        tracker.received(counted.count);
      }
      return new PageResult(page, response.headers(), Map.of());
    } catch (MalformedResponseException e) {
      throw ScanErrors.of(
          table,
          what + " returned a body that is not valid JSON (HTTP " + response.code() + "): "
              + redact(e.getMessage()) + format(start),
          ScanErrors.DATA,
          null);
    }
  }

  private SQLException httpFailure(Response response, String what) {
    return ScanErrors.of(
        table,
        what + " failed: HTTP " + response.code() + statusText(response) + bodyStart(response),
        ScanErrors.httpState(response.code()),
        null);
  }

  private SQLException failure(IOException e, String what, long timeoutMillis) {
    if (e instanceof InterruptedIOException) {
      // OkHttp's own timeout; a cancel shows up as a plain IOException and is named by the scan.
      return new ExchangeTimeout("Table '" + table + "': " + what + " timed out after " + timeoutMillis + " ms");
    }
    return ScanErrors.of(
        table, what + " failed: " + e.getClass().getSimpleName() + ": " + redact(String.valueOf(e.getMessage())),
        ScanErrors.IO, null);
  }

  private static String statusText(Response response) {
    String message = response.message();
    return message == null || message.isBlank() ? "" : " " + message;
  }

  /** The start of the body, for a message or the log. */
  private String bodyStart(Response response) {
    return format(peek(response));
  }

  private static ResponseBody peek(Response response) {
    try {
      return response.peekBody(BODY_START * 8L);
    } catch (IOException | IllegalStateException e) {
      return null;
    }
  }

  /** A peeked body as message text: redacted, whitespace folded, cut to {@value #BODY_START} chars. */
  private String format(ResponseBody peeked) {
    if (peeked == null) {
      return "";
    }
    try {
      // Redacted before it is cut: a secret the API echoes must be whole to be recognised.
      String text = redact(peeked.string());
      text = text.strip().replaceAll("\\s+", " ");
      if (text.isEmpty()) {
        return " (empty body)";
      }
      if (text.length() > BODY_START) {
        text = text.substring(0, BODY_START) + "...";
      }
      return ": " + text;
    } catch (IOException | IllegalStateException e) {
      return "";
    }
  }

  private String redact(String text) {
    return client.redactor().redact(text);
  }

  /** An exchange that ran out of time: the connection's Timeout, or what was left of the query's. */
  static final class ExchangeTimeout extends SQLException {
    private static final long serialVersionUID = 1L;

    ExchangeTimeout(String message) {
      super(message, ScanErrors.IO);
    }
  }

  /** Tracks the calls in flight so that closing or cancelling the scan can abort them. */
  public interface CallTracker {
    void started(Call call);

    void finished(Call call);

    /** Body bytes read for a page. */
    default void received(long bytes) {}

    /** Whether the statement was cancelled (no retry then). */
    default boolean cancelled() {
      return false;
    }

    /** The time one exchange may take now: Timeout, or what is left of the query's time. */
    long exchangeTimeoutMillis() throws SQLException;

    /** Counts a retry. */
    default void retried() {}

    /** Counts a page whose rows reached the scan. */
    default void pageRead() {}

    /**
     * Waits before a retry or for a rate limit; fails when the statement is cancelled or the
     * query's time would run out meanwhile.
     */
    void pause(long waitMillis) throws SQLException;
  }

  /** Counts the body bytes a page reader consumes, for the scan's statistics. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(java.io.InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
