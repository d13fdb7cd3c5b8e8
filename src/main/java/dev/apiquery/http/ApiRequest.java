package dev.apiquery.http;

import dev.apiquery.redact.Redactor;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * One HTTP request of a scan, before the connection's own headers and parameters are added.
 * Immutable.
 *
 * @param method HTTP method, upper case
 * @param url absolute URL
 * @param headers the profile's headers, in order
 * @param body the request body, or null
 * @param contentType the body's media type, or null
 */
public record ApiRequest(String method, HttpUrl url, List<Map.Entry<String, String>> headers, String body,
    String contentType) {
  public ApiRequest {
    headers = List.copyOf(headers);
  }

  /** A request without a body. */
  public ApiRequest(String method, HttpUrl url, List<Map.Entry<String, String>> headers) {
    this(method, url, headers, null, null);
  }

  public ApiRequest withUrl(HttpUrl newUrl) {
    return new ApiRequest(method, newUrl, headers, body, contentType);
  }

  /** Whether sending it twice is harmless: GET and HEAD are retried, a POST or PUT never. */
  public boolean idempotent() {
    return "GET".equals(method) || "HEAD".equals(method);
  }

  /** Method and redacted URL, safe for messages and logs. */
  public String describe() {
    return method + " " + Redactor.redactUrl(url);
  }
}
