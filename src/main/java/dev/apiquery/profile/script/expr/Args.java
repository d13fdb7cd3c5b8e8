package dev.apiquery.profile.script.expr;

import java.math.BigDecimal;
import java.util.List;

/** Reading optional formatter arguments, with CData's defaults. */
final class Args {
  private Args() {}

  /** Argument {@code i}, or {@code fallback} when it was not given. */
  static String get(List<String> args, int i, String fallback) {
    return args.size() > i ? args.get(i) : fallback;
  }

  /**
   * CData's comparison formatters answer {@code true}/{@code false}, or the optional
   * "if true" and "if false" arguments at {@code ifTrue} and {@code ifTrue + 1}.
   */
  static String choose(boolean result, List<String> args, int ifTrue) {
    return result ? get(args, ifTrue, "true") : get(args, ifTrue + 1, "false");
  }

  /** A whole-number argument such as an index or a length. */
  static int integer(List<String> args, int i, int fallback, String what)
      throws FormatterException {
    if (args.size() <= i || args.get(i).isBlank()) {
      return fallback;
    }
    BigDecimal number = Numbers.parse(args.get(i));
    try {
      if (number == null) {
        throw new ArithmeticException();
      }
      return number.intValueExact();
    } catch (ArithmeticException e) {
      throw new FormatterException(what + " '" + args.get(i) + "' is not a whole number");
    }
  }
}
