package dev.apiquery.profile.script;

import dev.apiquery.profile.script.expr.Numbers;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The {@code operator} of {@code api:if}. Comparisons are numeric when both sides are numbers
 * (so 9 is less than 10) and textual otherwise. Unset and empty are both "null".
 */
public enum Operator {
  NULL, NOTNULL, HASVALUE, EQUALS, EQUALSIGNORECASE, NOTEQUALS, LESSTHAN, GREATERTHAN;

  /** The operator called {@code name} (any case), or null when there is none. */
  public static Operator fromName(String name) {
    String key = name.trim().toUpperCase(Locale.ROOT);
    for (Operator op : values()) {
      if (op.name().equals(key)) {
        return op;
      }
    }
    return null;
  }

  public boolean test(String left, String right) {
    String l = left == null ? "" : left;
    String r = right == null ? "" : right;
    switch (this) {
      case NULL: return l.isEmpty();
      case NOTNULL: return !l.isEmpty();
      case HASVALUE: return !l.isBlank();
      case EQUALS: return compare(l, r) == 0;
      case EQUALSIGNORECASE: return l.equalsIgnoreCase(r) || compare(l, r) == 0;
      case NOTEQUALS: return compare(l, r) != 0;
      case LESSTHAN: return compare(l, r) < 0;
      case GREATERTHAN: return compare(l, r) > 0;
      default: throw new AssertionError(this);
    }
  }

  private static int compare(String left, String right) {
    BigDecimal l = Numbers.parse(left);
    BigDecimal r = Numbers.parse(right);
    if (l != null && r != null) {
      return l.compareTo(r);
    }
    return left.compareTo(right);
  }
}
