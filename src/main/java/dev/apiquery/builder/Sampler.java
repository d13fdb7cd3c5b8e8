package dev.apiquery.builder;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apiquery.http.ApiClient;
import dev.apiquery.http.ApiRequest;
import dev.apiquery.redact.Redactor;
import dev.apiquery.jdbc.ConnectionClients;
import dev.apiquery.jdbc.ConnectionOptions;
import dev.apiquery.jdbc.OptionName;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches sample pages with a connection's own HTTP client and auth plugin, exactly as a
 * {@code jdbc:apiquery:} connection with the same options would: the plugin is told a query
 * starts (an OAuth token is obtained or refreshed), adds its credentials, and may re-authenticate
 * once on a 401.
 */
public final class Sampler {
  private static final int BODY_START = 300;

  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final ApiClient client;
  private final List<Map.Entry<String, String>> headers;
  private final long timeoutMillis;
  private boolean started;

  /**
   * @param options the connection's options (auth, {@code CustomHeaders}, {@code CustomUrlParams},
   *     proxy, timeout)
   * @param headers headers the profile itself will send
   */
  public Sampler(ConnectionOptions options, List<Map.Entry<String, String>> headers) throws SQLException {
    this.client = ConnectionClients.client(options, ConnectionClients.log(options));
    this.headers = List.copyOf(headers);
    this.timeoutMillis = options.getInt(OptionName.TIMEOUT) * 1000L;
  }

  /** Credentials go to this URL's host, as to the hosts of a profile's URIs. */
  public void trust(HttpUrl url) {
    client.trust(url);
  }

  /** GETs one page; any status but 2xx, and a body that is not JSON, fail with the redacted URL. */
  public SampledPage fetch(HttpUrl url) throws BuilderException {
    ApiRequest request = new ApiRequest("GET", url, headers);
    try {
      if (!started) {
        client.beforeQuery();
        started = true;
      }
      try (Response response = client.newCall(request, timeoutMillis).execute()) {
        if (response.code() == 401 && client.reauthenticate()) {
          try (Response again = client.newCall(request, timeoutMillis).execute()) {
            return page(request, again);
          }
        }
        return page(request, response);
      }
    } catch (SQLException e) {
      throw new BuilderException(client.redactor().redact(String.valueOf(e.getMessage())), e);
    } catch (IOException e) {
      throw new BuilderException(request.describe() + " failed: " + client.redactor().redact(e.toString()), e);
    }
  }

  private SampledPage page(ApiRequest request, Response response) throws IOException, BuilderException {
    ResponseBody body = response.body();
    String text = body == null ? "" : body.string();
    if (!response.isSuccessful()) {
      throw new BuilderException(request.describe() + " answered HTTP " + response.code() + ": "
          + start(text));
    }
    try {
      JsonNode document = json.readTree(text);
      if (document == null || document.isMissingNode()) {
        throw new BuilderException(request.describe() + " answered an empty body, not JSON");
      }
      return new SampledPage(request.url(), response.headers(), document);
    } catch (JacksonException e) {
      throw new BuilderException(request.describe() + " did not answer JSON: " + start(text));
    }
  }

  private String start(String body) {
    String redacted = client.redactor().redact(body).strip().replaceAll("\\s+", " ");
    return redacted.length() > BODY_START ? redacted.substring(0, BODY_START) + "..." : redacted;
  }

  /** Hides the connection's secrets in a text. */
  public Redactor redactor() {
    return client.redactor();
  }
}
