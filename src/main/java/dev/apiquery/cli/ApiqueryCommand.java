package dev.apiquery.cli;

import dev.apiquery.http.Version;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code apiquery} command: its subcommands, the options every subcommand accepts,
 * and the standard input the subcommands read SQL from. Run without a subcommand, it prints the
 * help. The subcommands are listed here and nowhere else.
 */
@Command(
    name = "apiquery",
    mixinStandardHelpOptions = true,
    versionProvider = ApiqueryCommand.VersionText.class,
    customSynopsis = "apiquery <command> [options]",
    description = "Query REST APIs described by RSD profiles through SQL (jdbc:apiquery:).",
    commandListHeading = "%nCommands:%n",
    // Each command of the tool, once: a new one is one more line here, and gets --help, usage
    // errors and shell completion from picocli.
    subcommands = {
        QueryCommand.class,
        ExplainCommand.class,
        ExportCommand.class,
        DemoCommand.class,
        ProfileCommand.class,
        HelpCommand.class,
        GenerateCompletion.class,
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:done",
        "1:the statement, the export or the demo failed",
        "2:bad command line",
    },
    footerHeading = "%n",
    footer = {
        "Keep secrets out of the process list with references the driver resolves, e.g.",
        "  -p \"Password=\\$${env:API_PASSWORD}\"",
        "  -p \"OAuthClientSecret=\\$${file:/path/to/secret}\"",
        "Run 'apiquery <command> --help' for the options of a command.",
    })
final class ApiqueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Accepted before or after the subcommand's name: {@code apiquery -v query ...} or {@code apiquery query -v ...}. */
  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure.")
  boolean verbose;

  private final InputStream in;

  ApiqueryCommand(InputStream in) {
    this.in = in;
  }

  /** Where {@code -} as the SQL argument reads the statement from. */
  InputStream in() {
    return in;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code apiquery --version}. */
  static final class VersionText implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"apiquery " + Version.VERSION};
    }
  }
}
