package dev.apiquery.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What a hand-written client does for the first rows of {@link PagedJsonServer}: one request,
 * every value parsed with Jackson's streaming parser. The yardstick of the LIMIT and cold-start
 * benchmarks; run as a program it is the bare loop's cold run (a fresh JVM, the first 10 rows,
 * exit), started by {@link ColdStartBenchmark}.
 */
public final class BareClient {
  private static final JsonFactory JSON = new JsonFactory();

  private BareClient() {}

  public static void main(String[] args) throws Exception {
    long rows = firstRows(new OkHttpClient(), args[0], 10);
    System.out.println("rows=" + rows);
    System.exit(0); // OkHttp's threads would keep the JVM up for a minute
  }

  static long firstRows(OkHttpClient client, String base, int limit) throws Exception {
    Request request = new Request.Builder().url(base + "/items?offset=0&limit=" + limit).build();
    try (Response response = client.newCall(request).execute();
        InputStream body = response.body().byteStream();
        JsonParser p = JSON.createParser(body)) {
      long[] sum = new long[1];
      return readItems(p, sum);
    }
  }

  /**
   * Reads the {@code items} of one page, using every value (its hash is added to {@code sum[0]})
   * and walking nested values token by token; returns the number of rows.
   */
  static int readItems(JsonParser p, long[] sum) throws IOException {
    int rows = 0;
    while (p.nextToken() != null) {
      if (p.currentToken() == JsonToken.FIELD_NAME && "items".equals(p.currentName())) {
        p.nextToken(); // START_ARRAY
        while (p.nextToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            sum[0] += value(p, p.nextToken());
          }
          rows++;
        }
      }
    }
    return rows;
  }

  private static long value(JsonParser p, JsonToken value) throws IOException {
    switch (value) {
      case VALUE_NUMBER_INT:
        return Long.hashCode(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return Double.hashCode(p.getDoubleValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return Boolean.hashCode(p.getBooleanValue());
      case VALUE_NULL:
        return 0;
      case START_ARRAY:
      case START_OBJECT:
        long sum = 0;
        for (int depth = 1; depth > 0; ) {
          JsonToken t = p.nextToken();
          if (t.isStructStart()) {
            depth++;
          } else if (t.isStructEnd()) {
            depth--;
          } else if (t.isScalarValue()) {
            sum += p.getText().hashCode();
          }
        }
        return sum;
      default:
        return p.getText().hashCode();
    }
  }
}
