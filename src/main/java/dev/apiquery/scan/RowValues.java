package dev.apiquery.scan;

import dev.apiquery.profile.script.ItemValues;

/** The values of one response row, as the attributes of a call's output item. */
public record RowValues(Object[] row, CallLayout layout) implements ItemValues {
  @Override
  public Object raw(String attr) {
    int index = layout.index(attr);
    return index < 0 ? null : row[index];
  }
}
