package dev.apiquery.profile;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Immutable case-insensitive string maps: RSD names and option keys ignore case. */
public final class CaseInsensitive {
  private CaseInsensitive() {}

  /** A read-only copy whose {@code get} ignores the case of the key; later keys win. */
  public static Map<String, String> copyOf(Map<String, String> source) {
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (source != null) {
      copy.putAll(source);
    }
    return Collections.unmodifiableMap(copy);
  }
}
