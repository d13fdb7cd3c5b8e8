package dev.apiquery.profile.script.expr;

import dev.apiquery.profile.script.uri.UriEncoding;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * The value formatters a profile may use in {@code [x | name(args)]}. Names are case-insensitive.
 * An unknown name is a load-time error, so a typo never silently sends a wrong request.
 */
public final class Formatters {
  private Formatters() {}

  private static final Map<String, FormatterSpec> BY_NAME =
      new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  static {
    register("urlencode", 0, 0, true, (v, a) -> UriEncoding.encodeComponent(v));
    register("urldecode", 0, 0, false, (v, a) -> urlDecode(v));
    register("todate", 1, 2, false,
        (v, a) -> DateFormatting.format(v, a.get(0), a.size() > 1 ? a.get(1) : null));
    register("replace", 1, 2, false,
        (v, a) -> a.get(0).isEmpty() ? v : v.replace(a.get(0), a.size() > 1 ? a.get(1) : ""));
    register("tolower", 0, 0, false, (v, a) -> v.toLowerCase(Locale.ROOT));
    register("toupper", 0, 0, false, (v, a) -> v.toUpperCase(Locale.ROOT));
    register("trim", 0, 0, false, (v, a) -> v.strip());
    register("add", 1, 1, false, (v, a) -> arithmetic("add", v, a.get(0), BigDecimal::add));
    register("multiply", 1, 1, false,
        (v, a) -> arithmetic("multiply", v, a.get(0), BigDecimal::multiply));
    Formatter orDefault = (v, a) -> v.isEmpty() ? a.get(0) : v;
    register("def", 1, 1, false, orDefault);
    register("default", 1, 1, false, orDefault);
    // isnull(x) is a default like def(x); without an argument it answers whether the value is null.
    register("isnull", 0, 1, false,
        (v, a) -> a.isEmpty() ? String.valueOf(v.isEmpty()) : (v.isEmpty() ? a.get(0) : v));
    register("equals", 1, 1, false, (v, a) -> String.valueOf(v.equals(a.get(0))));
    register("startswith", 1, 1, false, (v, a) -> String.valueOf(v.startsWith(a.get(0))));
    register("endswith", 1, 1, false, (v, a) -> String.valueOf(v.endsWith(a.get(0))));
    register("contains", 1, 1, false, (v, a) -> String.valueOf(v.contains(a.get(0))));
  }

  private static void register(
      String name, int minArgs, int maxArgs, boolean encodes, Formatter function) {
    BY_NAME.put(name, new FormatterSpec(name, minArgs, maxArgs, encodes, function));
  }

  /** The formatter called {@code name} (any case), or null when there is none. */
  public static FormatterSpec lookup(String name) {
    return BY_NAME.get(name);
  }

  /** The names of every formatter, for error messages and documentation. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  private static String urlDecode(String value) throws FormatterException {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new FormatterException("'" + value + "' is not URL-encoded");
    }
  }

  /** Unset counters are 0, so {@code [temp.offset | add(100)]} works on the first page. */
  private static String arithmetic(
      String name, String value, String operand, BinaryOperator<BigDecimal> op)
      throws FormatterException {
    BigDecimal left = value.isBlank() ? BigDecimal.ZERO : Numbers.parse(value);
    BigDecimal right = Numbers.parse(operand);
    if (left == null) {
      throw new FormatterException("'" + value + "' is not a number");
    }
    if (right == null) {
      throw new FormatterException("argument '" + operand + "' is not a number");
    }
    return Numbers.format(op.apply(left, right));
  }
}
