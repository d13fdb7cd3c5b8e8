package dev.apiquery.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast offset-paged JSON API on loopback, for benchmarks and the bounded-memory test:
 * {@code GET /items?offset=o&limit=n} answers {@code {"items":[...]}} with rows of 10 columns, one
 * of them nested (an array of strings, which the driver returns as JSON text).
 * Pages are either rendered up front (so that the server is never the bottleneck of a benchmark)
 * or streamed as they are written (so that huge results cost the server no memory).
 */
public final class PagedJsonServer implements AutoCloseable {
  public static final int COLUMNS = 10;

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, each
    // response then waits ~40 ms for a delayed ACK, and the server becomes the bottleneck.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** The name every handler thread starts with (the dispatcher is the JDK's "HTTP-Dispatcher"). */
  static final String THREAD_PREFIX = "bench-server-";

  private final HttpServer server;
  private final ExecutorService executor;
  private final long totalRows;
  private final int padding;
  private final long latencyMillis;
  private final byte[][] rendered;
  private final int renderedPageSize;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong faults = new AtomicLong();
  /** The offset of every request that reached the handler, in arrival order. */
  private final Queue<Long> offsets = new ConcurrentLinkedQueue<>();
  /** Share of requests answered with 429, 503 or a dropped connection; 0 for none. */
  private volatile double faultRate;
  private final Random faultRandom = new Random(42);

  /**
   * @param totalRows rows the API has
   * @param padding extra characters in each row's text column, to size the body
   * @param prerenderPageSize page size to render up front, or 0 to stream every page
   * @param latencyMillis delay before each page is answered
   */
  public PagedJsonServer(long totalRows, int padding, int prerenderPageSize, long latencyMillis) throws IOException {
    this.totalRows = totalRows;
    this.padding = padding;
    this.latencyMillis = latencyMillis;
    this.renderedPageSize = prerenderPageSize;
    if (prerenderPageSize > 0) {
      int pages = (int) ((totalRows + prerenderPageSize - 1) / prerenderPageSize) + 1;
      rendered = new byte[pages][];
      for (int p = 0; p < pages; p++) {
        rendered[p] = render((long) p * prerenderPageSize, prerenderPageSize);
      }
    } else {
      rendered = null;
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    AtomicLong threads = new AtomicLong();
    executor = Executors.newFixedThreadPool(8, r -> new Thread(r, THREAD_PREFIX + threads.incrementAndGet()));
    server.setExecutor(executor);
    server.createContext("/items", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public long requests() {
    return requests.get();
  }

  /** The offset each request asked for, in arrival order. */
  public List<Long> offsetsRequested() {
    return List.copyOf(offsets);
  }

  public long faults() {
    return faults.get();
  }

  /** From now on, answer about this share of requests with 429, 503 or a dropped connection. */
  public void injectFaults(double rate) {
    this.faultRate = rate;
  }

  /** True when this request was answered with a fault. */
  private boolean fault(HttpExchange exchange) throws IOException {
    int kind;
    synchronized (faultRandom) {
      if (faultRate <= 0 || faultRandom.nextDouble() >= faultRate) {
        return false;
      }
      kind = faultRandom.nextInt(3);
    }
    faults.incrementAndGet();
    if (kind == 2) {
      exchange.getHttpContext().getServer(); // nothing written: the client sees the connection end
      exchange.close();
      return true;
    }
    exchange.getResponseHeaders().set("Retry-After", "0");
    exchange.sendResponseHeaders(kind == 0 ? 429 : 503, -1);
    exchange.close();
    return true;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    if (fault(exchange)) {
      return;
    }
    try {
      URI uri = exchange.getRequestURI();
      long offset = param(uri, "offset", 0);
      offsets.add(offset);
      int limit = (int) param(uri, "limit", 100);
      if (latencyMillis > 0) {
        Thread.sleep(latencyMillis);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (rendered != null && limit == renderedPageSize && offset % renderedPageSize == 0
          && offset / renderedPageSize < rendered.length) {
        byte[] body = rendered[(int) (offset / renderedPageSize)];
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
        return;
      }
      exchange.sendResponseHeaders(200, 0); // chunked: streamed as written
      try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
        write(out, offset, limit);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private byte[] render(long offset, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, offset, limit);
    return out.toByteArray();
  }

  private void write(OutputStream out, long offset, int limit) throws IOException {
    out.write("{\"total\":".getBytes(StandardCharsets.US_ASCII));
    out.write(Long.toString(totalRows).getBytes(StandardCharsets.US_ASCII));
    out.write(",\"items\":[".getBytes(StandardCharsets.US_ASCII));
    long end = Math.min(totalRows, offset + limit);
    String pad = "x".repeat(padding);
    StringBuilder sb = new StringBuilder(256 + padding);
    for (long i = offset; i < end; i++) {
      sb.setLength(0);
      if (i > offset) {
        sb.append(',');
      }
      sb.append("{\"id\":").append(i)
          .append(",\"name\":\"name-").append(i).append('"')
          .append(",\"score\":").append(i % 1000).append('.').append(i % 10)
          .append(",\"active\":").append(i % 2 == 0)
          .append(",\"created\":\"2024-01-").append(10 + i % 18).append("T10:00:00Z\"")
          .append(",\"amount\":").append(i * 3)
          .append(",\"city\":\"city-").append(i % 50).append('"')
          .append(",\"tags\":[\"t").append(i % 7).append("\",\"u").append(i % 3).append("\"]")
          .append(",\"count\":").append(i % 100)
          .append(",\"note\":\"").append(pad).append("\"}");
      out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }
    out.write("]}".getBytes(StandardCharsets.US_ASCII));
  }

  private static long param(URI uri, String name, long defaultValue) {
    String query = uri.getRawQuery();
    if (query == null) {
      return defaultValue;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return Long.parseLong(pair.substring(eq + 1));
      }
    }
    return defaultValue;
  }

  /** The RSD of the table this server serves, offset paged with the given page size. */
  public String profile(int pageSize) {
    return """
        <api:script xmlns:api="http://apiscript.com/ns?v1" xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <api:info title="Items" desc="Benchmark rows" xmlns:other="http://apiscript.com/ns?v1">
            <attr name="id" xs:type="long" key="true" other:xPath="id"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
            <attr name="score" xs:type="double" other:xPath="score"/>
            <attr name="active" xs:type="boolean" other:xPath="active"/>
            <attr name="created" xs:type="datetime" other:xPath="created"/>
            <attr name="amount" xs:type="long" other:xPath="amount"/>
            <attr name="city" xs:type="string" other:xPath="city"/>
            <attr name="tags" xs:type="string" other:xPath="tags"/>
            <attr name="count" xs:type="int" other:xPath="count"/>
            <attr name="note" xs:type="string" other:xPath="note"/>
          </api:info>
          <api:set attr="JSONPath" value="$.items"/>
          <api:set attr="pageoffsetparam" value="offset;0"/>
          <api:set attr="pagesizeparam" value="limit"/>
          <api:set attr="pagesize" value="%d"/>
          <api:script method="GET">
            <api:set attr="URI" value="%s/items"/>
            <api:call op="jsonproviderGet"><api:push/></api:call>
          </api:script>
        </api:script>
        """.formatted(pageSize, baseUrl());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
