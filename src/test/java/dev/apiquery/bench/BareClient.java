package dev.apiquery.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
  private BareClient() {}

  public static void main(String[] args) throws Exception {
    long rows = firstRows(new OkHttpClient(), args[0], 10);
    System.out.println("rows=" + rows);
    System.exit(0); // OkHttp's threads would keep the JVM up for a minute
  }

  static long firstRows(OkHttpClient client, String base, int limit) throws Exception {
    JsonFactory factory = new JsonFactory();
    Request request = new Request.Builder().url(base + "/items?offset=0&limit=" + limit).build();
    long rows = 0;
    try (Response response = client.newCall(request).execute();
        InputStream body = response.body().byteStream();
        JsonParser p = factory.createParser(body)) {
      Object[] row = new Object[PagedJsonServer.COLUMNS];
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && "items".equals(p.currentName())) {
          p.nextToken(); // START_ARRAY
          while (p.nextToken() == JsonToken.START_OBJECT) {
            int i = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              JsonToken value = p.nextToken();
              row[i++ % row.length] = switch (value) {
                case VALUE_NUMBER_INT -> p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                default -> p.getText();
              };
            }
            rows++;
          }
        }
      }
    }
    return rows;
  }
}
