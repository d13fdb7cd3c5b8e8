package dev.apiquery.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bundled sample REST API (see {@link SampleApi} for its endpoints) on the JDK's HTTP server,
 * bound to 127.0.0.1. Port 0 picks a free port. Responses are deterministic JSON.
 *
 * <pre>{@code
 * try (SampleApiServer api = new SampleApiServer()) {
 *   String baseUrl = api.start();   // http://127.0.0.1:<port>
 *   ...
 * }
 * }</pre>
 */
public final class SampleApiServer implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final int requestedPort;
  private final SampleApi api = new SampleApi(SampleData.load());
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ExecutorService executor;

  /** A server on an ephemeral port. */
  public SampleApiServer() {
    this(0);
  }

  /** A server on the given port of 127.0.0.1 (0: any free port). */
  public SampleApiServer(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.requestedPort = port;
  }

  /** Starts serving and returns the base URL, {@code http://127.0.0.1:<port>} (no trailing slash). */
  public synchronized String start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    HttpServer http = HttpServer.create(
        new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), requestedPort), 0);
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "apiquery-sample-api-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
    server = http;
    return baseUrl();
  }

  /** The base URL; only while started. */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The request targets served so far ({@code /products?category=books}), in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Stops the server at once; safe to call twice or before {@link #start()}. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
      executor = null;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      requests.add(uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery());
      SampleApi.Response response;
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        response = SampleApi.error(405, "Only GET is supported");
      } else {
        try {
          response = api.get(uri.getPath(), query(uri.getRawQuery()));
        } catch (RuntimeException e) {
          response = SampleApi.error(500, "Internal error: " + e);
        }
      }
      send(exchange, response);
    }
  }

  private static void send(HttpExchange exchange, SampleApi.Response response) throws IOException {
    byte[] body;
    try {
      body = SampleData.MAPPER.writeValueAsBytes(response.body());
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Decoded query parameters; the first occurrence of a name wins. */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.putIfAbsent(decode(name), decode(value));
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
