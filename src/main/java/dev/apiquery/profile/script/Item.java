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
  // Made on the first set: most items are response rows that no script touches, one per row of
  // a scan, and an empty map each was a measurable share of the consumer thread's allocation.
  private Map<String, Map.Entry<String, String>> attributes = Map.of();
  /** Values a provider call read for this item (its output), behind the attributes set on it. */
  private final ItemValues values;

  public Item(String name) {
    this(name, null);
  }

  /** An output item of a provider call: its values come from the response row. */
  public Item(String name, ItemValues values) {
    this.name = name;
    this.values = values;
  }

  /** The item name; the default item's is empty. */
  public String name() {
    return name;
  }

  /** The value of attribute {@code attr}, or null when unset. */
  public String get(String attr) {
    if (attr.endsWith("#")) {
      attr = attr + "1"; // [name#] reads the first value of a multi-valued attribute
    }
    Map.Entry<String, String> entry = attributes.isEmpty() ? null : attributes.get(key(attr));
    if (entry != null) {
      return entry.getValue();
    }
    return values == null ? null : values.text(attr);
  }

  /**
   * The value of {@code attr} as the response held it (a number stays a number), else the text a
   * script set; null when unset.
   */
  public Object raw(String attr) {
    Map.Entry<String, String> entry = attributes.isEmpty() ? null : attributes.get(key(attr));
    if (entry != null) {
      return entry.getValue();
    }
    return values == null ? null : values.raw(attr);
  }

  /** The response values behind this item, or null for an item a script built. */
  public ItemValues values() {
    return values;
  }

  /** Whether a script set any attribute on this item. */
  public boolean hasOwnAttributes() {
    return !attributes.isEmpty();
  }

  /** Whether a script set {@code attr} on this item (response values do not count). */
  public boolean isSet(String attr) {
    return attributes.containsKey(key(attr));
  }

  /**
   * Sets {@code attr}. A name ending in {@code #} is multi-valued, as in CData: each set appends
   * the next value as {@code name#1}, {@code name#2}, ... ({@code Header:Name#},
   * {@code ElementMapPath#}).
   */
  public void set(String attr, String value) {
    if (attributes.isEmpty()) {
      attributes = new LinkedHashMap<>();
    }
    if (attr.endsWith("#")) {
      int n = 1;
      while (attributes.containsKey(key(attr + n))) {
        n++;
      }
      attr = attr + n;
    }
    Map.Entry<String, String> old = attributes.get(key(attr));
    String spelling = old == null ? attr : old.getKey();
    attributes.put(key(attr), Map.entry(spelling, value == null ? "" : value));
  }

  public void remove(String attr) {
    if (!attributes.isEmpty()) {
      attributes.remove(key(attr));
    }
  }

  /**
   * A read-only, case-insensitive snapshot of every attribute a script set (the values a
   * response gave an output item are not settings of a call and are left out).
   */
  public Map<String, String> snapshot() {
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.values().forEach(e -> copy.put(e.getKey(), e.getValue()));
    return CaseInsensitive.copyOf(copy);
  }

  Item copy() {
    Item copy = new Item(name, values);
    if (!attributes.isEmpty()) {
      copy.attributes = new LinkedHashMap<>(attributes);
    }
    return copy;
  }

  private static String key(String attr) {
    return attr.toLowerCase(Locale.ROOT);
  }
}
