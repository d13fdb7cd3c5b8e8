package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.expr.Template;

/**
 * {@code api:if} (and the {@code api:exists}/{@code api:equals}/{@code api:notequals} shorthands):
 * compares the attribute {@code attr}, or the expanded {@code exp}, with {@code value}.
 *
 * @param attr the attribute to test, or null when {@code exp} is used
 * @param exp the expression to test, or null when {@code attr} is used
 * @param value the right-hand side; an empty template for the unary operators
 */
public record IfCondition(String attr, Template exp, Operator operator, Template value)
    implements Condition {
  @Override
  public boolean test(ItemState items) throws ProfileException {
    String left = attr != null ? items.lookup(attr) : exp.expand(items);
    return operator.test(left, value.expand(items));
  }
}
