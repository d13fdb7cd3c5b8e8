package dev.apiquery.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The one SQL statement of query, explain and export. Declared as any number of words so that a
 * statement typed without quotes gets a message saying so rather than "unmatched argument".
 */
final class SqlArgument {
  @Parameters(arity = "0..*", paramLabel = "SQL",
      description = "One statement; - reads it from standard input.")
  List<String> words = new ArrayList<>();

  /** The statement (read from {@code in} when it is {@code -}); a usage error when missing or split. */
  String read(CommandSpec spec, InputStream in) throws IOException {
    String name = spec.name();
    if (words.isEmpty()) {
      throw new ParameterException(spec.commandLine(), name + " needs a SQL statement");
    }
    if (words.size() > 1) {
      throw new ParameterException(spec.commandLine(), name + " takes one SQL statement, got "
          + words.size() + " arguments (put the SQL in quotes)");
    }
    String sql = words.get(0);
    if (sql.equals("-")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (sql.isBlank()) {
      throw new ParameterException(spec.commandLine(), "the SQL statement is empty");
    }
    return sql;
  }
}
