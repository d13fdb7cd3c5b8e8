package dev.apiquery.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EXPLAIN of a lookup join's inner scan: its requests as a template, {@code /customers/{id}/orders},
 * built by a dry run with a marker in place of each outer key. The markers are plain letters,
 * digits and hyphens, so percent-encoding leaves them as they are and they can be found again.
 */
final class LookupTemplate {
  private static final String MARKER = "apiquery-outer-key-";

  private LookupTemplate() {}

  /**
   * The spec with one marker per outer key field instead of its correlated parameters, or null
   * when it has dynamic parameters ({@code ?}), whose values only the execution knows.
   *
   * @param markers filled with each marker and the {@code {name}} it stands for
   */
  static ApiQuerySpec of(ApiQuerySpec spec, Map<String, String> markers) {
    Map<Integer, List<String>> values = new LinkedHashMap<>(spec.pushedValues());
    for (Map.Entry<Integer, List<PushedParameter>> e : spec.parameters().entrySet()) {
      if (!e.getValue().stream().allMatch(PushedParameter::isCorrelated)) {
        return null;
      }
      String marker = MARKER + markers.size();
      markers.put(marker, "{" + e.getValue().get(0).label() + "}");
      values.put(e.getKey(), List.of(marker));
    }
    return spec.bound(values);
  }

  /** A described request with the markers replaced by the names of the outer keys. */
  static String fill(String line, Map<String, String> markers) {
    String out = line;
    for (Map.Entry<String, String> e : markers.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }
}
