package dev.apiquery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code apiquery explain}: prints the plan of {@code EXPLAIN PLAN FOR <sql>}. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the query plan (EXPLAIN PLAN FOR SQL) and the first request of each scan.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ApiqueryCommand top;
  @Mixin ConnectionOptions connection;
  @Mixin SqlArgument sql;

  @Override
  public Integer call() throws SQLException, IOException {
    connection.validate(spec);
    String text = sql.read(spec, top.in());
    PrintWriter out = spec.commandLine().getOut();
    try (Connection c = Jdbc.open(connection.url, connection.connectionProperties());
        Statement statement = c.createStatement();
        ResultSet plan = statement.executeQuery("EXPLAIN PLAN FOR " + Jdbc.statementText(text))) {
      while (plan.next()) {
        String line = plan.getString(1);
        if (line != null) {
          out.println(line.stripTrailing());
        }
      }
    }
    return 0;
  }
}
