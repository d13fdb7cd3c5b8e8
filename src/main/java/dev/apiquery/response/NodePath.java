package dev.apiquery.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed location in a JSON document: a sequence of field and index steps, either absolute
 * (from the document root) or relative (from a row).
 *
 * <p>Two notations are accepted because profiles use both. The XPath-like form of RSD's
 * {@code other:xPath} ({@code /json/a/b}, {@code a/b}, {@code value[0]}), where a leading
 * {@code /json} is CData's name for the document root; and the JSONPath form of RSD's
 * {@code JSONPath} setting ({@code $.a.b}, {@code $['a b'][0]}, {@code $.data[*]}).
 *
 * <p>Wildcards ({@code [*]}, {@code *}) are parsed as {@link Kind#ANY} steps; what they may mean
 * depends on the caller (a row path may only end with one; in a column path they are the
 * implicit "every element" of a field path that runs through an array), so the caller
 * normalises them with {@link #withoutWildcards()}.
 */
final class NodePath {
  enum Kind { FIELD, INDEX, ANY }

  /** One step: a field name, an array index (zero-based), or a wildcard. */
  record Step(Kind kind, String field, int index) {
    static Step field(String name) {
      return new Step(Kind.FIELD, name, -1);
    }

    static Step index(int index) {
      return new Step(Kind.INDEX, null, index);
    }

    static final Step ANY = new Step(Kind.ANY, null, -1);

    @Override
    public String toString() {
      switch (kind) {
        case FIELD: return field;
        case INDEX: return "[" + index + "]";
        default: return "[*]";
      }
    }
  }

  private final boolean absolute;
  private final List<Step> steps;

  NodePath(boolean absolute, List<Step> steps) {
    this.absolute = absolute;
    this.steps = List.copyOf(steps);
  }

  boolean isAbsolute() {
    return absolute;
  }

  List<Step> steps() {
    return steps;
  }

  /**
   * Parses a JSON row location ({@code JSONPath}, {@code XPath}, {@code RepeatElement}). Row paths
   * are always taken from the document root, with or without a leading {@code /} or {@code $};
   * {@code $}, {@code $.} and {@code /json} are the root itself. A trailing wildcard is dropped
   * ({@code $.data[*]} and {@code $.data} both name the array whose elements are the rows); a
   * wildcard anywhere else would mean rows gathered from several arrays, which is not supported.
   *
   * @return null for a null or blank path (meaning: discover the rows)
   * @throws IllegalArgumentException for syntax this reader does not support
   */
  static NodePath parseRowPath(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    NodePath parsed = parse(text.trim(), true, false);
    List<Step> steps = new ArrayList<>(parsed.steps);
    while (!steps.isEmpty() && steps.get(steps.size() - 1).kind() == Kind.ANY) {
      steps.remove(steps.size() - 1);
    }
    requireNoWildcard(text, steps, steps.size());
    return new NodePath(true, steps);
  }

  /**
   * Parses an XML row location: {@code /root/Item} names the repeated element itself (each
   * {@code Item} below {@code root} is a row); the first step is the document element's name. A
   * last step {@code *} matches any element name ({@code /feed/*}); no other wildcard is allowed.
   *
   * @throws IllegalArgumentException for a blank path or syntax this reader does not support
   */
  static NodePath parseXmlRowPath(String text) {
    NodePath parsed = parse(text == null ? "" : text.trim(), true, true);
    if (parsed.steps.isEmpty()) {
      throw unsupported(text, "an XML row path names the repeated element, e.g. /root/Item");
    }
    requireNoWildcard(text, parsed.steps, parsed.steps.size() - 1);
    for (Step step : parsed.steps) {
      if (step.kind() == Kind.INDEX || (step.kind() == Kind.FIELD && step.field().startsWith("@"))) {
        throw unsupported(text, "an XML row path is a chain of element names");
      }
    }
    return parsed;
  }

  private static void requireNoWildcard(String text, List<Step> steps, int upTo) {
    for (Step step : steps.subList(0, upTo)) {
      if (step.kind() == Kind.ANY) {
        throw new IllegalArgumentException(
            "Unsupported row path '" + text + "': a wildcard may only end a row path");
      }
    }
  }

  /**
   * Parses a column path ({@code other:xPath}). No leading {@code /} or {@code $}: relative to
   * the row; {@code ""} and {@code "."} are the row itself. In JSON a leading {@code /json} is
   * the document root; in XML the first step of an absolute path is the document element and
   * {@code @name} is an attribute.
   *
   * @throws IllegalArgumentException for syntax this reader does not support
   */
  static NodePath parseColumnPath(String text, boolean xml) {
    return parse(text == null ? "" : text.trim(), false, xml).withoutWildcards();
  }

  /**
   * Parses a document-level path (paging's {@code /json/next}, {@code /root/next}). A path
   * without a leading {@code /} or {@code $} is also taken from the document root: there is no
   * row to be relative to.
   */
  static NodePath parseDocumentPath(String text, boolean xml) {
    return parse(text == null ? "" : text.trim(), true, xml).withoutWildcards();
  }

  /** The same path with its wildcard steps removed (a field path runs through arrays anyway). */
  NodePath withoutWildcards() {
    List<Step> kept = new ArrayList<>(steps.size());
    for (Step step : steps) {
      if (step.kind() != Kind.ANY) {
        kept.add(step);
      }
    }
    return kept.size() == steps.size() ? this : new NodePath(absolute, kept);
  }

  /** True when this path is {@code prefix} or lies below it (both absolute). */
  boolean startsWith(NodePath prefix) {
    return absolute == prefix.absolute
        && steps.size() >= prefix.steps.size()
        && steps.subList(0, prefix.steps.size()).equals(prefix.steps);
  }

  /** The relative path that remains below {@code prefix}; requires {@link #startsWith}. */
  NodePath relativeTo(NodePath prefix) {
    return new NodePath(false, steps.subList(prefix.steps.size(), steps.size()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodePath other && absolute == other.absolute && steps.equals(other.steps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(absolute, steps);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(absolute ? "/json" : ".");
    for (Step step : steps) {
      if (step.kind() == Kind.FIELD) {
        sb.append('/');
      }
      sb.append(step);
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------

  private static NodePath parse(String text, boolean alwaysAbsolute, boolean xml) {
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

  private static IllegalArgumentException unsupported(String text, String why) {
    return new IllegalArgumentException("Unsupported path '" + text + "': " + why);
  }
}
