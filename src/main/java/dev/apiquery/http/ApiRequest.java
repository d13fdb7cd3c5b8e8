package dev.apiquery.http;

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
 */
public record ApiRequest(String method, HttpUrl url, List<Map.Entry<String, String>> headers) {
  public ApiRequest {
    headers = List.copyOf(headers);
  }

  public ApiRequest withUrl(HttpUrl newUrl) {
    return new ApiRequest(method, newUrl, headers);
  }

  /** Method and redacted URL, safe for messages and logs. */
  public String describe() {
    return method + " " + Redactor.redactUrl(url);
  }
}
