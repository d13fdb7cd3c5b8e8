package dev.apiquery.sql;

import dev.apiquery.profile.script.Item;
import dev.apiquery.scan.RowValues;
import dev.apiquery.value.ConversionException;
import dev.apiquery.value.RowConverter;
import dev.apiquery.value.ValueConverter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the items a scan's chains push into rows of the projected fields, counting the values
 * that could not be converted (they are NULL, never a failed query: DESIGN 7). Thread-safe:
 * concurrent chains convert their rows on their workers.
 */
final class ItemRows {
  private final ScanPlan plan;
  /**
   * Output positions of the columns read from the response whose pushed values fan out into
   * several chains (an {@code other:filter} column under IN, or a lookup join's key).
   */
  private final List<Integer> fanOut = new ArrayList<>();
  /** Output positions whose values are not in the response: inputs and {@code _row}. */
  private final int[] filledIn;
  private long failures;
  private String example;

  ItemRows(ScanPlan plan) {
    this.plan = plan;
    List<Integer> notRead = new ArrayList<>();
    for (int i = 0; i < plan.outputFields.size(); i++) {
      if (plan.extractIndex[i] < 0) {
        notRead.add(i);
      }
      List<String> values = plan.spec.pushedValues().get(plan.spec.tableField(i));
      if (plan.inputIndex[i] < 0 && values != null && values.size() > 1) {
        fanOut.add(i);
      }
    }
    this.filledIn = notRead.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether the item is this chain's: false when a fanned-out column holds another chain's value.
   * An API that matches loosely (or ignores the parameter) returns such a row to several chains,
   * and SQL must see it once, from the chain of its own value.
   */
  boolean belongs(Item item, RequestChain chain) {
    if (fanOut.isEmpty()) {
      return true;
    }
    RowValues raw = rawRow(item);
    for (int i : fanOut) {
      if (!sameValue(value(item, raw, i, chain), chain.pushedValue(plan.spec.tableField(i)),
          plan.outputFields.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The item as a row; inputs come from the chain that pushed it. */
  Object[] of(Item item, RequestChain chain) {
    RowValues raw = rawRow(item);
    if (raw != null && raw.converted() != null && raw.clean()) {
      // Converted on the fetch thread in output order, none failed: only what the response does
      // not hold is filled in (those positions are never read from the converted values).
      Object[] row = raw.takeConverted();
      for (int i : filledIn) {
        row[i] = notInResponse(i, chain);
      }
      return row;
    }
    Object[] row = new Object[plan.outputFields.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = value(item, raw, i, chain);
    }
    return row;
  }

  /** An item read straight from a response row, untouched by the script: its values by position. */
  private static RowValues rawRow(Item item) {
    return item.values() instanceof RowValues values && !item.hasOwnAttributes() ? values : null;
  }

  private static boolean sameValue(Object value, String chainValue, TableField field) {
    if (value == null || chainValue == null) {
      return value == null && chainValue == null;
    }
    try {
      Object expected = ValueConverter.toInternal(chainValue, field.type(), field.decimalDigits());
      return value instanceof BigDecimal d && expected instanceof BigDecimal e ? d.compareTo(e) == 0
          : value.equals(expected);
    } catch (ConversionException e) {
      return true; // cannot tell: the predicate above the scan decides
    }
  }

  /**
   * Output field {@code i} of the item, converted to its column type: a row read straight from a
   * response was converted on the fetch thread (by position); any other item's values are looked
   * up by name and converted here.
   */
  private Object value(Item item, RowValues raw, int i, RequestChain chain) {
    TableField field = plan.outputFields.get(i);
    if (i == plan.rowField || plan.inputIndex[i] >= 0) {
      return notInResponse(i, chain);
    }
    if (raw != null && raw.converted() != null) {
      Object value = raw.converted()[i];
      if (value instanceof RowConverter.Failed failure) {
        failed(field, failure.message());
        return null;
      }
      return value;
    }
    Object value = raw != null ? raw.row()[plan.extractIndex[i]] : item.raw(field.name());
    if (value == null) {
      return null;
    }
    try {
      return ValueConverter.toInternal(value, field.type(), field.decimalDigits());
    } catch (ConversionException e) {
      failed(field, e.getMessage());
      return null;
    }
  }

  /** Output field {@code i} when the response does not hold it: the row's position, or an input's value. */
  private Object notInResponse(int i, RequestChain chain) {
    return i == plan.rowField ? chain.positions().position() : chain.inputValue(plan.inputIndex[i]);
  }

  private synchronized void failed(TableField field, String message) {
    failures++;
    if (example == null) {
      example = field.name() + ": " + message;
    }
  }

  /** Values that failed since the last call. */
  synchronized long takeFailures() {
    long n = failures;
    failures = 0;
    return n;
  }

  /** The first value that failed, with its column. */
  synchronized String failureExample() {
    return example;
  }
}
