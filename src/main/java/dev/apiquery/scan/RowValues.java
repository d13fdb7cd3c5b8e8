package dev.apiquery.scan;

import dev.apiquery.profile.script.ItemValues;
import dev.apiquery.response.Page;
import java.util.ArrayList;
import java.util.List;

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
  /** The rows of a page as items (a list the caller may add to). */
  static List<ItemValues> of(Page page, CallLayout layout) {
    List<Object[]> rows = page.rows();
    List<Object[]> converted = page.converted();
    boolean clean = page.conversionFailures() == 0;
    List<ItemValues> items = new ArrayList<>(rows.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      items.add(new RowValues(rows.get(i), converted == null ? null : converted.get(i), clean, layout));
    }
    return items;
  }

  @Override
  public Object raw(String attr) {
    int index = layout.index(attr);
    return index < 0 ? null : row[index];
  }
}
