package dev.apiquery.http;

import java.util.List;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A client for cleartext URLs, and the same client with TLS, made the first time an https URL is
 * called. Setting TLS up (the JDK's trust store, an SSLContext: about a fifth of a cold
 * connect) is then paid only by connections that use https, and never by a loopback or
 * plain-http API. Both share the connection pool and dispatcher of {@link SharedHttpClient}.
 * A redirect never needs the other client: the cleartext one follows no redirect to https.
 */
public final class LazyTlsClient {
  /** OkHttp's default specs: modern TLS for https, cleartext for http. */
  private static final List<ConnectionSpec> TLS_SPECS = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);

  private final OkHttpClient cleartext;
  private final Consumer<OkHttpClient.Builder> tlsSetup;
  private volatile OkHttpClient tls;

  /**
   * @param cleartext a client derived from {@link SharedHttpClient#get()} (cleartext only)
   * @param tlsSetup what the TLS client adds (the certificates of SSLServerCert), or nothing
   */
  public LazyTlsClient(OkHttpClient cleartext, Consumer<OkHttpClient.Builder> tlsSetup) {
    this.cleartext = cleartext;
    this.tlsSetup = tlsSetup;
  }

  public Call newCall(Request request) {
    return (request.url().isHttps() ? tls() : cleartext).newCall(request);
  }

  private OkHttpClient tls() {
    OkHttpClient client = tls;
    if (client == null) {
      synchronized (this) {
        client = tls;
        if (client == null) {
          OkHttpClient.Builder builder = cleartext.newBuilder().connectionSpecs(TLS_SPECS);
          tlsSetup.accept(builder);
          client = builder.build();
          tls = client;
        }
      }
    }
    return client;
  }
}
