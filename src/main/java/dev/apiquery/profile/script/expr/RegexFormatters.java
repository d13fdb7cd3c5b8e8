package dev.apiquery.profile.script.expr;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code match}/{@code regexmatch(pattern[, index][, options])} and
 * {@code regexreplace(pattern, replacement[, options])}. Options are CData's (.NET) names,
 * comma-separated: IgnoreCase, Multiline, Singleline, IgnorePatternWhitespace. Replacements use
 * {@code $1} for groups, as in .NET and Java.
 */
final class RegexFormatters {
  private RegexFormatters() {}

  static void addTo(FormatterTable t) {
    Formatter match = (v, a) -> match(v, a);
    t.add("match", 1, 3, match);
    t.add("regexmatch", 1, 3, match);
    t.add("regexreplace", 2, 3, (v, a) -> {
      try {
        return compile(a.get(0), Args.get(a, 2, "")).matcher(v).replaceAll(a.get(1));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new FormatterException("bad replacement '" + a.get(1) + "': " + e.getMessage());
      }
    });
  }

  /** The index-th match (0-based, default 0), or "" when there are fewer matches. */
  private static String match(String value, List<String> args) throws FormatterException {
    Matcher matcher = compile(args.get(0), Args.get(args, 2, "")).matcher(value);
    int index = Args.integer(args, 1, 0, "index");
    for (int i = 0; matcher.find(); i++) {
      if (i == index) {
        return matcher.group();
      }
    }
    return "";
  }

  private static Pattern compile(String pattern, String options) throws FormatterException {
    int flags = 0;
    for (String option : options.split(",")) {
      switch (option.strip().toLowerCase(Locale.ROOT)) {
        case "" -> { }
        case "ignorecase" -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case "multiline" -> flags |= Pattern.MULTILINE;
        case "singleline" -> flags |= Pattern.DOTALL;
        case "ignorepatternwhitespace" -> flags |= Pattern.COMMENTS;
        default -> throw new FormatterException("unknown regular expression option '"
            + option.strip() + "' (IgnoreCase, Multiline, Singleline, IgnorePatternWhitespace)");
      }
    }
    try {
      return Pattern.compile(pattern, flags);
    } catch (PatternSyntaxException e) {
      throw new FormatterException("invalid regular expression '" + pattern + "': "
          + e.getDescription());
    }
  }
}
