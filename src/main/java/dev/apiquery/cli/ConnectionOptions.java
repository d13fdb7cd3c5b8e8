package dev.apiquery.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options that say where and how to connect: shared by query, explain and export. */
final class ConnectionOptions {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "JDBC URL, e.g. 'jdbc:apiquery:Profile=/path/to/profiles'.")
  String url;

  @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Sent as the User option.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "Sent as the Password option.")
  String password;

  @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
      description = "Any connection option, repeatable, e.g. -p Timeout=30 (the last repeat of a key wins).")
  Map<String, String> properties = new LinkedHashMap<>();

  /** Rejects what picocli lets through: a {@code -p} with an empty key. */
  void validate(CommandSpec spec) {
    if (url.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--url is empty");
    }
    for (String key : properties.keySet()) {
      if (key.isBlank()) {
        throw new ParameterException(spec.commandLine(), "-p expects KEY=VALUE with a key, got '=" + properties.get(key) + "'");
      }
    }
  }

  /** The connection properties: {@code -p} options, then {@code User} and {@code Password}. */
  Properties connectionProperties() {
    Properties props = new Properties();
    properties.forEach((k, v) -> props.setProperty(k.trim(), v));
    if (user != null) {
      props.setProperty("User", user);
    }
    if (password != null) {
      props.setProperty("Password", password);
    }
    return props;
  }
}
