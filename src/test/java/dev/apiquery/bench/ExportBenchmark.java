package dev.apiquery.bench;

import dev.apiquery.export.ExportRequest;
import dev.apiquery.export.ExportSummary;
import dev.apiquery.export.Exporter;
import dev.apiquery.export.Mode;
import dev.apiquery.export.Progress;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The export benchmark of docs/performance.md: 200,000 rows x 10 columns from the same loopback
 * API, exported into DuckDB (the export command's code, appender included) against a bare
 * {@code SELECT *} scan that reads every value, in one run, reported as a ratio of rows/s. Also the
 * process CPU seconds of each (on a machine whose cores are all busy, wall time follows CPU time,
 * so their ratio tells what the rates will be there) and the load average; and DuckDB's own CPU
 * time for the same rows ({@link AppenderAlone}), which bounds the ratio on a machine whose cores
 * the scan already fills.
 * A harness, not a test: run it with {@code bench/run.sh}.
 */
public final class ExportBenchmark {
  private static final int PAGE = 100;
  private static final int ROWS = 200_000;
  /** Rounds before the measured ones: both paths run several times before the JIT is done. */
  private static final int WARM_UP = 3;
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    Class.forName("dev.apiquery.jdbc.Driver");
    Path dir = Files.createTempDirectory("apiquery-export-bench");
    try (PagedJsonServer server = new PagedJsonServer(ROWS, 20, PAGE, 0)) {
      Files.writeString(dir.resolve("Items.rsd"), server.profile(PAGE));
      String url = "jdbc:apiquery:Profile=" + dir;
      List<Double> scanRates = new ArrayList<>();
      List<Double> exportRates = new ArrayList<>();
      List<Double> scanCpu = new ArrayList<>();
      List<Double> exportCpu = new ArrayList<>();
      List<Double> duckCpu = new ArrayList<>();
      AppenderAlone alone = AppenderAlone.read(url, "select * from items");
      for (int i = 0; i < rounds + WARM_UP; i++) {
        long start = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        long scanned = ScanBenchmark.driverScan(url, "select * from items");
        double scanRate = scanned / ((System.nanoTime() - start) / 1e9);
        double scanSeconds = (OS.getProcessCpuTime() - cpu) / 1e9;
        cpu = OS.getProcessCpuTime();
        double exportRate = export(url, dir.resolve("round" + i + ".duckdb"));
        double exportSeconds = (OS.getProcessCpuTime() - cpu) / 1e9;
        cpu = OS.getProcessCpuTime();
        alone.load(dir.resolve("alone" + i + ".duckdb"));
        double duckSeconds = (OS.getProcessCpuTime() - cpu) / 1e9;
        if (i >= WARM_UP) {
          scanRates.add(scanRate);
          exportRates.add(exportRate);
          scanCpu.add(scanSeconds);
          exportCpu.add(exportSeconds);
          duckCpu.add(duckSeconds);
        }
      }
      double scan = median(scanRates);
      double export = median(exportRates);
      System.out.printf(Locale.ROOT, "export into DuckDB: scan %,.0f rows/s, export %,.0f rows/s, ratio %.2fx "
          + "(CPU: scan %.2f s, export %.2f s, ratio %.2fx; load average %.1f)%n", scan, export, export / scan,
          median(scanCpu), median(exportCpu), median(scanCpu) / median(exportCpu), OS.getSystemLoadAverage());
      // What DuckDB alone costs for the same rows, and the ratio an export could reach if feeding
      // DuckDB cost nothing at all, when the scan keeps the cores busy (CPU-bound, as on 2 cores).
      System.out.printf(Locale.ROOT, "  DuckDB alone (the rows in memory, appended, committed): %.2f s CPU; "
          + "CPU-bound ceiling scan / (scan + DuckDB) %.2fx%n", median(duckCpu),
          median(scanCpu) / (median(scanCpu) + median(duckCpu)));
    }
  }

  private static double export(String url, Path duckFile) throws Exception {
    ExportRequest request = new ExportRequest("select * from items", "jdbc:duckdb:" + duckFile, new Properties(),
        List.of(), "items", Mode.CREATE, null, null, 10_000);
    long start = System.nanoTime();
    ExportSummary summary;
    try (Connection source = DriverManager.getConnection(url)) {
      summary = Exporter.run(source, request, Progress.quiet());
    }
    double rate = summary.rows() / ((System.nanoTime() - start) / 1e9);
    if (summary.rows() != ROWS) {
      throw new IllegalStateException("exported " + summary.rows() + " rows, expected " + ROWS);
    }
    Files.delete(duckFile);
    return rate;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
