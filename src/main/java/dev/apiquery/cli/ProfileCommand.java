package dev.apiquery.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code apiquery profile}: write a table from an endpoint ({@code new}) and lint a folder ({@code check}). */
@Command(name = "profile", description = "Write and check RSD profiles.",
    subcommands = {ProfileNewCommand.class, ProfileCheckCommand.class})
public final class ProfileCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs {@code apiquery profile ARGS...} on its own: the exit status is 0 done, 1 failed, 2 a bad
   * command line.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new ProfileCommand()).setOut(out).setErr(err);
    int status = line.execute(args);
    out.flush();
    err.flush();
    return status;
  }
}
