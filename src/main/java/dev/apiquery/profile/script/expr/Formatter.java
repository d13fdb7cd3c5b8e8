package dev.apiquery.profile.script.expr;

import java.util.List;

/** One step of a {@code [value | formatter(args)]} pipeline. */
@FunctionalInterface
public interface Formatter {
  /**
   * Transforms {@code value} (never null: an unset reference is the empty string) with the
   * already-expanded arguments.
   */
  String apply(String value, List<String> args) throws FormatterException;
}
