package dev.apiquery.cli;

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
}
