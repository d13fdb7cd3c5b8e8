package dev.apiquery.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.management.OperatingSystemMXBean;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The scan benchmark of docs/performance.md: the driver against a raw OkHttp + Jackson streaming
 * loop over the same loopback server, in one run, reported as ratios. A harness, not a test:
 * run it with {@code bench/run.sh}.
 *
 * <ol>
 *   <li>Throughput: 200,000 rows x 10 columns (one of them a nested array) in 200 offset pages of
 *       1,000 rows rendered up front. The raw loop uses every value and walks the nested array
 *       token by token. The driver's {@code SELECT *} is read three ways ({@link Reading}): as a
 *       client that walks nested values (every column with getObject, each value used, the nested
 *       value's JSON text parsed and walked with Jackson), as a client that uses every value but
 *       keeps JSON text as text (a SQL tool, Spark's JDBC source), and as this benchmark read it
 *       before (getObject, value dropped). Also the raw loop with 4 pages in flight
 *       ({@link ParallelBareLoop}): what a parallel client without a driver's work reaches here.</li>
 *   <li>Latency hiding: 20 ms per page, 200 pages of 100 rows; offset paging with
 *       MaxConcurrentRequests=4 against MaxConcurrentRequests=1.</li>
 * </ol>
 */
public final class ScanBenchmark {
  static final int PAGE = 1_000;
  private static final int SLOW_PAGE = 100;
  private static final JsonFactory JSON = new JsonFactory();

  /** What the consumers computed from the values, printed so that no work can be skipped. */
  private static long checksum;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    Class.forName("dev.apiquery.jdbc.Driver");
    Path dir = Files.createTempDirectory("apiquery-bench");
    System.out.printf(Locale.ROOT, "java %s, %d cores, %d rounds (median reported)%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds);

    if (Boolean.getBoolean("bench.fork")) {
      // Each client in a JVM of its own (ForkedScan): -Dbench.fork=true, bench/run.sh N scan-forked.
      ForkedScan.compare(rounds, Integer.getInteger("bench.warmup", 200), Integer.getInteger("bench.measured", 10));
    } else {
      inOneJvm(rounds, dir);
    }
    latency(rounds, dir);
    System.out.printf(Locale.ROOT, "(checksum %x)%n", checksum);
  }

  /** Both clients in this JVM, interleaved round by round. */
  private static void inOneJvm(int rounds, Path dir) throws Exception {
    try (PagedJsonServer server = new PagedJsonServer(200_000, 20, PAGE, 0)) {
      Files.writeString(dir.resolve("Items.rsd"), server.profile(PAGE));
      String url = "jdbc:apiquery:Profile=" + dir;
      OkHttpClient raw = new OkHttpClient();
      ParallelBareLoop parallel = new ParallelBareLoop(raw, server.baseUrl(), PAGE, 4);
      List<Double> parallelRatios = new ArrayList<>();
      List<Map<ThreadCpu.Role, Double>> parallelCores = new ArrayList<>();
      List<Double> rawRates = new ArrayList<>();
      List<Double> rawCpus = new ArrayList<>();
      Map<Reading, List<Double>> driverCpus = new EnumMap<>(Reading.class);
      Map<Reading, List<Double>> driverRates = new EnumMap<>(Reading.class);
      Map<Reading, List<Double>> ratios = new EnumMap<>(Reading.class);
      Map<Reading, List<Double>> cpuRatios = new EnumMap<>(Reading.class);
      List<Map<ThreadCpu.Role, Double>> rawCores = new ArrayList<>();
      Map<Reading, List<Map<ThreadCpu.Role, Double>>> driverCores = new EnumMap<>(Reading.class);
      // Rounds run before the measured ones (JIT warm-up); -Dbench.warmup=N for another number.
      int warmUp = Integer.getInteger("bench.warmup", 2);
      HostSteal stealBefore = warmUp == 0 ? HostSteal.now() : null;
      for (int i = 0; i < rounds + warmUp; i++) {
        Scan rawBefore = measure(() -> rawLoop(raw, server.baseUrl()));
        Map<Reading, Scan> round = new EnumMap<>(Reading.class);
        for (Reading reading : Reading.values()) {
          round.put(reading, measure(() -> driverScan(url, "select * from items", reading)));
        }
        long[] parallelSum = new long[1];
        Scan ceiling = measure(() -> parallel.scan(parallelSum));
        checksum += parallelSum[0];
        Scan rawAfter = measure(() -> rawLoop(raw, server.baseUrl()));
        double rawRate = (rawBefore.rate() + rawAfter.rate()) / 2;
        double rawCpu = (rawBefore.cpuPerRow() + rawAfter.cpuPerRow()) / 2;
        if (i >= warmUp) {
          rawCores.add(rawBefore.cores());
          rawCores.add(rawAfter.cores());
          rawRates.add(rawRate);
          rawCpus.add(Math.min(rawBefore.cpuPerRow(), rawAfter.cpuPerRow()));
          parallelRatios.add(ceiling.rate() / rawRate);
          parallelCores.add(ceiling.cores());
          round.forEach((reading, scan) -> {
            driverCpus.computeIfAbsent(reading, r -> new ArrayList<>()).add(scan.cpuPerRow());
            driverRates.computeIfAbsent(reading, r -> new ArrayList<>()).add(scan.rate());
            ratios.computeIfAbsent(reading, r -> new ArrayList<>()).add(scan.rate() / rawRate);
            cpuRatios.computeIfAbsent(reading, r -> new ArrayList<>()).add(rawCpu / scan.cpuPerRow());
            driverCores.computeIfAbsent(reading, r -> new ArrayList<>()).add(scan.cores());
          });
        }
        if (i == warmUp - 1) {
          stealBefore = HostSteal.now();
        }
      }
      double steal = stealBefore == null ? -1 : HostSteal.now().shareSince(stealBefore);
      // The ratio is the median of each round's ratio: on a shared machine the load changes from
      // round to round, so each round's driver scans are compared with the raw loop run just
      // before and just after them. The CPU ratio (the raw loop's CPU time per row over the
      // driver's, all threads of this JVM, the server's included on both sides) moves far less
      // with the load than elapsed time does; the least CPU per row either side needed in any
      // round (the least disturbed one) gives the "best rounds" CPU ratio.
      System.out.printf(Locale.ROOT, "throughput: raw OkHttp+Jackson %,.0f rows/s%n", Medians.of(rawRates));
      for (Reading reading : Reading.values()) {
        System.out.printf(Locale.ROOT, "  driver, %s: %,.0f rows/s, ratio %.2fx (rounds: %s); CPU ratio %.2fx (rounds: %s),"
            + " best rounds %.2fx%n",
            reading.label, Medians.of(driverRates.get(reading)), Medians.of(ratios.get(reading)),
            Medians.twoDigits(ratios.get(reading)), Medians.of(cpuRatios.get(reading)), Medians.twoDigits(cpuRatios.get(reading)),
            Collections.min(rawCpus) / Collections.min(driverCpus.get(reading)));
      }
      System.out.printf(Locale.ROOT, "  %s: ratio %.2fx (rounds: %s)%n", ParallelBareLoop.LABEL,
          Medians.of(parallelRatios), Medians.twoDigits(parallelRatios));
      // On 2 cores the loopback server and the JIT take part of the machine on both sides: the
      // cores each side used (medians per role) say how much room the driver's fetch threads had.
      System.out.printf(Locale.ROOT, "  cores used, raw loop: %s%n", ThreadCpu.describe(Medians.ofRoles(rawCores)));
      System.out.printf(Locale.ROOT, "  cores used, %s: %s%n", ParallelBareLoop.LABEL, ThreadCpu.describe(Medians.ofRoles(parallelCores)));
      for (Reading reading : Reading.values()) {
        System.out.printf(Locale.ROOT, "  cores used, driver (%s): %s%n", reading.label,
            ThreadCpu.describe(Medians.ofRoles(driverCores.get(reading))));
      }
      System.out.printf(Locale.ROOT, "  host CPU stolen by other guests during the measured rounds: %s%n",
          steal < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f%%", steal * 100));
      parallel.close();
    }
  }

  /** Latency hiding: 20 ms per page, MaxConcurrentRequests=4 against 1. */
  private static void latency(int rounds, Path dir) throws Exception {
    try (PagedJsonServer slow = new PagedJsonServer(20_000, 20, SLOW_PAGE, 20)) {
      Files.writeString(dir.resolve("Items.rsd"), slow.profile(SLOW_PAGE));
      List<Double> sequential = new ArrayList<>();
      List<Double> concurrent = new ArrayList<>();
      for (int i = 0; i < rounds + 1; i++) {
        double seq = seconds(() -> driverScan("jdbc:apiquery:Profile=" + dir + ";MaxConcurrentRequests=1",
            "select * from items", Reading.WALK_NESTED));
        double con = seconds(() -> driverScan("jdbc:apiquery:Profile=" + dir + ";MaxConcurrentRequests=4",
            "select * from items", Reading.WALK_NESTED));
        if (i >= 1) {
          sequential.add(seq);
          concurrent.add(con);
        }
      }
      double s = Medians.of(sequential);
      double c = Medians.of(concurrent);
      System.out.printf(Locale.ROOT, "latency 20 ms/page, 200 pages: sequential %.2f s, MaxConcurrentRequests=4 %.2f s, ratio %.2fx%n",
          s, c, c / s);
    }
  }

  /** How the benchmark's client reads the driver's rows. */
  enum Reading {
    WALK_NESTED("every value used, nested JSON text walked"),
    USE_VALUES("every value used, JSON text kept as text"),
    DROP_VALUES("getObject, value dropped (this benchmark before)");

    final String label;

    Reading(String label) {
      this.label = label;
    }
  }

  interface Run {
    long rows() throws Exception;
  }

  /** One scan: rows, elapsed seconds, CPU seconds of the whole process, and cores used by role. */
  record Scan(long rows, double seconds, double cpuSeconds, Map<ThreadCpu.Role, Double> cores) {
    double rate() {
      return rows / seconds;
    }

    double cpuPerRow() {
      return cpuSeconds / rows;
    }
  }

  static Scan measure(Run run) throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    ThreadCpu threads = ThreadCpu.now();
    long start = System.nanoTime();
    long rows = run.rows();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Scan(rows, seconds, (os.getProcessCpuTime() - cpu) / 1e9, ThreadCpu.coresSince(threads));
  }

  private static double seconds(Run run) throws Exception {
    long start = System.nanoTime();
    run.rows();
    return (System.nanoTime() - start) / 1e9;
  }

  /** A scan through JDBC with getObject's results dropped (the export benchmark's baseline). */
  static long driverScan(String url, String sql) throws Exception {
    return driverScan(url, sql, Reading.DROP_VALUES);
  }

  /** A scan through JDBC, every column read with getObject, the values used as {@code reading} says. */
  static long driverScan(String url, String sql, Reading reading) throws Exception {
    long rows = 0;
    long sum = 0;
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          Object value = rs.getObject(i);
          if (reading == Reading.WALK_NESTED) {
            sum += walk(value);
          } else if (reading == Reading.USE_VALUES && value != null) {
            sum += value.hashCode();
          }
        }
        rows++;
      }
    }
    checksum += sum;
    return rows;
  }

  /** What a client that walks nested values does with a value: JSON text of one is parsed. */
  private static long walk(Object value) throws Exception {
    if (value instanceof String s && !s.isEmpty() && (s.charAt(0) == '[' || s.charAt(0) == '{')) {
      long sum = 0;
      try (JsonParser p = JSON.createParser(s)) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t.isScalarValue()) {
            sum += p.getText().hashCode();
          }
        }
      }
      return sum;
    }
    return value == null ? 0 : value.hashCode();
  }

  /**
   * What a hand-written client would do: page by offset, stream each body, use every value, walk
   * nested values token by token.
   */
  static long rawLoop(OkHttpClient client, String base) throws Exception {
    long rows = 0;
    long[] sum = new long[1];
    for (long offset = 0; ; offset += PAGE) {
      Request request = new Request.Builder().url(base + "/items?offset=" + offset + "&limit=" + PAGE).build();
      int pageRows;
      try (Response response = client.newCall(request).execute();
          InputStream body = response.body().byteStream();
          JsonParser p = JSON.createParser(body)) {
        pageRows = BareClient.readItems(p, sum);
      }
      rows += pageRows;
      if (pageRows < PAGE) {
        checksum += sum[0];
        return rows;
      }
    }
  }
}
