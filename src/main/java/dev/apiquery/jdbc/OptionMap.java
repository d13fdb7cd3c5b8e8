package dev.apiquery.jdbc;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered string map whose keys ignore case, as connection-string keys do. Putting a key that is
 * already present (in any case) replaces both its value and its spelling but keeps its position:
 * "the last repeat wins, with the last spelling". Not thread-safe while being filled; {@link
 * ConnectionOptions} only hands out unmodifiable views.
 */
public final class OptionMap extends AbstractMap<String, String> {
  private final LinkedHashMap<String, Map.Entry<String, String>> byFoldedKey =
      new LinkedHashMap<>();

  /** The key used for case-insensitive comparison. */
  static String fold(String key) {
    return key.toLowerCase(Locale.ROOT);
  }

  @Override
  public String put(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Map.Entry<String, String> old =
        byFoldedKey.put(fold(key), new AbstractMap.SimpleImmutableEntry<>(key, value));
    return old == null ? null : old.getValue();
  }

  @Override
  public String get(Object key) {
    if (!(key instanceof String)) {
      return null;
    }
    Map.Entry<String, String> entry = byFoldedKey.get(fold((String) key));
    return entry == null ? null : entry.getValue();
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String && byFoldedKey.containsKey(fold((String) key));
  }

  @Override
  public String remove(Object key) {
    if (!(key instanceof String)) {
      return null;
    }
    Map.Entry<String, String> old = byFoldedKey.remove(fold((String) key));
    return old == null ? null : old.getValue();
  }

  /** The spelling under which {@code key} is stored, or null. */
  public String spelling(String key) {
    Map.Entry<String, String> entry = key == null ? null : byFoldedKey.get(fold(key));
    return entry == null ? null : entry.getKey();
  }

  @Override
  public int size() {
    return byFoldedKey.size();
  }

  @Override
  public void clear() {
    byFoldedKey.clear();
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return Collections.unmodifiableCollection(byFoldedKey.values()).iterator();
      }

      @Override
      public int size() {
        return byFoldedKey.size();
      }
    };
  }
}
