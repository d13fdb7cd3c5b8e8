package dev.apiquery.profile.script;

import java.math.BigDecimal;

/**
 * The values a provider call read for one output item (one row of a response), by attribute
 * name: the table's column names and the call's {@code ElementMapName#} names.
 */
public interface ItemValues {
  /** The value as read from the response (String, BigDecimal, Boolean, JSON text), or null. */
  Object raw(String attr);

  /** The value as script text, or null when absent. */
  default String text(String attr) {
    Object value = raw(attr);
    if (value == null) {
      return null;
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }
}
