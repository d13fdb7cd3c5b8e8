package dev.apiquery.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** {@code apiquery explain}: prints the plan of {@code EXPLAIN PLAN FOR <sql>}. */
final class ExplainCommand {
  private final String url;
  private final Properties properties;
  private final String sql;

  ExplainCommand(String url, Properties properties, String sql) {
    this.url = url;
    this.properties = properties;
    this.sql = sql;
  }

  void run(PrintWriter out) throws SQLException {
    try (Connection connection = Jdbc.open(url, properties);
        Statement statement = connection.createStatement();
        ResultSet plan = statement.executeQuery("EXPLAIN PLAN FOR " + Jdbc.statementText(sql))) {
      while (plan.next()) {
        String text = plan.getString(1);
        if (text != null) {
          out.println(text.stripTrailing());
        }
      }
    }
  }
}
