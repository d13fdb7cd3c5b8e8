package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.expr.Template;

/**
 * {@code api:check}: with {@code attr}, true when the attribute has a non-empty value; with
 * {@code value}, true when the expanded value is true (present and not false/0/no). Never throws
 * for a missing attribute: that is what it is for.
 */
public record CheckCondition(String attr, Template value) implements Condition {
  @Override
  public boolean test(ItemState items) throws ProfileException {
    if (attr != null) {
      return !Values.isEmpty(items.lookup(attr));
    }
    return Values.isTrue(value.expand(items));
  }
}
