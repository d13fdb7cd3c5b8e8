package dev.apiquery.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The HTTP client of one JDBC connection: the shared OkHttp client with this connection's
 * timeout, proxy and trusted certificates, plus its {@code CustomHeaders} and
 * {@code CustomUrlParams}. Immutable and thread-safe.
 */
public final class ApiClient {
  static final String USER_AGENT = "apiquery-jdbc/" + Version.VERSION;

  private final OkHttpClient client;
  private final List<Map.Entry<String, String>> customHeaders;
  private final List<Map.Entry<String, String>> customUrlParams;
  private final Redactor redactor;

  private ApiClient(Builder b) {
    OkHttpClient.Builder http = SharedHttpClient.get().newBuilder()
        .connectTimeout(Duration.ofMillis(b.timeoutMillis))
        .readTimeout(Duration.ofMillis(b.timeoutMillis))
        .writeTimeout(Duration.ofMillis(b.timeoutMillis));
    if (b.proxyHost != null) {
      http.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(b.proxyHost, b.proxyPort)));
      if (b.proxyUser != null) {
        String credential = Credentials.basic(b.proxyUser, b.proxyPassword == null ? "" : b.proxyPassword);
        http.proxyAuthenticator((route, response) -> {
          if (response.request().header("Proxy-Authorization") != null) {
            return null; // the proxy refused these credentials once; do not loop
          }
          return response.request().newBuilder().header("Proxy-Authorization", credential).build();
        });
      }
    }
    if (b.trustedCertificates != null) {
      TrustedCertificates trust = TrustedCertificates.load(b.trustedCertificates);
      http.sslSocketFactory(trust.socketFactory(), trust.trustManager());
    }
    this.client = http.build();
    this.customHeaders = List.copyOf(b.customHeaders);
    this.customUrlParams = List.copyOf(b.customUrlParams);
    this.redactor = b.redactor;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Hides this connection's secret values in any text. */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * Prepares the call for a request: {@code CustomUrlParams} the URL lacks are added, then
   * {@code CustomHeaders}, which the profile's own headers of the same name override.
   *
   * @param timeoutMillis the most this exchange may take, whole body included
   */
  public Call newCall(ApiRequest request, long timeoutMillis) {
    Request.Builder builder = new Request.Builder().url(withCustomParams(request.url()));
    builder.header("User-Agent", USER_AGENT);
    builder.header("Accept", "application/json");
    for (Map.Entry<String, String> h : customHeaders) {
      builder.header(h.getKey(), h.getValue());
    }
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, String> h : request.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (seen.contains(name)) {
        builder.addHeader(h.getKey(), h.getValue());
      } else {
        builder.header(h.getKey(), h.getValue());
        seen.add(name);
      }
    }
    builder.method(request.method(), null);
    Call call = client.newCall(builder.build());
    call.timeout().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    return call;
  }

  private HttpUrl withCustomParams(HttpUrl url) {
    if (customUrlParams.isEmpty()) {
      return url;
    }
    HttpUrl.Builder builder = url.newBuilder();
    for (Map.Entry<String, String> p : customUrlParams) {
      if (url.queryParameter(p.getKey()) == null) {
        builder.addQueryParameter(p.getKey(), p.getValue());
      }
    }
    return builder.build();
  }

  /** Settings of a connection's client; every one is optional. */
  public static final class Builder {
    private long timeoutMillis = 60_000;
    private String proxyHost;
    private int proxyPort = 80;
    private String proxyUser;
    private String proxyPassword;
    private Path trustedCertificates;
    private List<Map.Entry<String, String>> customHeaders = List.of();
    private List<Map.Entry<String, String>> customUrlParams = List.of();
    private Redactor redactor = Redactor.NONE;

    public Builder timeoutMillis(long millis) {
      this.timeoutMillis = millis;
      return this;
    }

    public Builder proxy(String host, int port, String user, String password) {
      this.proxyHost = host;
      this.proxyPort = port;
      this.proxyUser = user;
      this.proxyPassword = password;
      return this;
    }

    /** A PEM file or a folder of PEM files trusted in addition to the system's CAs. */
    public Builder trustedCertificates(Path pemFileOrFolder) {
      this.trustedCertificates = pemFileOrFolder;
      return this;
    }

    public Builder customHeaders(List<Map.Entry<String, String>> headers) {
      this.customHeaders = headers;
      return this;
    }

    public Builder customUrlParams(List<Map.Entry<String, String>> params) {
      this.customUrlParams = params;
      return this;
    }

    public Builder redactor(Redactor r) {
      this.redactor = r;
      return this;
    }

    public ApiClient build() {
      return new ApiClient(this);
    }
  }
}
