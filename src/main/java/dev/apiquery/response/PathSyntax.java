package dev.apiquery.response;

import dev.apiquery.response.NodePath.Kind;
import dev.apiquery.response.NodePath.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The text forms of a {@link NodePath}: the XPath-like form of RSD's {@code other:xPath}
 * ({@code /json/a/b}, {@code a/b}, {@code value[0]}, {@code @id}) and the JSONPath form of
 * {@code JSONPath} ({@code $.a.b}, {@code $['a b'][0]}, {@code $.data[*]}).
 */
final class PathSyntax {
  private PathSyntax() {}

  /**
   * @param alwaysAbsolute paths without a leading {@code /} or {@code $} are from the root too
   * @param xml no {@code /json} root step, and names lose their prefix
   */
  static NodePath parse(String text, boolean alwaysAbsolute, boolean xml) {
    if (text.startsWith("$")) {
      // "$." is how CData's generated profiles name the document root.
      return new NodePath(true, text.equals("$.") ? List.of() : parseJsonPath(text));
    }
    boolean absolute = alwaysAbsolute || text.startsWith("/");
    List<Step> steps = parseXPath(text, text.startsWith("/") && !xml);
    return new NodePath(absolute, xml ? withoutPrefixes(steps) : steps);
  }

  /**
   * XML names are matched by local name: {@code atom:entry} and {@code entry} are the same step,
   * whatever prefix the document binds to the namespace ({@code @xml:lang} is {@code @lang}).
   */
  private static List<Step> withoutPrefixes(List<Step> steps) {
    List<Step> local = new ArrayList<>(steps.size());
    for (Step step : steps) {
      int colon = step.kind() == Kind.FIELD ? step.field().indexOf(':') : -1;
      if (colon < 0) {
        local.add(step);
      } else {
        String attribute = step.field().startsWith("@") ? "@" : "";
        local.add(Step.field(attribute + step.field().substring(colon + 1)));
      }
    }
    return local;
  }

  /**
   * {@code /json/a/b[0]}, {@code a/b}, {@code ./a}, {@code @id}: '/'-separated steps, each a name
   * with optional [n]; {@code jsonRoot}: a leading {@code json} step is CData's name for the root.
   */
  private static List<Step> parseXPath(String text, boolean jsonRoot) {
    List<Step> steps = new ArrayList<>();
    String[] segments = text.split("/", -1);
    boolean first = true;
    for (String raw : segments) {
      String segment = raw.trim();
      if (segment.isEmpty() || segment.equals(".")) {
        // Leading '/', trailing '/', './': no step. ("//" as XPath descendant is not supported,
        // but a doubled slash is far more often a typo than a descendant query.)
        continue;
      }
      if (first && jsonRoot && segment.equals("json")) {
        // CData names the root of a JSON document "json": /json/a is the root's field a.
        first = false;
        continue;
      }
      first = false;
      if (segment.equals("..")) {
        throw new IllegalArgumentException("Unsupported path '" + text + "': '..' is not supported");
      }
      if (segment.equals("*")) {
        steps.add(Step.ANY);
        continue;
      }
      int bracket = segment.indexOf('[');
      String name = bracket < 0 ? segment : segment.substring(0, bracket).trim();
      if (!name.isEmpty()) {
        steps.add(Step.field(name));
      }
      if (bracket >= 0) {
        parseBrackets(text, segment, bracket, steps);
      }
    }
    return steps;
  }

  /** Parses {@code [0]}, {@code [*]}, {@code ['name']} groups starting at {@code from}, to the end. */
  private static void parseBrackets(String text, String segment, int from, List<Step> steps) {
    int i = from;
    while (i < segment.length()) {
      if (segment.charAt(i) != '[') {
        throw unsupported(text, "unexpected '" + segment.substring(i) + "'");
      }
      int close = closingBracket(segment, i);
      if (close < 0) {
        throw unsupported(text, "unclosed '['");
      }
      steps.add(bracketStep(text, segment.substring(i + 1, close).trim()));
      i = close + 1;
    }
  }

  private static int closingBracket(String s, int open) {
    char quote = 0;
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ']') {
        return i;
      }
    }
    return -1;
  }

  private static Step bracketStep(String text, String inner) {
    if (inner.equals("*")) {
      return Step.ANY;
    }
    if (inner.length() >= 2
        && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
        && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
      return Step.field(inner.substring(1, inner.length() - 1));
    }
    if (!inner.isEmpty() && inner.length() <= 9 && inner.chars().allMatch(Character::isDigit)) {
      return Step.index(Integer.parseInt(inner));
    }
    throw unsupported(text, "'[" + inner + "]' is not an index, a quoted name or [*]");
  }

  /** {@code $}, {@code $.a.b}, {@code $['a'][0]}, {@code $.data[*]}, {@code $.a.*}. */
  private static List<Step> parseJsonPath(String text) {
    List<Step> steps = new ArrayList<>();
    int i = 1;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '.') {
        if (i + 1 < n && text.charAt(i + 1) == '.') {
          throw unsupported(text, "recursive descent '..' is not supported");
        }
        int end = i + 1;
        while (end < n && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        String name = text.substring(i + 1, end).trim();
        if (name.isEmpty()) {
          throw unsupported(text, "empty name");
        }
        steps.add(name.equals("*") ? Step.ANY : Step.field(name));
        i = end;
      } else if (c == '[') {
        int close = closingBracket(text, i);
        if (close < 0) {
          throw unsupported(text, "unclosed '['");
        }
        steps.add(bracketStep(text, text.substring(i + 1, close).trim()));
        i = close + 1;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        throw unsupported(text, "unexpected '" + c + "'");
      }
    }
    return steps;
  }

  static IllegalArgumentException unsupported(String text, String why) {
    return new IllegalArgumentException("Unsupported path '" + text + "': " + why);
  }
}
