package dev.apiquery.cli;

import dev.apiquery.demo.DemoProfiles;
import dev.apiquery.demo.SampleApiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code apiquery demo}: starts the bundled sample API on 127.0.0.1, connects to it through
 * {@code jdbc:apiquery:} with the demo profiles, prints a few example queries with their rows and
 * the HTTP requests each one made (to show what reached the API), and stops. With {@code --serve}
 * it keeps the API running and prints the URL for other SQL clients.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Start the bundled sample API on 127.0.0.1, run example queries against it, stop.",
        "With --serve, keep it running for other SQL clients (Ctrl-C stops)."})
final class DemoCommand implements Callable<Integer> {
  /** The example queries, in the order they run. */
  static final List<String> QUERIES = List.of(
      "SELECT id, name, city, created_at, tags FROM Customers WHERE country = 'DE' ORDER BY id",
      "SELECT sku, name, price, in_stock FROM Products WHERE category = 'books' ORDER BY price DESC",
      "SELECT order_id, ordered_at, status, total, carrier FROM Orders WHERE customer_id = 3 ORDER BY ordered_at",
      "SELECT country, COUNT(*) AS customers, SUM(balance) AS total_balance FROM Customers "
          + "GROUP BY country HAVING COUNT(*) > 1 ORDER BY country");

  @Spec CommandSpec spec;

  @Option(names = "--serve", description = "Keep the sample API running and print its JDBC URL.")
  boolean serve;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "The sample API's port (default: any free one).")
  int port;

  @Override
  public Integer call() throws SQLException, IOException {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port expects a number from 0 to 65535, got '" + port + "'");
    }
    run(System.getProperty(Main.HOME_PROPERTY), spec.commandLine().getOut());
    return 0;
  }

  /** @param home the repository checkout ({@code apiquery.home}), or null to use the profiles in the jar */
  private void run(String home, PrintWriter out) throws SQLException, IOException {
    try (DemoProfiles profiles = DemoProfiles.locate(home);
        SampleApiServer server = new SampleApiServer(port)) {
      String baseUrl = server.start();
      String url = connectionUrl(profiles.folder(), baseUrl);
      out.println("Sample API: " + baseUrl);
      out.println("Profiles:   " + profiles.folder() + (profiles.isTemporary() ? " (copied from the jar)" : ""));
      out.println("JDBC URL:   " + url);
      out.println();
      if (serve) {
        serveUntilStopped(server, profiles, url, out);
      } else {
        runQueries(url, server, out);
      }
    }
  }

  /** Runs each query and prints its rows, then the requests the sample API received for it. */
  private static void runQueries(String url, SampleApiServer server, PrintWriter out) throws SQLException {
    TableWriter table = new TableWriter();
    try (Connection connection = Jdbc.open(url, new Properties());
        Statement statement = connection.createStatement()) {
      for (String sql : QUERIES) {
        int before = server.requests().size();
        out.println("-- " + sql);
        try (ResultSet rows = statement.executeQuery(sql)) {
          table.write(rows, out);
        }
        List<String> requests = server.requests();
        out.println(requestsLine(requests.subList(before, requests.size())));
        out.println();
        out.flush();
      }
    }
  }

  /** {@code HTTP: GET /a, GET /b}: what the driver asked the API for one query. */
  static String requestsLine(List<String> targets) {
    if (targets.isEmpty()) {
      return "HTTP: no requests";
    }
    StringBuilder line = new StringBuilder("HTTP:");
    for (int i = 0; i < targets.size(); i++) {
      line.append(i == 0 ? " GET " : ", GET ").append(targets.get(i));
    }
    return line.toString();
  }

  private static void serveUntilStopped(SampleApiServer server, DemoProfiles profiles, String url,
      PrintWriter out) {
    out.println("Serving until stopped (Ctrl-C). Try, in another terminal:");
    out.println("  bin/apiquery query --url \"" + url + "\" \\");
    out.println("    \"" + QUERIES.get(1) + "\"");
    out.flush();
    // Ctrl-C ends the JVM without unwinding this thread: the hook does the clean-up.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      try {
        profiles.close();
      } catch (IOException e) {
        // a temporary folder left behind is not worth a message at exit
      }
    }, "apiquery-demo-stop"));
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code jdbc:apiquery:Profile=<folder>;ProfileSettings='BaseUrl=<baseUrl>'}. */
  static String connectionUrl(Path folder, String baseUrl) {
    return "jdbc:apiquery:Profile=" + quote(folder.toString())
        + ";ProfileSettings='BaseUrl=" + baseUrl + "'";
  }

  /** A value as it must appear in a connection string: quoted when it holds ; = or a quote. */
  static String quote(String value) {
    boolean plain = value.equals(value.strip())
        && value.chars().noneMatch(ch -> ch == ';' || ch == '=' || ch == '\'' || ch == '"');
    if (plain) {
      return value;
    }
    return value.indexOf('\'') < 0 ? "'" + value + "'" : "\"" + value + "\"";
  }
}
