package dev.apiquery.profile.script.expr;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The value formatters a profile may use in {@code [x | name(args)]}: CData's string, math and
 * date formatters. Names are case-insensitive. A misused formatter (unknown name, wrong number
 * of arguments) compiles into a step that fails the query that reaches it, naming file, line and
 * formatter: a typo in one table never stops the connection or the other tables.
 */
public final class Formatters {
  private Formatters() {}

  private static final Map<String, FormatterSpec> BY_NAME =
      new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /** Formatters that need no piped-in value, so they may stand alone: {@code [now()]}. */
  private static final Set<String> FUNCTIONS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    FormatterTable table = new FormatterTable(BY_NAME);
    StringFormatters.addTo(table);
    MathFormatters.addTo(table);
    DateFormatters.addTo(table);
    FUNCTIONS.addAll(List.of("now", "utcnow", "date", "rand", "random"));
  }

  /** The formatter called {@code name} (any case), or null when there is none. */
  public static FormatterSpec lookup(String name) {
    return BY_NAME.get(name);
  }

  /** Whether {@code name} is a formatter that takes no value, written {@code [name(...)]}. */
  static boolean isFunction(String name) {
    return FUNCTIONS.contains(name);
  }

  /** The names of every formatter, for error messages and documentation. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** A step that fails with {@code message} when evaluated, for a formatter misused in a file. */
  static FormatterSpec failing(String name, String message) {
    return new FormatterSpec(name, 0, Integer.MAX_VALUE, false, (value, args) -> {
      throw new FormatterException(message);
    });
  }
}
