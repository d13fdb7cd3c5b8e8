package dev.apiquery.profile.script;

import dev.apiquery.profile.script.expr.ValueSource;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every item a running script can read and write. A reference {@code a.b} means attribute
 * {@code b} of item {@code a}; a name without a dot is an attribute of the default item. Not
 * thread-safe: each request chain gets its own state.
 */
public final class ItemState implements ValueSource {
  /** The name of the default item, the one the provider call reads its settings from. */
  public static final String DEFAULT_ITEM = "";
  public static final String INPUT_ITEM = "_input";
  public static final String CONNECTION_ITEM = "_connection";

  private final Map<String, Item> items = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /** A fresh state whose {@code _input} and {@code _connection} items hold the given values. */
  public static ItemState seeded(Map<String, String> inputs, Map<String, String> connection) {
    ItemState state = new ItemState();
    inputs.forEach(state.item(INPUT_ITEM)::set);
    connection.forEach(state.item(CONNECTION_ITEM)::set);
    state.item(DEFAULT_ITEM);
    return state;
  }

  /** The item called {@code name}, created empty on first use. */
  public Item item(String name) {
    return items.computeIfAbsent(name, Item::new);
  }

  public Item defaultItem() {
    return item(DEFAULT_ITEM);
  }

  @Override
  public String lookup(String reference) {
    int dot = reference.indexOf('.');
    if (dot < 0) {
      return defaultItem().get(reference);
    }
    Item item = items.get(reference.substring(0, dot));
    return item == null ? null : item.get(reference.substring(dot + 1));
  }

  /** Sets {@code reference} ({@code attr} or {@code item.attr}). */
  public void set(String reference, String value) {
    int dot = reference.indexOf('.');
    if (dot < 0) {
      defaultItem().set(reference, value);
    } else {
      item(reference.substring(0, dot)).set(reference.substring(dot + 1), value);
    }
  }

  /** Removes {@code reference} ({@code attr} or {@code item.attr}). */
  public void unset(String reference) {
    int dot = reference.indexOf('.');
    Item item = dot < 0 ? defaultItem() : items.get(reference.substring(0, dot));
    if (item != null) {
      item.remove(dot < 0 ? reference : reference.substring(dot + 1));
    }
  }

  /** A deep copy, so a snapshot handed out cannot see later changes. */
  public ItemState copy() {
    ItemState copy = new ItemState();
    items.forEach((name, item) -> copy.items.put(name, item.copy()));
    return copy;
  }
}
