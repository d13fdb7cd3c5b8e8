package dev.apiquery.profile.script;

import dev.apiquery.profile.script.expr.ValueSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every item a running script can read and write. A reference {@code a.b} means attribute
 * {@code b} of item {@code a}; a name without a dot is an attribute of the default item. Not
 * thread-safe: each request chain gets its own state.
 *
 * <p>Inside the body of an {@code api:call} the call's output item is the default item (CData:
 * "the api:call keyword introduces a default output item"): a name without a dot is looked up
 * there first and then in the enclosing default items, and is set there.
 */
public final class ItemState implements ValueSource {
  /** The name of the default item, the one the provider call reads its settings from. */
  public static final String DEFAULT_ITEM = "";
  public static final String INPUT_ITEM = "_input";
  public static final String CONNECTION_ITEM = "_connection";

  private final Map<String, Item> items = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  /** Output items of the calls whose bodies are running, innermost first. */
  private final Deque<Item> scopes = new ArrayDeque<>();

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

  /** The default item: the innermost running call's output item, else the script's own. */
  public Item defaultItem() {
    Item scope = scopes.peekFirst();
    return scope != null ? scope : item(DEFAULT_ITEM);
  }

  /** The script's own default item, whatever call bodies are running. */
  public Item scriptItem() {
    return item(DEFAULT_ITEM);
  }

  /** Makes {@code output} the default item (and, when it has a name, item {@code name}). */
  public void enterScope(Item output) {
    scopes.addFirst(output);
    if (!output.name().isEmpty()) {
      items.put(output.name(), output);
    }
  }

  /** How many call bodies are running (0 at the top of the script). */
  public int depth() {
    return scopes.size();
  }

  /** Leaves the innermost call body's scope. */
  public void exitScope() {
    scopes.removeFirst();
  }

  /**
   * A name without a dot through the scope chain: the innermost output item first, then the
   * enclosing ones, then the script's default item.
   */
  private String lookupBare(String attr) {
    for (Iterator<Item> it = scopes.iterator(); it.hasNext(); ) {
      String value = it.next().get(attr);
      if (value != null) {
        return value;
      }
    }
    return item(DEFAULT_ITEM).get(attr);
  }

  /**
   * The settings a provider call reads when it has no {@code in} item: the script's default
   * item overlaid with what call bodies set on their output items, innermost last.
   */
  public Item callSettings() {
    if (scopes.isEmpty()) {
      return item(DEFAULT_ITEM);
    }
    Item merged = item(DEFAULT_ITEM).copy();
    for (Iterator<Item> it = scopes.descendingIterator(); it.hasNext(); ) {
      it.next().snapshot().forEach(merged::set);
    }
    return merged;
  }

  @Override
  public String lookup(String reference) {
    int dot = reference.indexOf('.');
    if (dot < 0) {
      return lookupBare(reference);
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
    scopes.forEach(scope -> copy.scopes.addLast(scope.copy()));
    return copy;
  }
}
