package dev.apiquery.builder;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a sampled JSON value looks like, ordered so that two kinds widen to the narrowest kind that
 * holds both ({@link #widen}). {@link #NONE} is a null or missing value: it says nothing.
 */
enum ValueKind {
  NONE(null), BOOLEAN("boolean"), INT("int"), LONG("long"), DOUBLE("double"), DECIMAL("decimal"),
  DATE("date"), DATETIME("datetime"), STRING("string");

  private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATETIME_TEXT = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");
  /** A double holds about 15 significant digits; a number written with more is a decimal. */
  private static final int DOUBLE_DIGITS = 15;

  private final String xsType;

  ValueKind(String xsType) {
    this.xsType = xsType;
  }

  /** The RSD {@code xs:type}; a column that only ever held nulls is a string. */
  String xsType() {
    return xsType == null ? "string" : xsType;
  }

  /** The kind of one scalar value; objects and arrays are JSON text, so strings. */
  static ValueKind of(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return NONE;
    }
    if (value.isBoolean()) {
      return BOOLEAN;
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToInt() ? INT : value.canConvertToLong() ? LONG : DECIMAL;
    }
    if (value.isNumber()) {
      BigDecimal exact = value.decimalValue();
      return exact.precision() > DOUBLE_DIGITS ? DECIMAL : DOUBLE;
    }
    if (value.isTextual()) {
      String text = value.textValue();
      if (DATE_TEXT.matcher(text).matches()) {
        return DATE;
      }
      return DATETIME_TEXT.matcher(text).matches() ? DATETIME : STRING;
    }
    return STRING;
  }

  /** The narrowest kind holding both: numbers widen to numbers, a date to a datetime, else string. */
  static ValueKind widen(ValueKind a, ValueKind b) {
    if (a == NONE || a == b) {
      return b;
    }
    if (b == NONE) {
      return a;
    }
    if (a.isNumber() && b.isNumber()) {
      if ((a == DOUBLE && b == DECIMAL) || (a == DECIMAL && b == DOUBLE)) {
        return DECIMAL;
      }
      return a.ordinal() > b.ordinal() ? a : b;
    }
    if ((a == DATE && b == DATETIME) || (a == DATETIME && b == DATE)) {
      return DATETIME;
    }
    return STRING;
  }

  private boolean isNumber() {
    return this == INT || this == LONG || this == DOUBLE || this == DECIMAL;
  }
}
