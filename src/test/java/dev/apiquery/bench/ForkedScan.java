package dev.apiquery.bench;

import java.io.BufferedReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The full scan with each client in a JVM of its own, as JMH forks one per benchmark: in one JVM
 * the raw loop and the driver share the JIT's profiles (code both run, OkHttp's and Jackson's,
 * is compiled for the mix and recompiled as it changes), and the compiler's work during the
 * driver's rounds comes out of the cores its fetch threads use, while the raw loop's single
 * thread leaves it a core. A user's process runs one client. A round runs, each in a fresh JVM
 * with its own loopback server: the raw loop, the driver's three readings, the raw loop with 4
 * pages in flight, the raw loop again; each JVM scans until its JIT is quiet ({@link #warmUp}),
 * then reports the median of its measured scans. Ratios are against the mean of the round's two raw loops.
 * {@code bench/run.sh 5 scan-forked}.
 */
final class ForkedScan {
  private static final String RESULT = "forked-scan-result";
  private static final String RAW = "raw";
  private static final String PARALLEL = "parallel";

  private ForkedScan() {}

  /** One JVM's medians: rows per second, CPU seconds per row, cores by role. */
  private record Result(double rate, double cpuPerRow, int warmedUp, Map<ThreadCpu.Role, Double> cores) {}

  /** The child: {@code <raw|parallel|reading> <most warm-up scans> <measured scans>}. */
  public static void main(String[] args) throws Exception {
    String contender = args[0];
    int warmUp = Integer.parseInt(args[1]);
    int measured = Integer.parseInt(args[2]);
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    Class.forName("dev.apiquery.jdbc.Driver");
    Path dir = Files.createTempDirectory("apiquery-bench");
    try (PagedJsonServer server = new PagedJsonServer(200_000, 20, ScanBenchmark.PAGE, 0)) {
      Files.writeString(dir.resolve("Items.rsd"), server.profile(ScanBenchmark.PAGE));
      String url = "jdbc:apiquery:Profile=" + dir;
      OkHttpClient client = new OkHttpClient();
      ParallelBareLoop parallel = new ParallelBareLoop(client, server.baseUrl(), ScanBenchmark.PAGE, 4);
      long[] sum = new long[1]; // the parallel loop's values' hashes: kept on the heap, never skipped
      ScanBenchmark.Run run = switch (contender) {
        case RAW -> () -> ScanBenchmark.rawLoop(client, server.baseUrl());
        case PARALLEL -> () -> parallel.scan(sum);
        default -> () -> ScanBenchmark.driverScan(url, "select * from items", ScanBenchmark.Reading.valueOf(contender));
      };
      int warmed = warmUp(run, warmUp);
      List<Double> rates = new ArrayList<>();
      List<Double> cpus = new ArrayList<>();
      List<Map<ThreadCpu.Role, Double>> cores = new ArrayList<>();
      for (int i = 0; i < measured; i++) {
        ScanBenchmark.Scan scan = ScanBenchmark.measure(run);
        rates.add(scan.rate());
        cpus.add(scan.cpuPerRow());
        cores.add(scan.cores());
      }
      StringBuilder line = new StringBuilder(RESULT).append(' ').append(Medians.of(rates)).append(' ')
          .append(Medians.of(cpus)).append(' ').append(warmed);
      Medians.ofRoles(cores).forEach((role, value) -> line.append(' ').append(role.name()).append('=').append(value));
      System.out.println(line);
      parallel.close();
    }
    System.exit(0); // OkHttp's threads would keep the JVM up for a minute
  }

  /**
   * Scans until the JIT is done with what the scans run: five scans in a row during which the
   * compilers worked at most 2 ms each, after at least 20 and at most {@code max} scans. The
   * driver's per-page and per-connection code (OkHttp's, the exchange's, the paging's) runs a few
   * hundred times a scan and reaches C2 only after dozens of scans; a fixed count of warm-up scans
   * left the compilers using a third of a core in the driver's measured scans and almost nothing
   * in the raw loop's. Returns how many scans it took.
   */
  private static int warmUp(ScanBenchmark.Run run, int max) throws Exception {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    int quiet = 0;
    int scans = 0;
    while (scans < max && (scans < 20 || quiet < 5)) {
      long before = jit.getTotalCompilationTime();
      run.rows();
      scans++;
      quiet = jit.getTotalCompilationTime() - before <= 2 ? quiet + 1 : 0;
    }
    return scans;
  }

  /** Runs {@code rounds} rounds and prints the ratios as {@link ScanBenchmark} does. */
  static void compare(int rounds, int warmUp, int measured) throws Exception {
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    Map<String, List<Double>> cpuRatios = new LinkedHashMap<>();
    Map<String, List<Map<ThreadCpu.Role, Double>>> cores = new LinkedHashMap<>();
    Map<String, List<Double>> warmUps = new LinkedHashMap<>();
    List<String> contenders = new ArrayList<>();
    for (ScanBenchmark.Reading reading : ScanBenchmark.Reading.values()) {
      contenders.add(reading.name());
    }
    contenders.add(PARALLEL);
    List<Double> rawRates = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      Result before = fork(RAW, warmUp, measured);
      Map<String, Result> round = new LinkedHashMap<>();
      for (String contender : contenders) {
        round.put(contender, fork(contender, warmUp, measured));
      }
      Result after = fork(RAW, warmUp, measured);
      double rawRate = (before.rate() + after.rate()) / 2;
      double rawCpu = (before.cpuPerRow() + after.cpuPerRow()) / 2;
      rawRates.add(rawRate);
      cores.computeIfAbsent(RAW, c -> new ArrayList<>()).add(before.cores());
      cores.get(RAW).add(after.cores());
      warmUps.computeIfAbsent(RAW, c -> new ArrayList<>()).add((double) before.warmedUp());
      warmUps.get(RAW).add((double) after.warmedUp());
      round.forEach((contender, result) -> {
        ratios.computeIfAbsent(contender, c -> new ArrayList<>()).add(result.rate() / rawRate);
        cpuRatios.computeIfAbsent(contender, c -> new ArrayList<>()).add(rawCpu / result.cpuPerRow());
        cores.computeIfAbsent(contender, c -> new ArrayList<>()).add(result.cores());
        warmUps.computeIfAbsent(contender, c -> new ArrayList<>()).add((double) result.warmedUp());
      });
    }
    System.out.printf(Locale.ROOT, "forked JVMs (warm-up until the JIT is quiet, at most %d scans; %d measured scans each; %d rounds):"
        + " raw OkHttp+Jackson %,.0f rows/s%n", warmUp, measured, rounds, Medians.of(rawRates));
    for (String contender : contenders) {
      System.out.printf(Locale.ROOT, "  %s: ratio %.2fx (rounds: %s); CPU ratio %.2fx (rounds: %s)%n", label(contender),
          Medians.of(ratios.get(contender)), Medians.twoDigits(ratios.get(contender)),
          Medians.of(cpuRatios.get(contender)), Medians.twoDigits(cpuRatios.get(contender)));
    }
    for (Map.Entry<String, List<Map<ThreadCpu.Role, Double>>> e : cores.entrySet()) {
      System.out.printf(Locale.ROOT, "  cores used, %s (median warm-up %.0f scans): %s%n", label(e.getKey()),
          Medians.of(warmUps.get(e.getKey())), ThreadCpu.describe(Medians.ofRoles(e.getValue())));
    }
  }

  private static String label(String contender) {
    return switch (contender) {
      case RAW -> "raw loop";
      case PARALLEL -> ParallelBareLoop.LABEL;
      default -> "driver, " + ScanBenchmark.Reading.valueOf(contender).label;
    };
  }

  private static Result fork(String contender, int warmUp, int measured) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        ForkedScan.class.getName(), contender, Integer.toString(warmUp), Integer.toString(measured))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(RESULT + " ")) {
          result = line;
        }
      }
    }
    if (process.waitFor() != 0 || result == null) {
      throw new IllegalStateException("the forked scan of " + contender + " failed (exit " + process.exitValue() + ")");
    }
    String[] fields = result.split(" ");
    Map<ThreadCpu.Role, Double> cores = new EnumMap<>(ThreadCpu.Role.class);
    for (int i = 4; i < fields.length; i++) {
      String[] kv = fields[i].split("=");
      cores.put(ThreadCpu.Role.valueOf(kv[0]), Double.parseDouble(kv[1]));
    }
    return new Result(Double.parseDouble(fields[1]), Double.parseDouble(fields[2]), Integer.parseInt(fields[3]), cores);
  }
}
