package dev.apiquery.profile;

import java.util.List;
import java.util.Map;

/**
 * The outcome of running a table's GET script up to its provider call
 * ({@code jsonproviderGet} and aliases): the request to make and every attribute the script set.
 * Immutable.
 */
public interface Invocation {
  /** The provider operation, lower-cased ({@code jsonproviderget}, ...). */
  String operation();

  /** HTTP method (the {@code method} attribute, default GET), upper-cased. */
  String method();

  /**
   * The final request URI: references expanded and percent-encoded once, {@code {Name}}
   * placeholders filled from the filter bindings (an empty one drops its query parameter),
   * bare-name filter bindings appended when the URI lacks them, empty query parameters dropped.
   */
  String uri();

  /** Request headers from {@code Header:Name#N}/{@code Header:Value#N}, in N order. */
  List<Map.Entry<String, String>> headers();

  /** Every attribute of the default item at call time, read-only, case-insensitive keys. */
  Map<String, String> attributes();

  /** One attribute (case-insensitive name), or null when unset or empty. */
  default String attribute(String name) {
    String value = attributes().get(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
