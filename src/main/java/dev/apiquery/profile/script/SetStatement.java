package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.expr.Template;

/**
 * {@code <api:set attr="a" value="v"/>}, {@code attr="item.a"} or {@code item="x" attr="a"}.
 * A value set into an attribute called {@code URI} has its references percent-encoded (see
 * {@link Template#expandForUri}).
 *
 * @param item the target item from the {@code item} attribute, or null to take it from
 *     {@code attr} ({@code item.attr}, default item when there is no dot)
 */
public record SetStatement(SourceLocation location, String item, String attr, Template value)
    implements Statement {

  /** The attribute set, without its item. */
  public String attrName() {
    return item == null ? attr.substring(attr.indexOf('.') + 1) : attr;
  }

  /** The value the attribute holds after this statement ran. */
  public String valueAfterRun(ItemState items) {
    return item == null ? items.lookup(attr) : items.item(item).get(attr);
  }

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    String attrName = attrName();
    String expanded = attrName.equalsIgnoreCase("URI")
        ? value.expandForUri(state.items())
        : value.expand(state.items());
    if (item == null) {
      state.items().set(attr, expanded);
    } else {
      state.items().item(item).set(attr, expanded);
    }
    return null;
  }
}
