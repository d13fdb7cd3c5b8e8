package dev.apiquery.profile.script.expr;

import java.util.Map;

/** Collects formatter definitions by name; each category class adds its own. */
final class FormatterTable {
  private final Map<String, FormatterSpec> byName;

  FormatterTable(Map<String, FormatterSpec> byName) {
    this.byName = byName;
  }

  void add(String name, int minArgs, int maxArgs, Formatter function) {
    put(new FormatterSpec(name, minArgs, maxArgs, false, function));
  }

  /** A formatter whose output is already percent-encoded ({@code urlencode}). */
  void addEncoding(String name, Formatter function) {
    put(new FormatterSpec(name, 0, 0, true, function));
  }

  private void put(FormatterSpec spec) {
    if (byName.putIfAbsent(spec.name(), spec) != null) {
      throw new IllegalStateException("formatter " + spec.name() + " is defined twice");
    }
  }
}
