package dev.apiquery.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.bench.PagedJsonServer;
import dev.apiquery.http.SharedHttpClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 16 connections scan paged tables while the server answers about 5% of requests with 429, 503
 * or a dropped connection: every query returns exactly its rows, and afterwards no HTTP
 * connection is still in use and no file handle is left open. Runs 20 s by default;
 * {@code -Dapiquery.load.seconds=60} runs longer.
 */
class LoadTest {
  @TempDir Path dir;

  /** Open sockets of this JVM (Linux): the file handles a leaked HTTP connection would hold. */
  private static long openSockets() throws Exception {
    File[] fds = new File("/proc/self/fd").listFiles();
    long sockets = 0;
    for (File fd : fds == null ? new File[0] : fds) {
      try {
        if (Files.readSymbolicLink(fd.toPath()).toString().startsWith("socket:")) {
          sockets++;
        }
      } catch (java.io.IOException gone) {
        // closed while listing
      }
    }
    return sockets;
  }

  private static List<String> busyDriverThreads() {
    List<String> busy = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      Thread.State state = t.getState();
      if (t.getName().startsWith("apiquery-") && state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
        busy.add(t.getName() + " " + state);
      }
    }
    return busy;
  }

  private static boolean driverThreadsIdle() {
    return busyDriverThreads().isEmpty();
  }

  @Test
  void sixteenConnectionsThroughFaultsGetExactlyTheirRows() throws Exception {
    Class.forName("dev.apiquery.jdbc.Driver");
    long seconds = Long.getLong("apiquery.load.seconds", 20);
    long rows = 2_000;
    long socketsBefore = openSockets();
    AtomicLong queries = new AtomicLong();
    try (PagedJsonServer server = new PagedJsonServer(rows, 10, 50, 0)) {
      Files.writeString(dir.resolve("Items.rsd"), server.profile(50));
      String url = "jdbc:apiquery:Profile=" + dir + ";MaxRetries=8;MaxRetryWait=2";
      server.injectFaults(0.05);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 16; w++) {
        int worker = w;
        workers.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection(url)) {
            int round = 0;
            while (System.nanoTime() < deadline) {
              String sql = switch ((worker + round++) % 3) {
                case 0 -> "select id from items";
                case 1 -> "select id from items limit 777";
                default -> "select id from items limit 100 offset 1500";
              };
              long expectedCount = sql.endsWith("777") ? 777 : sql.endsWith("1500") ? 100 : rows;
              long first = sql.endsWith("1500") ? 1500 : 0;
              long count = 0;
              long sum = 0;
              try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                  count++;
                  sum += rs.getLong(1);
                }
              }
              assertEquals(expectedCount, count, sql);
              // ids first..first+n-1, each exactly once: none lost, none repeated
              assertEquals(expectedCount * (2 * first + expectedCount - 1) / 2, sum, sql);
              queries.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : workers) {
        f.get(seconds + 120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      server.injectFaults(0);
      assertTrue(queries.get() >= 16, "queries: " + queries.get());
      assertTrue(server.faults() > 0, "the server injected no fault");

      ConnectionPool connections = SharedHttpClient.get().connectionPool();
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (connections.connectionCount() != connections.idleConnectionCount() && System.nanoTime() < waitUntil) {
        Thread.sleep(50);
      }
      assertEquals(connections.idleConnectionCount(), connections.connectionCount(), "HTTP connections still in use");
      connections.evictAll();
      // The driver's own threads are all idle: nothing still runs for a finished query.
      for (int i = 0; i < 40 && !driverThreadsIdle(); i++) {
        Thread.sleep(50);
      }
      assertTrue(driverThreadsIdle(), "busy driver threads: " + busyDriverThreads());
    }
    // Server stopped, idle client connections evicted: the sockets of thousands of requests are
    // closed. One may remain: the JDK server closes its listening socket's channel lazily.
    long socketsAfter = openSockets();
    for (int i = 0; i < 40 && socketsAfter > socketsBefore; i++) {
      Thread.sleep(50);
      socketsAfter = openSockets();
    }
    assertTrue(socketsAfter <= socketsBefore + 1, "sockets before " + socketsBefore + ", after " + socketsAfter
        + " (" + queries.get() + " queries)");
  }
}
