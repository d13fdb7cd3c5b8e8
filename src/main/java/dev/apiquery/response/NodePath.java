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
    NodePath parsed = PathSyntax.parse(text.trim(), true, false);
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
   * {@code /} alone names no rows (the document element is no one's child).
   *
   * @throws IllegalArgumentException for a blank path or syntax this reader does not support
   */
  static NodePath parseXmlRowPath(String text) {
    String trimmed = text == null ? "" : text.trim();
    // "/" (a token response's RepeatElement) names no repeated element: no rows, while the
    // document values (ElementMapPath) are still read, so the call outputs one item of them.
    NodePath parsed = PathSyntax.parse(trimmed.equals("/") ? "/*" : trimmed, true, true);
    if (parsed.steps.isEmpty()) {
      throw PathSyntax.unsupported(text, "an XML row path names the repeated element, e.g. /root/Item");
    }
    requireNoWildcard(text, parsed.steps, parsed.steps.size() - 1);
    for (Step step : parsed.steps) {
      if (step.kind() == Kind.INDEX || (step.kind() == Kind.FIELD && step.field().startsWith("@"))) {
        throw PathSyntax.unsupported(text, "an XML row path is a chain of element names");
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
    return PathSyntax.parse(text == null ? "" : text.trim(), false, xml).withoutWildcards();
  }

  /**
   * Parses a document-level path (paging's {@code /json/next}, {@code /root/next}). A path
   * without a leading {@code /} or {@code $} is also taken from the document root: there is no
   * row to be relative to.
   */
  static NodePath parseDocumentPath(String text, boolean xml) {
    return PathSyntax.parse(text == null ? "" : text.trim(), true, xml).withoutWildcards();
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
}
