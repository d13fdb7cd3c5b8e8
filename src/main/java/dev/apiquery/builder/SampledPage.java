package dev.apiquery.builder;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One page {@code profile new} fetched.
 *
 * @param url the request URL (without the connection's secret parameters)
 * @param headers the response headers
 * @param body the parsed JSON body
 */
public record SampledPage(HttpUrl url, Headers headers, JsonNode body) {}
