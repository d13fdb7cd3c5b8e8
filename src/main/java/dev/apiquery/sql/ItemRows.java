package dev.apiquery.sql;

import dev.apiquery.profile.script.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import dev.apiquery.scan.RowValues;
import dev.apiquery.value.ConversionException;
import dev.apiquery.value.ValueConverter;

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
  private long failures;
  private String example;

  ItemRows(ScanPlan plan) {
    this.plan = plan;
    for (int i = 0; i < plan.outputFields.size(); i++) {
      List<String> values = plan.spec.pushedValues().get(plan.spec.tableField(i));
      if (plan.inputIndex[i] < 0 && values != null && values.size() > 1) {
        fanOut.add(i);
      }
    }
  }

  /**
   * The item as a row; inputs come from the chain that pushed it. Null for a row whose fanned-out
   * column holds another chain's value: an API that matches loosely (or ignores the parameter)
   * returns it to several chains, and SQL must see it once, from the chain of its own value.
   */
  Object[] of(Item item, RequestChain chain) {
    Object[] row = convert(item, chain);
    for (int i : fanOut) {
      if (!sameValue(row[i], chain.pushedValue(plan.spec.tableField(i)), plan.outputFields.get(i))) {
        return null;
      }
    }
    return row;
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

  private Object[] convert(Item item, RequestChain chain) {
    int n = plan.outputFields.size();
    Object[] row = new Object[n];
    // An item read straight from a response row, untouched by the script: values by position.
    Object[] raw = item.values() instanceof RowValues values && !item.hasOwnAttributes() ? values.row() : null;
    for (int i = 0; i < n; i++) {
      TableField field = plan.outputFields.get(i);
      if (plan.inputIndex[i] >= 0) {
        row[i] = chain.inputValue(plan.inputIndex[i]);
        continue;
      }
      Object value = raw != null ? raw[plan.extractIndex[i]] : item.raw(field.name());
      if (value == null) {
        continue;
      }
      try {
        row[i] = ValueConverter.toInternal(value, field.type(), field.decimalDigits());
      } catch (ConversionException e) {
        failed(field, e);
      }
    }
    return row;
  }

  private synchronized void failed(TableField field, ConversionException e) {
    failures++;
    if (example == null) {
      example = field.name() + ": " + e.getMessage();
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
