package dev.apiquery.cli;

import dev.apiquery.builder.BuilderException;
import dev.apiquery.builder.ConnectionPlan;
import dev.apiquery.builder.LintFinding;
import dev.apiquery.builder.LiveCheck;
import dev.apiquery.builder.ProfileLint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apiquery profile check DIR}: lint every file; with {@code --live}, query each table once. */
@Command(name = "check",
    description = "Load every .rsd file of DIR and report problems with file and line; exit 1 when there are any.")
final class ProfileCheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Parameters(paramLabel = "DIR", description = "a profile folder or one .rsd file")
  Path dir;

  @Option(names = "--live", description = "also run SELECT * FROM t LIMIT 1 per table and print its first request")
  boolean live;

  @Option(names = "--options", paramLabel = "OPTIONS", description = "connection options for --live, as in a"
      + " jdbc:apiquery: URL (auth, ProfileSettings)")
  String options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.exists(dir)) {
      err.println("apiquery profile check: " + dir + " does not exist");
      return 1;
    }
    int errors = 0;
    int warnings = 0;
    boolean failed = false;
    try {
      List<Path> files = ProfileLint.files(dir);
      ConnectionPlan connection = live ? new ConnectionPlan(options, List.of(), List.of()) : null;
      for (Path file : files) {
        List<LintFinding> findings = ProfileLint.check(file);
        for (LintFinding f : findings) {
          out.println(f);
          if (f.error()) {
            errors++;
          } else {
            warnings++;
          }
        }
        if (live && findings.stream().noneMatch(LintFinding::error)) {
          failed |= !printLive(LiveCheck.run(file, connection.properties(Map.of())), out);
        }
      }
      out.println(files.size() + " files, " + errors + " errors, " + warnings + " warnings");
    } catch (IOException e) {
      err.println("apiquery profile check: " + e.getMessage());
      return 1;
    } catch (BuilderException e) {
      err.println("apiquery profile check: " + e.getMessage());
      return 2;
    }
    return errors + warnings > 0 || failed ? 1 : 0;
  }

  private static boolean printLive(LiveCheck.Result r, PrintWriter out) {
    out.println(r.table() + ": first request " + (r.firstRequest() == null ? "(none)" : r.firstRequest()));
    if (r.error() != null) {
      out.println(r.table() + ": failed: " + r.error());
      return false;
    }
    out.println(r.table() + ": " + r.rows() + (r.rows() == 1 ? " row" : " rows"));
    return true;
  }
}
