package dev.apiquery.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The driver's cold run, in its own JVM with nothing but the {@code -all} jar (what a Spark
 * executor or DBeaver loads, no JVM flags), started by {@link ColdStartBenchmark}: connect, the
 * first {@code LIMIT 10} with every value read by getObject, exit. Only java.sql here, so that
 * the class path needs no other jar.
 */
public final class ColdDriverClient {
  public static void main(String[] args) throws Exception {
    long rows = 0;
    try (Connection c = DriverManager.getConnection(args[0]);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(args[1])) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    System.out.println("rows=" + rows);
  }
}
