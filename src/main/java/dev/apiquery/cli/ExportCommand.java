package dev.apiquery.cli;

import dev.apiquery.export.ExportRequest;
import dev.apiquery.export.ExportSummary;
import dev.apiquery.export.Exporter;
import dev.apiquery.export.FileFormat;
import dev.apiquery.export.Mode;
import dev.apiquery.export.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code apiquery export}: a query's rows into a database table or a file. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Load the rows of a query into a database table (DuckDB, H2, or any JDBC database with",
        "--driver-path) or a .csv, .ndjson/.jsonl or .parquet file, in one transaction: a failure",
        "leaves the target exactly as it was."})
final class ExportCommand implements Callable<Integer> {
  /** {@code SELECT * FROM t} (with any WHERE, ORDER BY, LIMIT...): the default --into is t. */
  private static final Pattern SELECT_STAR = Pattern.compile(
      "(?is)\\s*select\\s+\\*\\s+from\\s+(?:[\\w$]+\\.|\"[^\"]+\"\\.)?(?:([\\w$]+)|\"([^\"]+)\")(?:\\s.*)?");

  @Spec CommandSpec spec;
  @ParentCommand ApiqueryCommand top;
  @Mixin ConnectionOptions connection;

  @Option(names = "--to", required = true, paramLabel = "TARGET",
      description = "A JDBC URL (jdbc:duckdb:/path/file.duckdb, jdbc:h2:/path/db, ...) or a file ending in "
          + ".csv, .ndjson, .jsonl or .parquet.")
  String to;

  @Option(names = "--into", paramLabel = "TABLE",
      description = "The target table, optionally schema.table (default: t of SELECT * FROM t).")
  String into;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "create (default: fail when the table or file exists), replace, or append.")
  Mode mode;

  @Option(names = "--incremental", paramLabel = "COLUMN",
      description = "Append only rows whose COLUMN is greater than the target's MAX(COLUMN).")
  String incremental;

  @Option(names = "--incremental-input", paramLabel = "NAME",
      description = "With --incremental: also give the target's MAX(COLUMN) to the table's input NAME "
          + "(an API lower bound such as updated_since), so that the request asks only for newer rows.")
  String incrementalInput;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "10000",
      description = "Rows per JDBC batch or appender flush (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--driver-path", paramLabel = "JAR",
      description = "Jar(s) with the target's JDBC driver, repeatable (DuckDB and H2 need none).")
  List<Path> driverPath = new ArrayList<>();

  @Option(names = "--to-property", paramLabel = "KEY=VALUE",
      description = "A connection property of the target, repeatable, e.g. --to-property user=etl.")
  Map<String, String> targetProperties = new LinkedHashMap<>();

  @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on standard error.")
  boolean quiet;

  @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "5",
      description = "Seconds between progress lines when standard error is not a terminal "
          + "(default: ${DEFAULT-VALUE}; 0: a line per row).")
  double progressInterval;

  @Mixin SqlArgument sql;

  @Override
  public Integer call() throws SQLException, IOException {
    connection.validate(spec);
    ExportRequest request = request(Jdbc.statementText(sql.read(spec, top.in())));
    PrintWriter err = spec.commandLine().getErr();
    ExportSummary summary;
    try (Connection source = Jdbc.open(connection.url, connection.connectionProperties());
        Progress progress = quiet ? Progress.quiet()
            : Progress.forStandardError(err, System.console() != null, (long) (progressInterval * 1e9))) {
      summary = Exporter.run(source, request, progress);
    }
    if (!quiet) {
      err.println(summary.line());
    }
    return 0;
  }

  private ExportRequest request(String statement) {
    boolean jdbc = to.startsWith("jdbc:");
    if (!jdbc && FileFormat.of(to) == null) {
      throw usage("--to expects a JDBC URL (jdbc:...) or a file ending in .csv, .ndjson, .jsonl or .parquet, got '"
          + to + "'");
    }
    if (!(progressInterval >= 0)) {
      throw usage("--progress-interval expects a number of seconds, 0 or more, got " + progressInterval);
    }
    if (batchSize < 1) {
      throw usage("--batch-size expects a positive number, got " + batchSize);
    }
    if (incrementalInput != null && incremental == null) {
      throw usage("--incremental-input needs --incremental COLUMN");
    }
    if (incremental != null && mode != null && mode != Mode.APPEND) {
      throw usage("--incremental appends; it does not combine with --mode " + mode.name().toLowerCase());
    }
    String table = into;
    if (jdbc && table == null) {
      table = defaultTable(statement);
    } else if (!jdbc && (table != null || incremental != null || !targetProperties.isEmpty() || !driverPath.isEmpty())) {
      throw usage("--into, --incremental, --to-property and --driver-path apply to a database target, not a file");
    }
    Properties props = new Properties();
    targetProperties.forEach(props::setProperty);
    Mode m = mode != null ? mode : incremental != null ? Mode.APPEND : Mode.CREATE;
    return new ExportRequest(statement, to, props, driverPath, table, m, incremental, incrementalInput, batchSize);
  }

  private String defaultTable(String statement) {
    Matcher m = SELECT_STAR.matcher(statement);
    if (!m.matches()) {
      throw usage("--into TABLE is needed: the table name comes from the query only for SELECT * FROM t");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
