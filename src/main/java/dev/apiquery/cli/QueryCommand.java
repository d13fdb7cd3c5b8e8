package dev.apiquery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** {@code apiquery query}: runs one statement and prints its rows. */
final class QueryCommand {
  private final String url;
  private final Properties properties;
  private final String sql;
  private final ResultWriter writer;

  QueryCommand(String url, Properties properties, String sql, ResultWriter writer) {
    this.url = url;
    this.properties = properties;
    this.sql = sql;
    this.writer = writer;
  }

  void run(PrintWriter out) throws SQLException, IOException {
    try (Connection connection = Jdbc.open(url, properties);
        Statement statement = connection.createStatement()) {
      if (statement.execute(Jdbc.statementText(sql))) {
        try (ResultSet rows = statement.getResultSet()) {
          writer.write(rows, out);
        }
      } else {
        out.println("(" + statement.getUpdateCount() + " rows affected)");
      }
    }
  }
}
