package dev.apiquery.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Real result sets from Calcite's own {@code jdbc:calcite:} driver, printed by a writer. */
final class Rows {
  private Rows() {}

  static String print(ResultWriter writer, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:calcite:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      StringWriter text = new StringWriter();
      PrintWriter out = new PrintWriter(text);
      writer.write(rows, out);
      out.flush();
      return text.toString();
    }
  }
}
