package dev.apiquery.value;

import dev.apiquery.profile.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the extracted columns of response rows to their SQL types ({@link ValueConverter}),
 * with each column's conversion chosen once rather than per value. Made for the fetch threads:
 * a page is converted where it was read, while the consumer hands out the rows of the page
 * before it. Thread-safe (immutable).
 *
 * <p>A value that does not convert is not an error of the page (DESIGN 7: NULL and a warning):
 * its place holds a {@link Failed} with the reason, for the scan to count and report.
 */
public final class RowConverter {
  private final ColumnConversion[] columns;

  /** Why one value did not convert; stands in the converted row where the value would be. */
  public record Failed(String message) {}

  /** One column's conversion of a non-null raw value. */
  @FunctionalInterface
  interface ColumnConversion {
    Object convert(Object raw) throws ConversionException;
  }

  /**
   * @param types the type of each extracted column, in the reader's column order; null for a
   *     column nothing reads converted (it stays null in the converted row)
   * @param scales their DECIMAL scales (null where none)
   */
  public RowConverter(List<DataType> types, List<Integer> scales) {
    List<ColumnConversion> list = new ArrayList<>();
    for (int c = 0; c < types.size(); c++) {
      list.add(types.get(c) == null ? null : ValueConverter.forColumn(types.get(c), scales.get(c)));
    }
    this.columns = list.toArray(new ColumnConversion[0]);
  }

  /** The converted values of the first columns of each raw row (a raw row may hold more). */
  public List<Object[]> convert(List<Object[]> rows) {
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] raw : rows) {
      out.add(convert(raw));
    }
    return out;
  }

  Object[] convert(Object[] raw) {
    Object[] row = new Object[columns.length];
    for (int c = 0; c < columns.length; c++) {
      Object value = raw[c];
      if (value != null && columns[c] != null) {
        try {
          row[c] = columns[c].convert(value);
        } catch (ConversionException e) {
          row[c] = new Failed(e.getMessage());
        }
      }
    }
    return row;
  }
}
