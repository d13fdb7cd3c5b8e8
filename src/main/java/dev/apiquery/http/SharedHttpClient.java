package dev.apiquery.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp client of the JVM. Every connection derives its own client from it with
 * {@link OkHttpClient#newBuilder()}, which shares the connection pool and dispatcher threads, so
 * that many JDBC connections to one API reuse sockets instead of each opening its own. It speaks
 * cleartext only, so that building it sets no TLS up; {@link LazyTlsClient} adds TLS for the
 * first https URL.
 */
public final class SharedHttpClient {
  private SharedHttpClient() {}

  private static final class Holder {
    static final OkHttpClient CLIENT = create();
  }

  /** The shared client: pooled connections, transparent gzip, cleartext only (see LazyTlsClient). */
  public static OkHttpClient get() {
    return Holder.CLIENT;
  }

  private static OkHttpClient create() {
    // Daemon threads: OkHttp's default dispatcher threads would keep a finished program (the
    // command line, a batch job) alive for a minute after its last query.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "apiquery-http");
          thread.setDaemon(true);
          return thread;
        });
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(16);
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
        .dispatcher(dispatcher)
        .connectTimeout(Duration.ofSeconds(60))
        .readTimeout(Duration.ofSeconds(60))
        .followRedirects(true)
        .followSslRedirects(false)
        .retryOnConnectionFailure(true)
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .build();
  }
}
