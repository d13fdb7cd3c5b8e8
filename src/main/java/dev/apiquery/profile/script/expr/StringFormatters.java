package dev.apiquery.profile.script.expr;

import dev.apiquery.profile.script.uri.UriEncoding;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * CData's string formatters: searching, comparing, cutting, padding and encoding text. Indexes
 * are 0-based character positions, except {@code split}'s token number, which is 1-based as in
 * CData ({@code [url | split('page=', 2)]} is what follows {@code page=}).
 */
final class StringFormatters {
  private StringFormatters() {}

  static void addTo(FormatterTable t) {
    t.addEncoding("urlencode", (v, a) -> UriEncoding.encodeComponent(v));
    t.add("urldecode", 0, 0, (v, a) -> urlDecode(v));
    t.add("base64encode", 0, 1, (v, a) -> Base64.getEncoder().encodeToString(v.getBytes(charset(a))));
    t.add("base64decode", 0, 1, StringFormatters::base64Decode);
    t.add("tolower", 0, 0, (v, a) -> v.toLowerCase(Locale.ROOT));
    t.add("toupper", 0, 0, (v, a) -> v.toUpperCase(Locale.ROOT));
    t.add("trim", 0, 0, (v, a) -> v.strip());
    t.add("replace", 1, 2, (v, a) -> a.get(0).isEmpty() ? v : v.replace(a.get(0), Args.get(a, 1, "")));
    t.add("split", 1, 2, StringFormatters::split);
    t.add("substring", 1, 2, StringFormatters::substring);
    t.add("truncate", 1, 1, (v, a) -> {
      int length = nonNegative(a, 0, "length");
      return v.length() <= length ? v : v.substring(0, length);
    });
    t.add("insert", 2, 2, (v, a) -> {
      int index = index(v, a, 0);
      return v.substring(0, index) + a.get(1) + v.substring(index);
    });
    t.add("remove", 1, 2, (v, a) -> {
      int start = index(v, a, 0);
      int count = Args.integer(a, 1, v.length() - start, "count");
      return v.substring(0, start) + v.substring(Math.min(v.length(), start + Math.max(0, count)));
    });
    t.add("lpad", 1, 2, (v, a) -> pad(v, a, true));
    t.add("rpad", 1, 2, (v, a) -> pad(v, a, false));
    t.add("getlength", 0, 0, (v, a) -> String.valueOf(v.length()));
    t.add("length", 0, 0, (v, a) -> String.valueOf(v.length()));
    t.add("count", 1, 1, StringFormatters::count);
    t.add("find", 1, 2, (v, a) -> String.valueOf(v.indexOf(a.get(0), Args.integer(a, 1, 0, "startindex"))));
    t.add("contains", 1, 3, (v, a) -> Args.choose(v.contains(a.get(0)), a, 1));
    t.add("startswith", 1, 3, (v, a) -> Args.choose(v.startsWith(a.get(0)), a, 1));
    t.add("endswith", 1, 3, (v, a) -> Args.choose(v.endsWith(a.get(0)), a, 1));
    t.add("equals", 1, 3, (v, a) -> Args.choose(v.equals(a.get(0)), a, 1));
    t.add("equalsignorecase", 1, 3, (v, a) -> Args.choose(v.equalsIgnoreCase(a.get(0)), a, 1));
    t.add("isnumeric", 0, 2, (v, a) -> Args.choose(Numbers.parse(v) != null, a, 0));
    t.add("isalpha", 0, 2, (v, a) -> Args.choose(!v.isEmpty() && v.chars().allMatch(Character::isLetter), a, 0));
    t.add("isalphanumeric", 0, 2,
        (v, a) -> Args.choose(!v.isEmpty() && v.chars().allMatch(Character::isLetterOrDigit), a, 0));
    t.add("islower", 0, 2, (v, a) -> Args.choose(v.equals(v.toLowerCase(Locale.ROOT)), a, 0));
    t.add("isupper", 0, 2, (v, a) -> Args.choose(v.equals(v.toUpperCase(Locale.ROOT)), a, 0));
    Formatter orDefault = (v, a) -> v.isEmpty() ? Args.get(a, 0, "") : v;
    t.add("def", 0, 1, orDefault);
    t.add("default", 0, 1, orDefault);
    // isnull(x) is a default like def(x); without an argument it answers whether the value is null.
    t.add("isnull", 0, 1, (v, a) -> a.isEmpty() ? String.valueOf(v.isEmpty()) : orDefault.apply(v, a));
    RegexFormatters.addTo(t);
  }

  private static String urlDecode(String value) throws FormatterException {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new FormatterException("'" + value + "' is not URL-encoded");
    }
  }

  private static Charset charset(List<String> args) throws FormatterException {
    String name = Args.get(args, 0, "");
    if (name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      throw new FormatterException("unknown character encoding '" + name + "'");
    }
  }

  private static String base64Decode(String value, List<String> args) throws FormatterException {
    try {
      String compact = value.replaceAll("\\s", "");
      Base64.Decoder decoder = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
          ? Base64.getUrlDecoder() : Base64.getDecoder();
      return new String(decoder.decode(compact), charset(args));
    } catch (IllegalArgumentException e) {
      throw new FormatterException("'" + value + "' is not Base64");
    }
  }

  /** Token {@code n} (1-based, default 1) of the value split at every separator; "" past the end. */
  private static String split(String value, List<String> args) throws FormatterException {
    String separator = args.get(0);
    int n = Args.integer(args, 1, 1, "index");
    if (n < 1) {
      throw new FormatterException("index " + n + " is not a token number (the first token is 1)");
    }
    if (separator.isEmpty()) {
      return n == 1 ? value : "";
    }
    int start = 0;
    for (int token = 1; token < n; token++) {
      int next = value.indexOf(separator, start);
      if (next < 0) {
        return "";
      }
      start = next + separator.length();
    }
    int end = value.indexOf(separator, start);
    return end < 0 ? value.substring(start) : value.substring(start, end);
  }

  /** {@code substring(start[, length])}: clamped to the value, so it never fails on short text. */
  private static String substring(String value, List<String> args) throws FormatterException {
    int start = Math.min(nonNegative(args, 0, "startindex"), value.length());
    int length = args.size() > 1 ? nonNegative(args, 1, "length") : value.length() - start;
    return value.substring(start, Math.min(value.length(), start + length));
  }

  private static String pad(String value, List<String> args, boolean left)
      throws FormatterException {
    int length = nonNegative(args, 0, "length");
    String fill = Args.get(args, 1, " ");
    if (fill.isEmpty() || value.length() >= length) {
      return value;
    }
    StringBuilder padding = new StringBuilder();
    while (padding.length() < length - value.length()) {
      padding.append(fill);
    }
    padding.setLength(length - value.length());
    return left ? padding + value : value + padding;
  }

  private static String count(String value, List<String> args) {
    String target = args.get(0);
    if (target.isEmpty()) {
      return "0";
    }
    int count = 0;
    for (int i = value.indexOf(target); i >= 0; i = value.indexOf(target, i + target.length())) {
      count++;
    }
    return String.valueOf(count);
  }

  private static int index(String value, List<String> args, int i) throws FormatterException {
    int index = nonNegative(args, i, "index");
    if (index > value.length()) {
      throw new FormatterException("index " + index + " is past the end of '" + value + "'");
    }
    return index;
  }

  private static int nonNegative(List<String> args, int i, String what) throws FormatterException {
    int n = Args.integer(args, i, 0, what);
    if (n < 0) {
      throw new FormatterException(what + " " + n + " is negative");
    }
    return n;
  }
}
