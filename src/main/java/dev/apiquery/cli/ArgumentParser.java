package dev.apiquery.cli;

import dev.apiquery.cli.CliArguments.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns {@code String[] args} into {@link CliArguments}; every mistake is a {@link UsageException}. */
final class ArgumentParser {
  static final Set<String> FORMATS = Set.of("table", "csv", "json");

  private Command command;
  private String url;
  private String format;
  private String user;
  private String password;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();
  private boolean verbose;
  private boolean serve;
  private Integer port;
  private boolean help;

  private ArgumentParser() {}

  static CliArguments parse(String... args) throws UsageException {
    return new ArgumentParser().run(List.of(args));
  }

  private CliArguments run(List<String> args) throws UsageException {
    int i = 0;
    // Options before the command: only the general ones.
    for (; i < args.size() && args.get(i).startsWith("-"); i++) {
      switch (args.get(i)) {
        case "--verbose", "-v" -> verbose = true;
        case "--help", "-h" -> help = true;
        case "--version" -> {
          return result(Command.VERSION);
        }
        default -> throw new UsageException("unknown option " + args.get(i));
      }
    }
    if (help || i == args.size()) {
      return result(Command.HELP);
    }
    String name = args.get(i++);
    command = switch (name) {
      case "query" -> Command.QUERY;
      case "explain" -> Command.EXPLAIN;
      case "demo" -> Command.DEMO;
      case "help" -> Command.HELP;
      default -> throw new UsageException("unknown command '" + name + "'");
    };
    options(args.subList(i, args.size()));
    if (help || command == Command.HELP) {
      return result(Command.HELP);
    }
    validate();
    return result(command);
  }

  private void options(List<String> args) throws UsageException {
    boolean onlyPositional = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (onlyPositional || !arg.startsWith("-") || arg.equals("-")) {
        positional.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        onlyPositional = true;
        continue;
      }
      String option = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        option = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      }
      boolean takesValue = true;
      String value = null;
      switch (option) {
        case "--verbose", "-v", "--help", "-h", "--serve" -> takesValue = false;
        default -> { }
      }
      if (takesValue) {
        if (inline != null) {
          value = inline;
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new UsageException(option + " needs a value");
        }
      } else if (inline != null) {
        throw new UsageException(option + " takes no value");
      }
      apply(option, value);
    }
  }

  private void apply(String option, String value) throws UsageException {
    switch (option) {
      case "--verbose", "-v" -> verbose = true;
      case "--help", "-h" -> help = true;
      case "--url" -> url = only(option, value, Command.QUERY, Command.EXPLAIN);
      case "--format", "-f" -> {
        String f = only(option, value, Command.QUERY).toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(f)) {
          throw new UsageException("unknown format '" + value + "' (use table, csv or json)");
        }
        format = f;
      }
      case "--user", "-u" -> user = only(option, value, Command.QUERY, Command.EXPLAIN);
      case "--password" -> password = only(option, value, Command.QUERY, Command.EXPLAIN);
      case "-p", "--property" -> {
        only(option, value, Command.QUERY, Command.EXPLAIN);
        int eq = value.indexOf('=');
        if (eq <= 0 || value.substring(0, eq).isBlank()) {
          throw new UsageException(option + " expects key=value, got '" + value + "'");
        }
        properties.put(value.substring(0, eq).trim(), value.substring(eq + 1));
      }
      case "--serve" -> {
        only(option, "", Command.DEMO);
        serve = true;
      }
      case "--port" -> {
        only(option, value, Command.DEMO);
        try {
          port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 0 || port > 65535) {
          throw new UsageException("--port expects a number from 0 to 65535, got '" + value + "'");
        }
      }
      default -> throw new UsageException("unknown option " + option + " for " + commandName());
    }
  }

  private String only(String option, String value, Command... commands) throws UsageException {
    for (Command c : commands) {
      if (c == command) {
        return value;
      }
    }
    throw new UsageException(option + " does not apply to " + commandName());
  }

  private void validate() throws UsageException {
    if (command == Command.DEMO) {
      if (!positional.isEmpty()) {
        throw new UsageException("demo takes no arguments, got '" + positional.get(0) + "'");
      }
      return;
    }
    if (url == null || url.isBlank()) {
      throw new UsageException(commandName() + " needs --url, e.g. --url 'jdbc:apiquery:Profile=/path/to/profiles'");
    }
    if (positional.isEmpty()) {
      throw new UsageException(commandName() + " needs a SQL statement");
    }
    if (positional.size() > 1) {
      throw new UsageException(commandName() + " takes one SQL statement, got " + positional.size()
          + " arguments (put the SQL in quotes)");
    }
    if (positional.get(0).isBlank()) {
      throw new UsageException("the SQL statement is empty");
    }
  }

  private String commandName() {
    return command.name().toLowerCase(Locale.ROOT);
  }

  private CliArguments result(Command c) {
    return new CliArguments(c, url, format == null ? "table" : format, user, password, properties,
        positional.isEmpty() ? null : positional.get(0), verbose, serve, port == null ? 0 : port);
  }
}
