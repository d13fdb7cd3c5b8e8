package dev.apiquery.json;

import dev.apiquery.profile.DataType;

/**
 * Converts raw JSON values (see {@link Page}) and strings (input values, filter literals) into
 * the Java values Calcite expects for each SQL type: VARCHAR String, INTEGER Integer, BIGINT Long,
 * DOUBLE Double, DECIMAL BigDecimal (scale set when given), BOOLEAN Boolean, DATE Integer days
 * since 1970-01-01, TIMESTAMP Long UTC wall-clock millis (offsets normalised to UTC), TIME Integer
 * millis of the day.
 */
public final class ValueConverter {
  private ValueConverter() {}

  /**
   * @param raw null, a raw JSON value or a string
   * @param scale the DECIMAL scale, or null
   * @return the converted value; null for null
   * @throws ConversionException when the value does not fit the type
   */
  public static Object toInternal(Object raw, DataType type, Integer scale) throws ConversionException {
    throw new UnsupportedOperationException("TODO");
  }
}
