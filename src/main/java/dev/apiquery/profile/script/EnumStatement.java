package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.expr.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code api:enum}: runs its body once per value, with the control attributes {@code _value},
 * {@code _index} (1-based) and, when enumerating an item, {@code _attr}, set on the default item.
 * Exactly one source: {@code list} (split on {@code separator}, default {@code ,}),
 * {@code range="1..5"} (whole numbers, either direction), {@code attr} (the values of a
 * multi-valued attribute {@code name#1}, {@code name#2}, ..., or the value of a single-valued
 * one split on {@code separator}) or {@code item} (every attribute of that item).
 */
public record EnumStatement(SourceLocation location, Kind kind, Template source, String separator,
    List<Statement> body) implements Statement {

  public enum Kind { LIST, RANGE, ATTR, ITEM }

  public EnumStatement {
    body = List.copyOf(body);
  }

  /** One iteration: the attribute name (item enumeration only) and the value. */
  public record Value(String attr, String value) {}

  /** The values to run the body for, computed when the keyword is reached. */
  public List<Value> values(ItemState items) throws ProfileException {
    List<Value> out = new ArrayList<>();
    switch (kind) {
      case LIST -> split(source.expand(items), out);
      case RANGE -> range(source.expand(items), out);
      case ATTR -> attr(items, source.raw().trim(), out);
      case ITEM -> {
        for (Map.Entry<String, String> e : items.item(source.raw().trim()).snapshot().entrySet()) {
          out.add(new Value(e.getKey(), e.getValue()));
        }
      }
      default -> throw new AssertionError(kind);
    }
    return out;
  }

  private void split(String text, List<Value> out) {
    if (text.isEmpty()) {
      return;
    }
    for (String part : text.split(Pattern.quote(separator), -1)) {
      out.add(new Value(null, part.trim()));
    }
  }

  private void range(String text, List<Value> out) throws ProfileException {
    int dots = text.indexOf("..");
    try {
      long from = Long.parseLong(text.substring(0, dots).trim());
      long to = Long.parseLong(text.substring(dots + 2).trim());
      long step = from <= to ? 1 : -1;
      if (Math.abs(to - from) > 1_000_000) {
        throw new ProfileException(location, "api:enum range '" + text + "' has more than a million values");
      }
      for (long v = from; ; v += step) {
        out.add(new Value(null, Long.toString(v)));
        if (v == to) {
          break;
        }
      }
    } catch (RuntimeException e) {
      throw new ProfileException(location, "api:enum range must be 'from..to' with whole numbers, not '"
          + text + "'");
    }
  }

  private void attr(ItemState items, String reference, List<Value> out) {
    String first = items.lookup(reference + "#1");
    if (first != null) {
      for (int n = 1; ; n++) {
        String value = items.lookup(reference + "#" + n);
        if (value == null) {
          return;
        }
        out.add(new Value(null, value));
      }
    }
    String value = items.lookup(reference);
    if (value != null) {
      split(value, out);
    }
  }

  /** Sets the control attributes of one iteration on the default item. */
  public static void bind(ItemState items, Value value, int index) {
    Item target = items.defaultItem();
    target.set("_value", value.value());
    target.set("_index", Integer.toString(index));
    if (value.attr() != null) {
      target.set("_attr", value.attr());
    }
  }

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    int index = 0;
    for (Value value : values(state.items())) {
      bind(state.items(), value, ++index);
      CallReached stop = Statements.run(body, state);
      if (stop != null) {
        return stop;
      }
    }
    return null;
  }
}
