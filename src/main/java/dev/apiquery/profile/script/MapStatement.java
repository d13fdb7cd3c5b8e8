package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code <api:map to="b" from="a" map="x=y, p:*=q:*"/>}: copies attribute y of item a to
 * attribute x of item b, as CData's api:map does: the destination is not cleared, an attribute it
 * already has is overwritten, a source attribute that is unset is not copied. {@code p:* = q:*}
 * copies every attribute of a whose name starts with {@code q:} under the prefix {@code p:}.
 */
public record MapStatement(SourceLocation location, String to, String from, List<Pair> pairs)
    implements Statement {

  /** One {@code to = from} pair of the map string; names ending in {@code *} are prefixes. */
  public record Pair(String to, String from) {
    boolean wildcard() {
      return from.endsWith("*");
    }
  }

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    Item source = state.items().item(from);
    Item target = state.items().item(to);
    for (Pair pair : pairs) {
      if (!pair.wildcard()) {
        String value = source.get(pair.from());
        if (value != null) {
          target.set(pair.to(), value);
        }
        continue;
      }
      if (source.values() != null) {
        // A call's output item holds response values that cannot be listed by prefix.
        throw new ProfileException(location, "api:map with the wildcard '" + pair.from()
            + "' cannot list the response values of item '" + from + "': map its attributes by name");
      }
      String fromPrefix = pair.from().substring(0, pair.from().length() - 1).toLowerCase(Locale.ROOT);
      String toPrefix = pair.to().substring(0, pair.to().length() - 1);
      for (Map.Entry<String, String> attribute : source.snapshot().entrySet()) {
        if (attribute.getKey().toLowerCase(Locale.ROOT).startsWith(fromPrefix)) {
          target.set(toPrefix + attribute.getKey().substring(fromPrefix.length()), attribute.getValue());
        }
      }
    }
    return null;
  }
}
