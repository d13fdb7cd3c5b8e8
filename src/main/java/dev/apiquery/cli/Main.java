package dev.apiquery.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command-line tool ({@code bin/apiquery}, the {@code -all} jar's main class), on picocli.
 * Output is UTF-8. Exit status: 0 done, 1 a failed statement, export or demo, 2 a bad command line.
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
    if (status == 0) {
      ArchiveTraining.runIfAsked();
    }
    System.exit(status);
  }

  /** Runs one command line; returns the exit status. Flushes but does not close the writers. */
  static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    ApiqueryCommand top = new ApiqueryCommand(in);
    CommandLine cli = new CommandLine(top);
    cli.setOut(out);
    cli.setErr(err);
    // As before picocli: the last repeat of an option wins (a script may append an override).
    cli.setOverwrittenOptionsAllowed(true);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler((e, command, parsed) -> failure(e, top.verbose, err));
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A bad command line: one message and a pointer to the command's help, exit status 2. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("apiquery: " + message(e));
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return 2;
  }

  private static String message(ParameterException e) {
    CommandLine command = e.getCommandLine();
    if (e instanceof UnmatchedArgumentException u && !command.getSubcommands().isEmpty()
        && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + u.getUnmatched().get(0) + "'";
    }
    return e.getMessage();
  }

  /** A failed statement, export or demo: its message (the stack trace with --verbose), exit status 1. */
  private static int failure(Exception e, boolean verbose, PrintWriter err) {
    if (e instanceof SQLException && e.getMessage() != null) {
      err.println(e.getMessage());
    } else {
      err.println("apiquery: " + e);
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }
}
