package dev.apiquery.value;

import dev.apiquery.profile.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

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
  /** Per output position: the raw row's column it is converted from, or -1 for none. */
  private final int[] sources;
  private final ColumnConversion[] columns;

  /** Why one value did not convert; stands in the converted row where the value would be. */
  public record Failed(String message) {}

  /**
   * A page's converted rows, and how many of their values did not convert: a page with none
   * needs no look at its values for {@link Failed} markers on the consumer's side.
   */
  public record Converted(List<Object[]> rows, int failures) {}

  /** One column's conversion of a non-null raw value. */
  @FunctionalInterface
  interface ColumnConversion {
    Object convert(Object raw) throws ConversionException;
  }

  /**
   * Converted rows indexed like the raw rows.
   *
   * @param types the type of each extracted column, in the reader's column order; null for a
   *     column nothing reads converted (it stays null in the converted row)
   * @param scales their DECIMAL scales (null where none)
   */
  public RowConverter(List<DataType> types, List<Integer> scales) {
    this(types, scales, IntStream.range(0, types.size()).toArray());
  }

  /**
   * Converted rows in output order, so that a row whose values all converted is the output row
   * as it is (the consumer only fills in what is not in the response: inputs, {@code _row}).
   *
   * @param outputs per output position, the extracted column it holds, or -1 (left null)
   */
  public RowConverter(List<DataType> types, List<Integer> scales, int[] outputs) {
    this.sources = outputs.clone();
    this.columns = new ColumnConversion[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      int c = outputs[i];
      columns[i] = c < 0 || types.get(c) == null ? null : ValueConverter.forColumn(types.get(c), scales.get(c));
    }
  }

  /** The converted values of each raw row (a raw row may hold more columns than are converted). */
  public Converted convert(List<Object[]> rows) {
    List<Object[]> out = new ArrayList<>(rows.size());
    int[] failures = new int[1];
    for (Object[] raw : rows) {
      out.add(convert(raw, failures));
    }
    return new Converted(out, failures[0]);
  }

  Object[] convert(Object[] raw) {
    return convert(raw, new int[1]);
  }

  private Object[] convert(Object[] raw, int[] failures) {
    Object[] row = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      ColumnConversion conversion = columns[i];
      if (conversion == null) {
        continue;
      }
      Object value = raw[sources[i]];
      if (value != null) {
        try {
          row[i] = conversion.convert(value);
        } catch (ConversionException e) {
          row[i] = new Failed(e.getMessage());
          failures[0]++;
        }
      }
    }
    return row;
  }
}
