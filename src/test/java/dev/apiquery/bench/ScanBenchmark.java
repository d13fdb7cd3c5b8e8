package dev.apiquery.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The scan benchmark of docs/performance.md: the driver against a raw OkHttp + Jackson streaming
 * loop over the same loopback server, in one run, reported as ratios. A harness, not a test:
 * run it with {@code bench/run.sh}.
 *
 * <ol>
 *   <li>Throughput: 200,000 rows x 10 columns in 2,000 offset pages rendered up front; the driver's
 *       {@code SELECT *} (every value read with getObject) against the raw loop.</li>
 *   <li>Latency hiding: 20 ms per page, 200 pages; offset paging with MaxConcurrentRequests=4
 *       against MaxConcurrentRequests=1.</li>
 * </ol>
 */
public final class ScanBenchmark {
  private static final int PAGE = 100;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    Class.forName("dev.apiquery.jdbc.Driver");
    Path dir = Files.createTempDirectory("apiquery-bench");
    System.out.printf(Locale.ROOT, "java %s, %d cores, %d rounds (median reported)%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds);

    try (PagedJsonServer server = new PagedJsonServer(200_000, 20, PAGE, 0)) {
      Files.writeString(dir.resolve("Items.rsd"), server.profile(PAGE));
      String url = "jdbc:apiquery:Profile=" + dir;
      OkHttpClient raw = new OkHttpClient();
      List<Double> driverRates = new ArrayList<>();
      List<Double> rawRates = new ArrayList<>();
      for (int i = 0; i < rounds + 2; i++) {
        double rawRate = rate(() -> rawLoop(raw, server.baseUrl()));
        double driverRate = rate(() -> driverScan(url, "select * from items"));
        if (i >= 2) { // two warm-up rounds
          rawRates.add(rawRate);
          driverRates.add(driverRate);
        }
      }
      double rawMedian = median(rawRates);
      double driverMedian = median(driverRates);
      System.out.printf(Locale.ROOT, "throughput: raw OkHttp+Jackson %,.0f rows/s, driver %,.0f rows/s, ratio %.2fx%n",
          rawMedian, driverMedian, driverMedian / rawMedian);
    }

    try (PagedJsonServer slow = new PagedJsonServer(20_000, 20, PAGE, 20)) {
      Files.writeString(dir.resolve("Items.rsd"), slow.profile(PAGE));
      List<Double> sequential = new ArrayList<>();
      List<Double> concurrent = new ArrayList<>();
      for (int i = 0; i < rounds + 1; i++) {
        double seq = seconds(() -> driverScan("jdbc:apiquery:Profile=" + dir + ";MaxConcurrentRequests=1", "select * from items"));
        double con = seconds(() -> driverScan("jdbc:apiquery:Profile=" + dir + ";MaxConcurrentRequests=4", "select * from items"));
        if (i >= 1) {
          sequential.add(seq);
          concurrent.add(con);
        }
      }
      double s = median(sequential);
      double c = median(concurrent);
      System.out.printf(Locale.ROOT, "latency 20 ms/page, 200 pages: sequential %.2f s, MaxConcurrentRequests=4 %.2f s, ratio %.2fx%n",
          s, c, c / s);
    }
  }

  private interface Run {
    long rows() throws Exception;
  }

  private static double rate(Run run) throws Exception {
    long start = System.nanoTime();
    long rows = run.rows();
    return rows / ((System.nanoTime() - start) / 1e9);
  }

  private static double seconds(Run run) throws Exception {
    long start = System.nanoTime();
    run.rows();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  static long driverScan(String url, String sql) throws Exception {
    long rows = 0;
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
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

  /** What a hand-written client would do: page by offset, stream each body, keep every value. */
  static long rawLoop(OkHttpClient client, String base) throws Exception {
    JsonFactory factory = new JsonFactory();
    long rows = 0;
    for (long offset = 0; ; offset += PAGE) {
      Request request = new Request.Builder().url(base + "/items?offset=" + offset + "&limit=" + PAGE).build();
      int pageRows = 0;
      try (Response response = client.newCall(request).execute();
          InputStream body = response.body().byteStream();
          JsonParser p = factory.createParser(body)) {
        Object[] row = new Object[PagedJsonServer.COLUMNS];
        while (p.nextToken() != null) {
          if (p.currentToken() == JsonToken.FIELD_NAME && "items".equals(p.currentName())) {
            p.nextToken(); // START_ARRAY
            while (p.nextToken() == JsonToken.START_OBJECT) {
              int i = 0;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = p.nextToken();
                row[i++ % row.length] = switch (value) {
                  case VALUE_NUMBER_INT -> p.getLongValue();
                  case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                  case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                  default -> p.getText();
                };
              }
              pageRows++;
            }
          }
        }
      }
      rows += pageRows;
      if (pageRows < PAGE) {
        return rows;
      }
    }
  }
}
