package dev.apiquery.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run in a separate JVM ({@link #run}) by {@link BoundedMemoryTest} and {@link ColdPathTest}: scans
 * a table and prints the row count and the sum of the ids, touching every column of every row.
 */
public final class ScanInChildJvm {
  /**
   * Runs a child JVM with the test class path and {@code jvmFlag} that scans {@code sql} through
   * {@code url}; returns its output (with the JVM's own log, if the flag asks for one) once it
   * exited 0.
   */
  static String run(String jvmFlag, String url, String sql, int minutes) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, jvmFlag, "-cp", System.getProperty("java.class.path"),
        ScanInChildJvm.class.getName(), url, sql))
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(minutes, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  public static void main(String[] args) throws Exception {
    Class.forName("dev.apiquery.jdbc.Driver");
    long rows = 0;
    long idSum = 0;
    long chars = 0;
    try (Connection c = DriverManager.getConnection(args[0]);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(args[1])) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        rows++;
        idSum += rs.getLong(1);
        for (int i = 2; i <= columns; i++) {
          Object value = rs.getObject(i);
          chars += value == null ? 0 : value.toString().length();
        }
      }
    }
    System.out.println("rows=" + rows + " idSum=" + idSum + " chars=" + chars
        + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
