package dev.apiquery.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Cold start" benchmark of docs/performance.md: whole processes, each a fresh JVM that
 * connects and reads the first 10 rows from the same loopback server, timed by
 * {@code /usr/bin/time} (wall, user + system CPU, peak RSS). The bare OkHttp + Jackson client
 * ({@link BareClient}) is the yardstick; against it, the driver alone from the {@code -all} jar
 * with no JVM flags ({@link ColdDriverClient}: what a Spark executor or DBeaver pays), and
 * {@code bin/apiquery query} with the flags of that script (class-data sharing archive and all); and
 * the driver alone running the {@code WHERE 1=0} query Spark's driver sends first (no request)
 * and the {@code _row} range query of an executor's first task; and {@code bin/apiquery export}
 * of those rows into a DuckDB file and into a CSV file, as a batch job runs it.
 * A harness, not a test: {@code bench/run.sh 5 cold} (after {@code ./mvnw package}).
 *
 * <p>Arguments: rounds, the test class path (for the bare client), the {@code -all} jar, and the
 * repository (for {@code bin/apiquery}).
 */
public final class ColdStartBenchmark {
  private static final String TIME = "/usr/bin/time";
  private static final String SQL = "select * from items limit 10";
  /** What Spark's JDBC source sends first, on its driver, to learn the columns. */
  private static final String SPARK_SCHEMA_SQL = "SELECT * FROM items WHERE 1=0";
  /** What a Spark executor's first task sends (partitionColumn=_row): its partition's first 10 rows. */
  private static final String SPARK_PARTITION_SQL =
      "SELECT \"id\",\"name\",\"_row\" FROM items  WHERE \"_row\" >= 100 AND \"_row\" < 110 ";

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    String testClassPath = args[1];
    String allJar = args[2];
    Path repo = Path.of(args[3]);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path dir = Files.createTempDirectory("apiquery-cold");
    try (PagedJsonServer server = new PagedJsonServer(200_000, 20, 100, 0)) {
      Files.writeString(dir.resolve("Items.rsd"), server.profile(100));
      String url = "jdbc:apiquery:Profile=" + dir;
      String driverClassPath = repo.resolve("target/test-classes") + File.pathSeparator + allJar;
      Map<String, List<String>> commands = new LinkedHashMap<>();
      commands.put("bare OkHttp+Jackson", List.of(java, "-cp", testClassPath, BareClient.class.getName(), server.baseUrl()));
      commands.put("driver alone (-all jar, no flags)",
          List.of(java, "-cp", driverClassPath, ColdDriverClient.class.getName(), url, SQL));
      commands.put("driver alone, Spark's WHERE 1=0",
          List.of(java, "-cp", driverClassPath, ColdDriverClient.class.getName(), url, SPARK_SCHEMA_SQL));
      commands.put("driver alone, a Spark partition",
          List.of(java, "-cp", driverClassPath, ColdDriverClient.class.getName(), url, SPARK_PARTITION_SQL));
      commands.put("bin/apiquery query",
          List.of(repo.resolve("bin/apiquery").toString(), "query", "--url", url, "-f", "csv", SQL));
      // The export command as a batch job runs it: each run replaces what the one before wrote.
      commands.put("bin/apiquery export, DuckDB",
          List.of(repo.resolve("bin/apiquery").toString(), "export", "--url", url,
              "--to", "jdbc:duckdb:" + dir.resolve("cold.duckdb"), "--into", "items", "--mode", "replace", SQL));
      commands.put("bin/apiquery export, CSV",
          List.of(repo.resolve("bin/apiquery").toString(), "export", "--url", url,
              "--to", dir.resolve("cold.csv").toString(), "--mode", "replace", SQL));
      // One untimed run of each: bin/apiquery makes its class-data sharing archive on its first
      // run after a build, and the page cache is warmed for every command alike.
      for (List<String> command : commands.values()) {
        run(command);
      }
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      commands.keySet().forEach(name -> results.put(name, new ArrayList<>()));
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, List<String>> e : commands.entrySet()) { // interleaved: same load for all
          results.get(e.getKey()).add(run(e.getValue()));
        }
      }
      double bareCpu = median(results.get("bare OkHttp+Jackson"), 1);
      System.out.printf(Locale.ROOT, "cold start, fresh JVM, connect + first LIMIT 10 (median of %d):%n", rounds);
      for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
        double cpu = median(e.getValue(), 1);
        System.out.printf(Locale.ROOT, "  %-34s %.2f s wall, %.2f s CPU, %.0f MB RSS, CPU ratio %.1fx%n",
            e.getKey(), median(e.getValue(), 0), cpu, median(e.getValue(), 2) / 1024, cpu / bareCpu);
      }
    }
  }

  /** Runs a command under /usr/bin/time: {wall s, user + system s, max RSS KB}. */
  private static double[] run(List<String> command) throws IOException, InterruptedException {
    Path times = Files.createTempFile("apiquery-cold", ".time");
    List<String> timed = new ArrayList<>(List.of(TIME, "-o", times.toString(), "-f", "%e %U %S %M"));
    timed.addAll(command);
    Process p = new ProcessBuilder(timed).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0 || !(out.contains("rows=10") || out.contains("rows=0") || out.lines().count() >= 11
        || out.contains("exported 10 rows"))) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    String[] f = Files.readString(times).trim().split("\\s+");
    Files.delete(times);
    return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]),
        Double.parseDouble(f[3])};
  }

  private static double median(List<double[]> runs, int field) {
    List<Double> values = new ArrayList<>();
    runs.forEach(r -> values.add(r[field]));
    return Medians.of(values);
  }
}
