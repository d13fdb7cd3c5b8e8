package dev.apiquery.profile.script.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BinaryOperator;

/**
 * CData's math formatters, in exact decimal arithmetic. An unset or empty value counts as 0, so
 * {@code [temp.offset | add(100)]} works on the first page; the optional operand defaults are
 * CData's (add/subtract 1, div/divide 2). Booleans for {@code and}/{@code or} are
 * true/false, yes/no or 1/0.
 */
final class MathFormatters {
  private MathFormatters() {}

  static void addTo(FormatterTable t) {
    for (String name : List.of("add", "mathadd")) {
      t.add(name, 0, 1, (v, a) -> arithmetic(v, a, "1", BigDecimal::add));
    }
    for (String name : List.of("subtract", "mathsub")) {
      t.add(name, 0, 1, (v, a) -> arithmetic(v, a, "1", BigDecimal::subtract));
    }
    t.add("multiply", 0, 1, (v, a) -> arithmetic(v, a, "2", BigDecimal::multiply));
    for (String name : List.of("div", "divide")) {
      t.add(name, 0, 1, (v, a) -> arithmetic(v, a, "2", MathFormatters::divide));
    }
    for (String name : List.of("modulus", "mathmod")) {
      t.add(name, 1, 1, (v, a) -> arithmetic(v, a, null, MathFormatters::remainder));
    }
    for (String name : List.of("pow", "mathpow")) {
      t.add(name, 0, 1, (v, a) -> power(number(v), operand(a, "2")));
    }
    for (String name : List.of("round", "mathround")) {
      t.add(name, 0, 1, (v, a) -> Numbers.format(number(v).setScale(
          Args.integer(a, 0, 0, "digits"), RoundingMode.HALF_UP)));
    }
    t.add("abs", 0, 0, (v, a) -> Numbers.format(number(v).abs()));
    t.add("ceiling", 0, 0, (v, a) -> Numbers.format(number(v).setScale(0, RoundingMode.CEILING)));
    t.add("floor", 0, 0, (v, a) -> Numbers.format(number(v).setScale(0, RoundingMode.FLOOR)));
    t.add("sqrt", 0, 0, (v, a) -> {
      BigDecimal n = number(v);
      if (n.signum() < 0) {
        throw new FormatterException("cannot take the square root of " + v);
      }
      return Numbers.format(n.sqrt(MathContext.DECIMAL64));
    });
    for (String name : List.of("rand", "random")) {
      t.add(name, 0, 1, (v, a) -> String.valueOf(
          ThreadLocalRandom.current().nextInt(Math.max(1, Args.integer(a, 0, Integer.MAX_VALUE, "bound")))));
    }
    for (String name : List.of("greaterthan", "isgreater")) {
      t.add(name, 1, 3, (v, a) -> Args.choose(number(v).compareTo(operand(a, null)) > 0, a, 1));
    }
    for (String name : List.of("lessthan", "isless")) {
      t.add(name, 1, 3, (v, a) -> Args.choose(number(v).compareTo(operand(a, null)) < 0, a, 1));
    }
    t.add("isequal", 1, 3, (v, a) -> Args.choose(number(v).compareTo(operand(a, null)) == 0, a, 1));
    t.add("isbetween", 2, 4, (v, a) -> {
      BigDecimal n = number(v);
      boolean between = n.compareTo(argument(a.get(0))) >= 0 && n.compareTo(argument(a.get(1))) <= 0;
      return Args.choose(between, a, 2);
    });
    t.add("and", 1, 1, (v, a) -> String.valueOf(bool(v, "value") & bool(a.get(0), "argument")));
    t.add("or", 1, 1, (v, a) -> String.valueOf(bool(v, "value") | bool(a.get(0), "argument")));
  }

  private static String arithmetic(String value, List<String> args, String fallback,
      BinaryOperator<BigDecimal> op) throws FormatterException {
    try {
      return Numbers.format(op.apply(number(value), operand(args, fallback)));
    } catch (ArithmeticException e) {
      throw new FormatterException(e.getMessage());
    }
  }

  private static BigDecimal divide(BigDecimal left, BigDecimal right) {
    if (right.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return left.divide(right, MathContext.DECIMAL64);
  }

  private static BigDecimal remainder(BigDecimal left, BigDecimal right) {
    if (right.signum() == 0) {
      throw new ArithmeticException("modulus by zero");
    }
    return left.remainder(right);
  }

  private static String power(BigDecimal base, BigDecimal exponent) throws FormatterException {
    try {
      if (exponent.stripTrailingZeros().scale() <= 0 && exponent.abs().intValue() <= 999) {
        int e = exponent.intValueExact();
        return Numbers.format(e >= 0 ? base.pow(e) : BigDecimal.ONE.divide(base.pow(-e), MathContext.DECIMAL64));
      }
      return Numbers.format(new BigDecimal(Math.pow(base.doubleValue(), exponent.doubleValue()),
          MathContext.DECIMAL64));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new FormatterException("cannot raise " + Numbers.format(base) + " to "
          + Numbers.format(exponent));
    }
  }

  /** The piped-in value; unset or empty is 0. */
  private static BigDecimal number(String value) throws FormatterException {
    if (value.isBlank()) {
      return BigDecimal.ZERO;
    }
    BigDecimal n = Numbers.parse(value);
    if (n == null) {
      throw new FormatterException("'" + value + "' is not a number");
    }
    return n;
  }

  private static BigDecimal operand(List<String> args, String fallback) throws FormatterException {
    return argument(args.isEmpty() || args.get(0).isBlank() && fallback != null
        ? fallback : args.get(0));
  }

  private static BigDecimal argument(String text) throws FormatterException {
    BigDecimal n = Numbers.parse(text);
    if (n == null) {
      throw new FormatterException("argument '" + text + "' is not a number");
    }
    return n;
  }

  private static boolean bool(String text, String what) throws FormatterException {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0", "" -> false;
      default -> throw new FormatterException(what + " '" + text
          + "' is not a boolean (true/false, yes/no, 1/0)");
    };
  }
}
