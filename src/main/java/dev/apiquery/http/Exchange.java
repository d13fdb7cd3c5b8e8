package dev.apiquery.http;

import dev.apiquery.errors.ScanErrors;
import dev.apiquery.log.ConnectionLog;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange of a scan, whole: pacing (RateLimit and spent API budgets), retries with
 * backoff and Retry-After, one re-authentication on 401, the exchange timeout and cancel, around
 * a read callback that consumes a successful body. A body that fails mid-read is retried like a
 * failed request (the callback reads it whole before its rows are used, so a retry never loses
 * or repeats rows); a POST or PUT is never retried. Runs on the calling thread or, for pages
 * fetched ahead, on a background thread. Every failure becomes a SQLException that names the
 * table, the request (redacted), the status and the start of the body.
 */
public final class Exchange {
  private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
  /** How much of a failed body an error message quotes. */
  private static final int BODY_START = 300;

  private final ApiClient client;
  private final String table;
  private final RetryPolicy retry;
  private final double rateLimit;

  /** Reads a successful response's body into a result; an IOException is a transport failure. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(Response response, String what, CallTracker tracker) throws IOException, SQLException;
  }

  /** @param rateLimit {@code RateLimit}: requests per second per host, 0 for none */
  public Exchange(ApiClient client, String table, RetryPolicy retry, double rateLimit) {
    this.client = client;
    this.table = table;
    this.retry = retry;
    this.rateLimit = rateLimit;
  }

  /**
   * Sends a request on this thread and reads its answer, retrying a GET on 429, 502, 503, 504
   * and I/O failures.
   *
   * @param what the request as messages name it ({@link #describe})
   */
  public <T> T send(ApiRequest request, String what, Reader<T> reader, CallTracker tracker)
      throws SQLException {
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
          if (!response.isSuccessful()) {
            throw httpFailure(response, what);
          }
          return reader.read(response, what, tracker);
        }
      } catch (SSLException | UnknownHostException e) {
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
      log.log(2, "response " + response.code() + " to " + what + ConnectionLog.headers(response.headers()));
    }
    if (log.enabled(3)) {
      log.log(3, "body of " + what + bodyStart(response));
    }
  }

  private static boolean isRetryableStatus(int code) {
    return code == 429 || code == 502 || code == 503 || code == 504;
  }

  private static SQLException withRetries(SQLException last, int retries) {
    SQLException e = new SQLException(last.getMessage() + " (after " + retries + " retries)", last.getSQLState(),
        last.getErrorCode(), last);
    return last instanceof ExchangeTimeout ? new ExchangeTimeout(e.getMessage()) : e;
  }

  /** An exchange in flight: its result, and a way to abort it. */
  public record Pending<T>(CompletableFuture<T> result, Runnable canceller) {
    public void cancel() {
      canceller.run();
      result.cancel(false);
    }
  }

  /** Starts an exchange (with its retries) on a background thread. */
  public <T> Pending<T> sendAsync(ApiRequest request, String what, Reader<T> reader, CallTracker tracker) {
    OwnCalls own = new OwnCalls(tracker);
    CompletableFuture<T> future = new CompletableFuture<>();
    BACKGROUND.execute(() -> {
      try {
        future.complete(send(request, what, reader, own));
      } catch (SQLException | RuntimeException e) {
        future.completeExceptionally(e);
      }
    });
    return new Pending<>(future, own::cancel);
  }

  /** Threads that fetch pages ahead; daemons, so they never keep a finished program alive. */
  private static final ExecutorService BACKGROUND =
      Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "apiquery-page");
        t.setDaemon(true);
        return t;
      });



  /** A page's request as messages name it: method, redacted URL and page number. */
  public String describe(ApiRequest request, int pageNumber) {
    String what = request.describe() + " (page " + pageNumber + ")";
    LOG.debug("Table '{}': {}", table, what);
    return what;
  }

  private SQLException httpFailure(Response response, String what) {
    return ScanErrors.http(table, what + " failed: HTTP " + response.code() + statusText(response)
        + bodyStart(response), response.code());
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

  /** The start of the body (redacted, folded, cut), for a message or the log. */
  public String bodyStart(Response response) {
    return format(peek(response));
  }

  /** A copy of the body's start, taken before a reader consumes the stream. */
  public static ResponseBody peek(Response response) {
    try {
      return response.peekBody(BODY_START * 8L);
    } catch (IOException | IllegalStateException e) {
      return null;
    }
  }

  /** A peeked body as message text: redacted, whitespace folded, cut to {@value #BODY_START} chars. */
  public String format(ResponseBody peeked) {
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

  public String redact(String text) {
    return client.redactor().redact(text);
  }

  /** An exchange that ran out of time: the connection's Timeout, or what was left of the query's. */
  public static final class ExchangeTimeout extends SQLException {
    private static final long serialVersionUID = 1L;

    ExchangeTimeout(String message) {
      super(message, ScanErrors.IO);
    }
  }


}
