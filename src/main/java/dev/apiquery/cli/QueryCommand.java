package dev.apiquery.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code apiquery query}: runs one statement and prints its rows. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a statement and print its rows.")
final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ApiqueryCommand top;
  @Mixin ConnectionOptions connection;
  @Mixin SqlArgument sql;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), csv or json.")
  String format;

  @Override
  public Integer call() throws SQLException, IOException {
    connection.validate(spec);
    ResultWriter writer = writer();
    String text = sql.read(spec, top.in());
    PrintWriter out = spec.commandLine().getOut();
    try (Connection c = Jdbc.open(connection.url, connection.connectionProperties());
        Statement statement = c.createStatement()) {
      if (statement.execute(Jdbc.statementText(text))) {
        try (ResultSet rows = statement.getResultSet()) {
          writer.write(rows, out);
        }
      } else {
        out.println("(" + statement.getUpdateCount() + " rows affected)");
      }
    }
    return 0;
  }

  private ResultWriter writer() {
    String f = format.toLowerCase(Locale.ROOT);
    if (!ResultWriter.FORMATS.contains(f)) {
      throw new ParameterException(spec.commandLine(), "unknown format '" + format + "' (use table, csv or json)");
    }
    return ResultWriter.forFormat(f);
  }
}
