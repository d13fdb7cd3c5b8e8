package dev.apiquery.value;

import dev.apiquery.profile.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Numeric conversions. Inputs are validated before Java's parsers and exact-arithmetic methods
 * see them, so that bad data costs a cheap {@link ConversionException} rather than a
 * NumberFormatException or ArithmeticException with a stack trace, and so that values like
 * {@code 1e-999999} cannot make BigDecimal arithmetic run for minutes.
 */
final class NumberConversions {
  /** A plain decimal number: sign, digits, optional fraction and (bounded) exponent. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,6})?");

  /** Longer numeric strings are not plausible data, and parsing them is quadratic. */
  private static final int MAX_NUMBER_CHARS = 400;

  /** Beyond 10^1000 (or below 10^-1000) a value is not expanded into plain digits. */
  private static final int MAX_PLAIN_DIGITS = 1000;

  private NumberConversions() {}

  /** The number in a string (surrounding blanks ignored), or null when it is not one. */
  static BigDecimal parseDecimal(String text) {
    String s = text.trim();
    if (s.isEmpty() || s.length() > MAX_NUMBER_CHARS || !DECIMAL.matcher(s).matches()) {
      return null;
    }
    return new BigDecimal(s);
  }

  /**
   * Any numeric raw value (or numeric string) as a BigDecimal.
   *
   * @throws ConversionException for booleans, non-numeric strings, NaN and infinities
   */
  static BigDecimal toBigDecimal(Object raw, DataType type) throws ConversionException {
    if (raw instanceof BigDecimal bd) {
      return bd;
    }
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short
        || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof BigInteger bi) {
      return new BigDecimal(bi);
    }
    if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      if (!Double.isFinite(d)) {
        throw new ConversionException(raw, type, "not a finite number");
      }
      // valueOf uses the shortest decimal text of the double: 0.1 stays 0.1.
      return BigDecimal.valueOf(d);
    }
    if (raw instanceof Boolean) {
      throw new ConversionException(raw, type, "a boolean is not a number");
    }
    BigDecimal parsed = parseDecimal(raw.toString());
    if (parsed == null) {
      throw new ConversionException(raw, type, "not a number");
    }
    return parsed;
  }

  /**
   * An integral value within [min, max]: integers, numbers with a zero fraction ({@code 42.0}),
   * and numeric strings.
   */
  static long toLong(Object raw, DataType type, long min, long max) throws ConversionException {
    long value;
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short
        || raw instanceof Byte) {
      value = ((Number) raw).longValue();
    } else if (raw instanceof BigInteger bi) {
      if (bi.bitLength() > 63) {
        throw new ConversionException(raw, type, "out of range");
      }
      value = bi.longValue();
    } else if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      if (!Double.isFinite(d)) {
        throw new ConversionException(raw, type, "not a finite number");
      }
      if (d != Math.rint(d)) {
        throw new ConversionException(raw, type, "has a fraction");
      }
      // 2^63 is exactly representable; every double below it converts exactly.
      if (d < -0x1p63 || d >= 0x1p63) {
        throw new ConversionException(raw, type, "out of range");
      }
      value = (long) d;
    } else {
      value = integral(toBigDecimal(raw, type), raw, type);
    }
    if (value < min || value > max) {
      throw new ConversionException(raw, type, "out of range");
    }
    return value;
  }

  private static long integral(BigDecimal bd, Object raw, DataType type)
      throws ConversionException {
    if (bd.signum() == 0) {
      return 0;
    }
    int integerDigits = bd.precision() - bd.scale();
    if (integerDigits > 19) {
      throw new ConversionException(raw, type, "out of range");
    }
    if (integerDigits <= 0 || (bd.scale() > 0 && bd.stripTrailingZeros().scale() > 0)) {
      throw new ConversionException(raw, type, "has a fraction");
    }
    BigInteger bi = bd.toBigIntegerExact();
    if (bi.bitLength() > 63) {
      throw new ConversionException(raw, type, "out of range");
    }
    return bi.longValue();
  }

  static double toDouble(Object raw, DataType type) throws ConversionException {
    if (raw instanceof Double d) {
      return d;
    }
    if (raw instanceof Number n && !(raw instanceof BigDecimal) && !(raw instanceof BigInteger)) {
      return n.doubleValue();
    }
    if (raw instanceof String s) {
      // Java's parser also takes "1.5d" and hex; only these three special words are let in.
      String t = s.trim();
      if (t.equalsIgnoreCase("NaN")) {
        return Double.NaN;
      }
      if (t.equalsIgnoreCase("Infinity") || t.equalsIgnoreCase("+Infinity")) {
        return Double.POSITIVE_INFINITY;
      }
      if (t.equalsIgnoreCase("-Infinity")) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    double d = toBigDecimal(raw, type).doubleValue();
    if (Double.isInfinite(d)) {
      throw new ConversionException(raw, type, "out of range");
    }
    return d;
  }

  /** A BigDecimal, rounded half-up to {@code scale} when a scale is given. */
  static BigDecimal toDecimal(Object raw, DataType type, Integer scale)
      throws ConversionException {
    BigDecimal bd = toBigDecimal(raw, type);
    if (scale == null || bd.scale() == scale) {
      return bd;
    }
    int integerDigits = bd.precision() - bd.scale();
    if (bd.signum() != 0 && integerDigits > MAX_PLAIN_DIGITS) {
      throw new ConversionException(raw, type, "out of range");
    }
    if (bd.signum() == 0 || integerDigits < -scale - 1) {
      // |bd| < 10^-(scale+1): rounds to zero; computed directly because setScale would divide
      // by 10^(bd.scale - scale), which for 1e-999999 is a very large number.
      return BigDecimal.ZERO.setScale(scale);
    }
    return bd.setScale(scale, RoundingMode.HALF_UP);
  }

  /** Plain digits (no exponent) unless that would be absurdly long. */
  static String toPlainText(BigDecimal bd) {
    int integerDigits = bd.precision() - bd.scale();
    if (integerDigits > MAX_PLAIN_DIGITS || bd.scale() > MAX_PLAIN_DIGITS) {
      return bd.toString();
    }
    return bd.toPlainString();
  }
}
