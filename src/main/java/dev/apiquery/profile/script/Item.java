package dev.apiquery.profile.script;

import dev.apiquery.profile.CaseInsensitive;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A named bag of attributes (an RSD "item"): the default item the provider call reads, the
 * {@code _input} and {@code _connection} items, and any a script creates ({@code temp},
 * {@code page}, ...). Attribute names ignore case; the first spelling is kept.
 */
public final class Item {
  private final String name;
  // lower-cased name -> (name as first written, value); insertion order kept for readability.
  private final LinkedHashMap<String, Map.Entry<String, String>> attributes = new LinkedHashMap<>();

  public Item(String name) {
    this.name = name;
  }

  /** The item name; the default item's is empty. */
  public String name() {
    return name;
  }

  /** The value of attribute {@code attr}, or null when unset. */
  public String get(String attr) {
    Map.Entry<String, String> entry = attributes.get(key(attr));
    return entry == null ? null : entry.getValue();
  }

  public void set(String attr, String value) {
    Map.Entry<String, String> old = attributes.get(key(attr));
    String spelling = old == null ? attr : old.getKey();
    attributes.put(key(attr), Map.entry(spelling, value == null ? "" : value));
  }

  public void remove(String attr) {
    attributes.remove(key(attr));
  }

  /** A read-only, case-insensitive snapshot of every attribute. */
  public Map<String, String> snapshot() {
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.values().forEach(e -> copy.put(e.getKey(), e.getValue()));
    return CaseInsensitive.copyOf(copy);
  }

  Item copy() {
    Item copy = new Item(name);
    copy.attributes.putAll(attributes);
    return copy;
  }

  private static String key(String attr) {
    return attr.toLowerCase(Locale.ROOT);
  }
}
