package dev.apiquery.sql;

import dev.apiquery.http.ApiClient;
import dev.apiquery.http.ApiRequest;
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
import okhttp3.Callback;
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
final class PageFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);
  /** How much of a failed body an error message quotes. */
  private static final int BODY_START = 300;

  private final ApiClient client;
  private final String table;

  PageFetcher(ApiClient client, String table) {
    this.client = client;
    this.table = table;
  }

  /** Fetches a page on this thread. */
  PageResult fetch(ApiRequest request, PageReader reader, int pageNumber, long timeoutMillis, CallTracker tracker)
      throws SQLException {
    String what = describe(request, pageNumber);
    Call call = client.newCall(request, timeoutMillis);
    tracker.started(call);
    try (Response response = call.execute()) {
      return read(response, reader, what, tracker);
    } catch (IOException e) {
      throw failure(e, what, timeoutMillis);
    } finally {
      tracker.finished(call);
    }
  }

  /** A page being fetched: its call (to abort it) and its result. */
  record Pending(Call call, CompletableFuture<PageResult> page) {
    void cancel() {
      call.cancel();
      page.cancel(false);
    }
  }

  /** Starts fetching a page; the body is read on an OkHttp thread as soon as it arrives. */
  Pending fetchAsync(
      ApiRequest request, PageReader reader, int pageNumber, long timeoutMillis, CallTracker tracker) {
    String what = describe(request, pageNumber);
    Call call = client.newCall(request, timeoutMillis);
    CompletableFuture<PageResult> future = new CompletableFuture<>();
    tracker.started(call);
    call.enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          future.complete(read(response, reader, what, tracker));
        } catch (IOException e) {
          future.completeExceptionally(failure(e, what, timeoutMillis));
        } catch (SQLException | RuntimeException e) {
          future.completeExceptionally(e);
        } finally {
          tracker.finished(c);
        }
      }

      @Override
      public void onFailure(Call c, IOException e) {
        tracker.finished(c);
        future.completeExceptionally(failure(e, what, timeoutMillis));
      }
    });
    return new Pending(call, future);
  }

  private String describe(ApiRequest request, int pageNumber) {
    String what = request.describe() + " (page " + pageNumber + ")";
    LOG.debug("Table '{}': {}", table, what);
    return what;
  }

  private PageResult read(Response response, PageReader reader, String what, CallTracker tracker)
      throws IOException, SQLException {
    if (!response.isSuccessful()) {
      throw ScanErrors.of(
          table,
          what + " failed: HTTP " + response.code() + statusText(response) + bodyStart(response),
          ScanErrors.httpState(response.code()),
          null);
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
    // Peeked before parsing, so that a parse failure can still quote how the body began.
    String start = bodyStart(response);
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
              + redact(e.getMessage()) + start,
          ScanErrors.DATA,
          null);
    }
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

  /** The start of the body, for the message; peeked so that a parse failure can still quote it. */
  private String bodyStart(Response response) {
    try {
      String text = response.peekBody(BODY_START * 4L).string();
      text = text.strip().replaceAll("\\s+", " ");
      if (text.isEmpty()) {
        return " (empty body)";
      }
      if (text.length() > BODY_START) {
        text = text.substring(0, BODY_START) + "...";
      }
      return ": " + redact(text);
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
  interface CallTracker {
    void started(Call call);

    void finished(Call call);

    /** Body bytes read for a page. */
    default void received(long bytes) {}
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
