package dev.apiquery.scan;

import dev.apiquery.http.ApiClient;
import dev.apiquery.http.RetryPolicy;
import dev.apiquery.profile.CaseInsensitive;
import java.util.Map;

/**
 * What every scan of one connection shares: the values profiles see as
 * {@code [_connection.x]}, the HTTP client with the connection's headers and parameters, and
 * the limits from the options. Immutable.
 *
 * @param connectionValues every option and {@code ProfileSettings}/{@code Other} key
 * @param http the connection's HTTP client
 * @param timeoutMillis {@code Timeout}: one HTTP exchange
 * @param maxPages {@code MaxPages}: a scan that needs more pages fails
 * @param maxConcurrentRequests {@code MaxConcurrentRequests}: pages one chain fetches at once
 * @param scanLog where finished scans report what they cost
 * @param retry {@code MaxRetries} and {@code MaxRetryWait}
 * @param rateLimit {@code RateLimit}: requests per second per host, 0 for none
 */
public record ConnectionContext(
    Map<String, String> connectionValues, ApiClient http, long timeoutMillis, int maxPages,
    int maxConcurrentRequests, ScanRecorder scanLog, RetryPolicy retry, double rateLimit) {
  public ConnectionContext {
    connectionValues = CaseInsensitive.copyOf(connectionValues);
  }

  /** The same context with another page concurrency (a scan whose chains already run at once). */
  public ConnectionContext withMaxConcurrentRequests(int n) {
    return new ConnectionContext(connectionValues, http, timeoutMillis, maxPages, n, scanLog, retry, rateLimit);
  }
}
