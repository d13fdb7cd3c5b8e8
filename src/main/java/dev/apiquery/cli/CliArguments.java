package dev.apiquery.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed command line.
 *
 * @param command what to do
 * @param url the JDBC URL ({@code query}, {@code explain}), else null
 * @param format {@code table}, {@code csv} or {@code json} ({@code query})
 * @param user {@code --user}, or null
 * @param password {@code --password}, or null
 * @param properties {@code -p key=value} options, in order (the last repeat of a key wins)
 * @param sql the statement ({@code query}, {@code explain}); {@code "-"} means standard input
 * @param verbose print stack traces of failures
 * @param serve {@code demo --serve}: keep the sample API running instead of querying it
 * @param port {@code demo --port}: the sample API's port, 0 for any free one
 */
record CliArguments(
    Command command,
    String url,
    String format,
    String user,
    String password,
    Map<String, String> properties,
    String sql,
    boolean verbose,
    boolean serve,
    int port) {

  /** The subcommands. */
  enum Command { QUERY, EXPLAIN, DEMO, HELP, VERSION }

  CliArguments {
    properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The connection properties: {@code -p} options, then {@code User} and {@code Password}. */
  Properties connectionProperties() {
    Properties props = new Properties();
    properties.forEach(props::setProperty);
    if (user != null) {
      props.setProperty("User", user);
    }
    if (password != null) {
      props.setProperty("Password", password);
    }
    return props;
  }
}
