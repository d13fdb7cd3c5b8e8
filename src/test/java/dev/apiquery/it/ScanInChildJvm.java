package dev.apiquery.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a separate JVM by {@link BoundedMemoryTest}: scans a table and prints the row count and
 * the sum of the ids, touching every column of every row.
 */
public final class ScanInChildJvm {
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
