package dev.apiquery.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The bare OkHttp + Jackson loop with {@code inFlight} pages fetched and parsed at once on their
 * own threads, each page's values used where it was parsed, pages taken in order: the most a
 * parallel JVM client can get from this machine, with none of a driver's work (no rows handed
 * to another thread, no SQL types, no JDBC). The issue that set the scan target measured 1.5x
 * for it elsewhere; {@link ScanBenchmark} reports what it reaches here, next to the driver.
 */
final class ParallelBareLoop implements AutoCloseable {
  /** Counted with the driver's fetch threads by {@link ThreadCpu}. */
  static final String THREAD_PREFIX = "bare-page-";
  /** What the reports call it. */
  static final String LABEL = "raw loop with 4 pages in flight on 4 threads (the ceiling for a parallel client)";
  private static final JsonFactory JSON = new JsonFactory();

  private final OkHttpClient client;
  private final String base;
  private final int pageSize;
  private final int inFlight;
  private final ExecutorService threads;

  ParallelBareLoop(OkHttpClient client, String base, int pageSize, int inFlight) {
    this.client = client;
    this.base = base;
    this.pageSize = pageSize;
    this.inFlight = inFlight;
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(inFlight, r -> {
      Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** One page's rows and the sum of its values' hashes. */
  private record PageSum(int rows, long sum) {}

  /** Reads every page; returns the rows, adding the values' hashes to {@code checksum[0]}. */
  long scan(long[] checksum) throws Exception {
    Deque<Future<PageSum>> pending = new ArrayDeque<>();
    long next = 0;
    for (int i = 0; i < inFlight; i++, next += pageSize) {
      pending.add(fetch(next));
    }
    long rows = 0;
    while (true) {
      PageSum page = pending.removeFirst().get();
      rows += page.rows();
      checksum[0] += page.sum();
      if (page.rows() < pageSize) {
        // The pages asked for past the end hold nothing: wait for them, as a client would.
        for (Future<PageSum> extra : pending) {
          extra.get();
        }
        return rows;
      }
      pending.add(fetch(next));
      next += pageSize;
    }
  }

  private Future<PageSum> fetch(long offset) {
    return threads.submit(() -> {
      Request request = new Request.Builder().url(base + "/items?offset=" + offset + "&limit=" + pageSize).build();
      long[] sum = new long[1];
      try (Response response = client.newCall(request).execute();
          InputStream body = response.body().byteStream();
          JsonParser p = JSON.createParser(body)) {
        int rows = BareClient.readItems(p, sum);
        return new PageSum(rows, sum[0]);
      }
    });
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
