package dev.apiquery.profile.script.expr;

import java.math.BigDecimal;

/** Decimal arithmetic for formatters and comparisons: exact, so 0.1 + 0.2 is 0.3. */
public final class Numbers {
  private Numbers() {}

  /** The number written in {@code text}, or null when it is not a plain decimal number. */
  public static BigDecimal parse(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Plain notation without trailing zeros: 100 not 1E+2, 3 not 3.0. */
  public static String format(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.toPlainString();
  }
}
