package dev.apiquery.cli;

import dev.apiquery.builder.BuilderException;
import dev.apiquery.builder.NewProfile;
import dev.apiquery.builder.NewProfileRequest;
import dev.apiquery.builder.ProfileBuilder;
import dev.apiquery.jdbc.OptionName;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apiquery profile new}: from an endpoint URL to a working RSD table. */
@Command(name = "new",
    description = "Sample an endpoint and write DIR/TABLE.rsd: rows, column types and paging detected;"
        + " never writes a secret. Prints the JDBC URL and a 5-row preview.")
final class ProfileNewCommand implements Callable<Integer> {
  static final int PREVIEW_ROWS = 5;

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "the endpoint, with query parameters")
  String url;

  @Option(names = "--name", paramLabel = "TABLE", description = "table name (default: the URL's last path segment)")
  String name;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "profiles",
      description = "profile folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--header", paramLabel = "'Name: value'", description = "a request header, repeatable;"
      + " secret ones (Authorization, *key*, *token*...) become the CustomHeaders option")
  List<String> headers = new ArrayList<>();

  @Option(names = "--param", paramLabel = "K=V", description = "a query parameter, repeatable;"
      + " secret ones (api_key...) become the CustomUrlParams option")
  List<String> params = new ArrayList<>();

  @Option(names = "--options", paramLabel = "OPTIONS", description = "connection options as in a jdbc:apiquery: URL,"
      + " e.g. \"AuthScheme=OAuth;OAuthClientId=...;OAuthClientSecret=$${env:SECRET}\"")
  String options;

  @Option(names = "--cursor-param", paramLabel = "NAME", description = "the query parameter a cursor token is sent in")
  String cursorParam;

  @Option(names = "--rows", paramLabel = "PATH", description = "where the rows are ($.data.items), instead of the largest array")
  String rows;

  @Option(names = "--force", description = "overwrite an existing file")
  boolean force;

  @Option(names = "--base-url-setting", description = "start the URI with [_connection.BaseUrl] (set BaseUrl in the URL)")
  boolean baseUrlSetting;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    NewProfile profile;
    try {
      NewProfileRequest request = new NewProfileRequest(url, name, out, pairs(headers, ':', "--header", "'Name: value'"),
          pairs(params, '=', "--param", "k=v"), options, cursorParam, rows, force, baseUrlSetting);
      profile = new ProfileBuilder(stdout).build(request);
    } catch (BuilderException e) {
      stdout.flush();
      stderr.println("apiquery profile new: " + e.getMessage());
      return 1;
    }
    stdout.println("Connection URL:");
    stdout.println("  " + profile.jdbcUrl());
    profile.environment().forEach((variable, what) -> stdout.println("  set " + variable + " to " + what));
    stdout.println("Query it:");
    stdout.println("  bin/apiquery query --url " + shellQuoted(profile.jdbcUrl()) + " "
        + shellQuoted("SELECT * FROM \"" + profile.table() + "\" LIMIT 10"));
    return preview(profile, stdout, stderr);
  }

  /** Queries the new file itself through the driver: the proof that the profile works. */
  private static int preview(NewProfile profile, PrintWriter stdout, PrintWriter stderr) {
    String sql = "SELECT * FROM \"" + profile.table() + "\" LIMIT " + PREVIEW_ROWS;
    stdout.println("Preview (" + sql + "):");
    Properties props = new Properties();
    props.putAll(profile.previewProperties());
    props.setProperty(OptionName.PROFILE.key(), profile.file().toString());
    try (Connection connection = Jdbc.open("jdbc:apiquery:", props);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      new TableWriter().write(result, stdout);
      return 0;
    } catch (SQLException e) {
      stdout.flush();
      stderr.println("apiquery profile new: the preview failed: " + e.getMessage());
      return 1;
    }
  }

  /** Single quotes keep a shell from expanding the URL's ${env:...} references itself. */
  static String shellQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private List<Map.Entry<String, String>> pairs(List<String> values, char separator, String option, String form) {
    List<Map.Entry<String, String>> result = new ArrayList<>();
    for (String value : values) {
      int at = value.indexOf(separator);
      if (at <= 0 || value.substring(0, at).isBlank()) {
        // the value is not quoted: it may be a secret
        throw new ParameterException(spec.commandLine(), option + " expects " + form);
      }
      result.add(Map.entry(value.substring(0, at).strip(), value.substring(at + 1).strip()));
    }
    return result;
  }
}
