package dev.apiquery.builder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apiquery.redact.Redactor;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One page {@code profile new} fetched.
 *
 * @param url the request URL (without the connection's secret parameters)
 * @param headers the response headers
 * @param body the parsed JSON body
 */
public record SampledPage(HttpUrl url, Headers headers, JsonNode body) {
  /** The redacted URL only: headers and body may hold credentials an API echoes. */
  @Override
  public String toString() {
    return "SampledPage[" + Redactor.redactUrl(url) + "]";
  }
}
