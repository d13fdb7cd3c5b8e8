package dev.apiquery.scan;

import dev.apiquery.profile.script.ItemValues;

/**
 * The values of one response row, as the attributes of a call's output item.
 *
 * @param row the raw values, as the reader read them (what the script sees)
 * @param converted the output columns' values converted to their SQL types on the fetch thread,
 *     in output order; null when the call's rows are not converted
 * @param clean whether every value of the row's page converted (no {@code RowConverter.Failed}
 *     among them)
 */
public record RowValues(Object[] row, Object[] converted, boolean clean, CallLayout layout) implements ItemValues {
  @Override
  public Object raw(String attr) {
    int index = layout.index(attr);
    return index < 0 ? null : row[index];
  }
}
