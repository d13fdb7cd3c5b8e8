package dev.apiquery.http;

import dev.apiquery.log.ConnectionLog;
import dev.apiquery.redact.Redactor;
import dev.apiquery.redact.SecretNames;
import dev.apiquery.spi.AuthPlugin;
import dev.apiquery.spi.AuthRequest;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The HTTP client of one JDBC connection: the shared OkHttp client with this connection's
 * timeout, proxy and trusted certificates, plus its {@code CustomHeaders} and
 * {@code CustomUrlParams}. Immutable and thread-safe.
 */
public final class ApiClient {
  static final String USER_AGENT = "apiquery-jdbc/" + Version.VERSION;

  private final LazyTlsClient client;
  private final List<Map.Entry<String, String>> customHeaders;
  private final List<Map.Entry<String, String>> customUrlParams;
  private volatile Redactor redactor;
  private final Set<String> learned = ConcurrentHashMap.newKeySet();
  private final AuthPlugin auth;
  private final CredentialScope scope;
  private final ConnectionLog log;

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
    // Loaded now, so that a bad SSLServerCert fails the connect; installed with TLS, on first use.
    TrustedCertificates trust = b.trustedCertificates == null ? null : TrustedCertificates.load(b.trustedCertificates);
    this.client = new LazyTlsClient(http.build(), tls -> {
      if (trust != null) {
        tls.sslSocketFactory(trust.socketFactory(), trust.trustManager());
      }
    });
    this.customHeaders = List.copyOf(b.customHeaders);
    this.customUrlParams = List.copyOf(b.customUrlParams);
    this.redactor = b.redactor;
    this.auth = b.auth;
    this.log = b.log;
    this.scope = new CredentialScope(b.allowedHosts);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The connection's Logfile/Verbosity log. */
  public ConnectionLog log() {
    return log;
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
  public Call newCall(ApiRequest request, long timeoutMillis) throws SQLException {
    boolean credentials = scope.allows(request.url());
    Request.Builder builder = new Request.Builder().url(credentials ? withCustomParams(request.url()) : request.url());
    builder.header("User-Agent", USER_AGENT);
    builder.header("Accept", "application/json");
    if (credentials) {
      for (Map.Entry<String, String> h : customHeaders) {
        builder.header(h.getKey(), withAccessToken(h.getValue()));
      }
    }
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, String> h : request.headers()) {
      if (!credentials && SecretNames.isSecretHeader(h.getKey())) {
        continue; // a profile header that carries a secret stays with the profile's hosts too
      }
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (seen.contains(name)) {
        builder.addHeader(h.getKey(), h.getValue());
      } else {
        builder.header(h.getKey(), h.getValue());
        seen.add(name);
      }
    }
    builder.method(request.method(), request.body() == null ? bodyless(request.method())
        : RequestBody.create(request.body(), MediaType.parse(request.contentType())));
    if (credentials) {
      auth.authenticate(new BuilderAuthRequest(builder, request.method()));
    }
    Request built = builder.build();
    if (credentials) {
      learnSecrets(built);
    }
    if (log.enabled(2)) {
      log.log(2, "request " + built.method() + " " + Redactor.redactUrl(built.url())
          + ConnectionLog.headers(built.headers()));
    }
    Call call = client.newCall(built);
    call.timeout().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    return call;
  }

  /**
   * Adds credentials the auth plugin put on a request (a token obtained after the connection
   * opened) to the values this connection hides, so an API that echoes them in an error body
   * does not put them in a message.
   */
  private void learnSecrets(Request request) {
    for (int i = 0; i < request.headers().size(); i++) {
      String name = request.headers().name(i);
      if (!SecretNames.isSecretHeader(name)) {
        continue;
      }
      String value = request.headers().value(i);
      String secret = SecretNames.credentialsOf(value);
      String known = secret != null ? secret : value;
      if (known.length() >= 8 && learned.add(known)) {
        synchronized (this) {
          redactor = redactor.plus(List.of(known));
        }
      }
    }
  }

  /** OkHttp needs a body for POST, PUT and PATCH: an empty one when the profile sets none. */
  private static RequestBody bodyless(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
        ? RequestBody.create(new byte[0]) : null;
  }

  /** Lets this URL's host receive credentials: it is a host of the profile's URIs. */
  public void trust(HttpUrl url) {
    scope.trust(url);
  }

  /** Tells the auth plugin that a query starts. */
  public void beforeQuery() throws SQLException {
    auth.beforeQuery();
  }

  /** Tells the auth plugin of a 401; true when it re-authenticated and the request may be sent again. */
  public boolean reauthenticate() throws SQLException {
    return auth.onUnauthorized();
  }

  /** Matillion's {@code ${access_token}}: the auth plugin's current token. */
  private String withAccessToken(String value) throws SQLException {
    if (!value.contains(ACCESS_TOKEN)) {
      return value;
    }
    String token = auth.accessToken();
    return value.replace(ACCESS_TOKEN, token == null ? "" : token);
  }

  private static final String ACCESS_TOKEN = "${access_token}";

  /** A client built without an auth plugin sends no credentials (the auth package's None scheme). */
  private static final AuthPlugin NO_AUTH = new AuthPlugin() {
    @Override
    public String scheme() {
      return "None";
    }

    @Override
    public void configure(Map<String, String> options) {}

    @Override
    public void authenticate(AuthRequest request) {}
  };

  private HttpUrl withCustomParams(HttpUrl url) throws SQLException {
    if (customUrlParams.isEmpty()) {
      return url;
    }
    HttpUrl.Builder builder = url.newBuilder();
    for (Map.Entry<String, String> p : customUrlParams) {
      if (url.queryParameter(p.getKey()) == null) {
        builder.addQueryParameter(p.getKey(), withAccessToken(p.getValue()));
      }
    }
    return builder.build();
  }

  /** An {@link AuthRequest} over an OkHttp request being built. */
  private static final class BuilderAuthRequest implements AuthRequest {
    private final Request.Builder builder;
    private final String method;

    BuilderAuthRequest(Request.Builder builder, String method) {
      this.builder = builder;
      this.method = method;
    }

    @Override
    public String url() {
      return builder.build().url().toString();
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public void setHeader(String name, String value) {
      builder.header(name, value);
    }

    @Override
    public void setQueryParameter(String name, String value) {
      HttpUrl current = builder.build().url();
      builder.url(current.newBuilder().setQueryParameter(name, value).build());
    }
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
    private AuthPlugin auth = NO_AUTH;
    private Collection<String> allowedHosts = List.of();
    private ConnectionLog log = ConnectionLog.NONE;

    /** Logfile and Verbosity. */
    public Builder log(ConnectionLog connectionLog) {
      this.log = connectionLog;
      return this;
    }

    /** The connection's auth plugin, already configured. */
    public Builder auth(AuthPlugin plugin) {
      this.auth = plugin;
      return this;
    }

    /** {@code AllowedHosts}: extra {@code host} or {@code host:port} entries that get credentials. */
    public Builder allowedHosts(Collection<String> hosts) {
      this.allowedHosts = hosts;
      return this;
    }

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
