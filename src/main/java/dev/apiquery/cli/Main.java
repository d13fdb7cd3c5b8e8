package dev.apiquery.cli;

import dev.apiquery.http.Version;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The command-line tool ({@code bin/apiquery}, the {@code -all} jar's main class). Output is UTF-8.
 * Exit status: 0 done, 1 a failed statement or demo, 2 a bad command line.
 */
public final class Main {
  /** System property holding the repository checkout; set by {@code bin/apiquery}. */
  public static final String HOME_PROPERTY = "apiquery.home";

  private Main() {}

  public static void main(String[] args) {
    // The command line has no SLF4J binding by design; SLF4J's "no providers" notice on every
    // run would only be noise above the query output.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    PrintWriter out = new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int status = run(args, System.in, out, err);
    System.exit(status);
  }

  /** Runs one command line; returns the exit status. Flushes but does not close the writers. */
  static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    if (args.length > 0 && args[0].equals("profile")) {
      // until the picocli command line registers ProfileCommand as a subcommand
      return ProfileCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    CliArguments arguments;
    try {
      arguments = ArgumentParser.parse(args);
    } catch (UsageException e) {
      err.println("apiquery: " + e.getMessage());
      err.println("Run 'apiquery --help' for usage.");
      err.flush();
      return 2;
    }
    try {
      execute(arguments, in, out);
      return 0;
    } catch (SQLException e) {
      err.println(e.getMessage() != null ? e.getMessage() : e.toString());
      trace(arguments, e, err);
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("apiquery: " + e);
      trace(arguments, e, err);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static void execute(CliArguments a, InputStream in, PrintWriter out)
      throws SQLException, IOException {
    switch (a.command()) {
      case HELP -> out.print(Usage.TEXT);
      case VERSION -> out.println("apiquery " + Version.VERSION);
      case QUERY -> new QueryCommand(a.url(), a.connectionProperties(), sql(a, in),
          ResultWriter.forFormat(a.format())).run(out);
      case EXPLAIN -> new ExplainCommand(a.url(), a.connectionProperties(), sql(a, in)).run(out);
      case DEMO -> new DemoCommand(System.getProperty(HOME_PROPERTY), a.serve(), a.port()).run(out);
      default -> throw new IllegalStateException(a.command().toString());
    }
  }

  /** The SQL argument, or standard input when it is {@code -}. */
  private static String sql(CliArguments a, InputStream in) throws IOException {
    return a.sql().equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : a.sql();
  }

  private static void trace(CliArguments a, Exception e, PrintWriter err) {
    if (a.verbose()) {
      e.printStackTrace(err);
    }
  }
}
