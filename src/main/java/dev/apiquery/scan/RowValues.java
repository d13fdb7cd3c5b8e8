package dev.apiquery.scan;

import dev.apiquery.profile.script.ItemValues;
import dev.apiquery.response.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of one response row, as the attributes of a call's output item: the raw values, as
 * the reader read them (what the script sees), and the output columns' values converted to their
 * SQL types on the fetch thread, in output order (null when the call's rows are not converted).
 * Read by one thread at a time: the one that reads its chain's rows.
 */
public final class RowValues implements ItemValues {
  private final Object[] row;
  private final Object[] converted;
  private final boolean clean;
  private final CallLayout layout;
  private boolean taken;

  /**
   * @param clean whether every value of the row's page converted (no {@code RowConverter.Failed}
   *     among them)
   */
  public RowValues(Object[] row, Object[] converted, boolean clean, CallLayout layout) {
    this.row = row;
    this.converted = converted;
    this.clean = clean;
    this.layout = layout;
  }

  public Object[] row() {
    return row;
  }

  /** The converted values (not to be changed: see {@link #takeConverted}); null when none. */
  public Object[] converted() {
    return converted;
  }

  public boolean clean() {
    return clean;
  }

  /**
   * The converted values as an output row the caller may fill in: the array itself the first
   * time, a copy after that (a script may push one item more than once, and each push is a row
   * of its own).
   */
  public Object[] takeConverted() {
    if (taken) {
      return converted.clone();
    }
    taken = true;
    return converted;
  }
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
