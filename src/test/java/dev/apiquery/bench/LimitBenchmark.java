package dev.apiquery.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;

/**
 * The "LIMIT 10, warm" benchmark of docs/performance.md: on one open connection, a new
 * {@code Statement} running {@code SELECT * FROM items LIMIT 10} (every value read with getObject),
 * against a bare OkHttp + Jackson client asking the same loopback server for the same 10 rows,
 * in one run, reported as a ratio of median times. Also reports the same query through one
 * {@code PreparedStatement} re-executed, and the requests per query (must be 1). A harness, not a
 * test: run it with {@code bench/run.sh 5 limit}.
 */
public final class LimitBenchmark {
  private static final int PAGE = 100;
  private static final int LIMIT = 10;
  private static final String SQL = "select * from items limit " + LIMIT;
  /** Queries per round; the median of each round's mean is reported. */
  private static final int QUERIES = 100;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    Class.forName("dev.apiquery.jdbc.Driver");
    Path dir = Files.createTempDirectory("apiquery-bench");
    try (PagedJsonServer server = new PagedJsonServer(200_000, 20, PAGE, 0)) {
      Files.writeString(dir.resolve("Items.rsd"), server.profile(PAGE));
      OkHttpClient bare = new OkHttpClient();
      List<Double> bareMillis = new ArrayList<>();
      List<Double> statementMillis = new ArrayList<>();
      List<Double> preparedMillis = new ArrayList<>();
      long driverRequests = 0;
      long driverQueries = 0;
      try (Connection c = DriverManager.getConnection("jdbc:apiquery:Profile=" + dir);
          PreparedStatement prepared = c.prepareStatement(SQL)) {
        for (int round = 0; round < rounds + 2; round++) {
          double b = 0;
          double s = 0;
          double p = 0;
          for (int q = 0; q < QUERIES; q++) {
            // Interleaved, so that both see the same machine load.
            b += millis(() -> BareClient.firstRows(bare, server.baseUrl(), LIMIT));
            long before = server.requests();
            s += millis(() -> statementQuery(c));
            driverRequests += server.requests() - before;
            driverQueries++;
            p += millis(() -> read(prepared.executeQuery()));
          }
          if (round >= 2) { // two warm-up rounds
            bareMillis.add(b / QUERIES);
            statementMillis.add(s / QUERIES);
            preparedMillis.add(p / QUERIES);
          }
        }
      }
      double bareMedian = Medians.of(bareMillis);
      double statementMedian = Medians.of(statementMillis);
      System.out.printf(Locale.ROOT,
          "LIMIT 10, warm: bare OkHttp+Jackson %.2f ms, driver (new Statement each) %.2f ms, ratio %.1fx,"
              + " %.2f requests per query; one PreparedStatement re-executed %.2f ms%n",
          bareMedian, statementMedian, statementMedian / bareMedian, driverRequests / (double) driverQueries,
          Medians.of(preparedMillis));
    }
  }

  private interface Query {
    long rows() throws Exception;
  }

  private static double millis(Query query) throws Exception {
    long start = System.nanoTime();
    long rows = query.rows();
    double elapsed = (System.nanoTime() - start) / 1e6;
    if (rows != LIMIT) {
      throw new IllegalStateException("expected " + LIMIT + " rows, got " + rows);
    }
    return elapsed;
  }

  private static long statementQuery(Connection c) throws Exception {
    try (Statement st = c.createStatement()) {
      return read(st.executeQuery(SQL));
    }
  }

  private static long read(ResultSet rs) throws Exception {
    long rows = 0;
    try (rs) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    return rows;
  }
}
