package dev.apiquery.profile.script.expr;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.uri.UriEncoding;
import java.util.List;
import java.util.Locale;

/**
 * A compiled attribute value such as {@code https://x.test/[_input.org | urlencode]/repos}:
 * literal text and {@code [...]} references. Compiled once when the profile loads (so unknown
 * formatters fail at connect time) and expanded on every request. Immutable and thread-safe.
 */
public final class Template {
  private final String raw;
  private final SourceLocation location;
  private final List<TemplatePart> parts;

  Template(String raw, SourceLocation location, List<TemplatePart> parts) {
    this.raw = raw;
    this.location = location;
    this.parts = List.copyOf(parts);
  }

  /** Compiles {@code raw}; {@code location} is where it was written, for error messages. */
  public static Template parse(String raw, SourceLocation location) throws ProfileException {
    return new TemplateParser(raw == null ? "" : raw, location).parse();
  }

  /** A template that is only the given text, with no references. */
  public static Template literal(String text, SourceLocation location) {
    return new Template(text, location, List.of(new TemplatePart.Literal(text)));
  }

  /** The text as written in the profile. */
  public String raw() {
    return raw;
  }

  public SourceLocation location() {
    return location;
  }

  /** Whether there are no references, so {@link #raw()} is the value. */
  public boolean isLiteral() {
    return parts.stream().allMatch(p -> p instanceof TemplatePart.Literal);
  }

  /** Expands every reference as plain text. */
  public String expand(ValueSource source) throws ProfileException {
    StringBuilder out = new StringBuilder();
    for (TemplatePart part : parts) {
      if (part instanceof TemplatePart.Literal literal) {
        out.append(literal.text());
      } else {
        out.append(((TemplatePart.Reference) part).evaluate(source, location).value());
      }
    }
    return out.toString();
  }

  /**
   * Expands the value of a {@code URI} attribute (DESIGN 8 "References"). Values that come from
   * SQL, {@code [_input.x]} set by a WHERE clause or a join, are percent-encoded as one path
   * segment or query value, so {@code & = / ?} in them cannot change the shape of the URI. Every
   * other reference (connection options, items the script built, outputs of earlier calls,
   * {@code [URI]}, {@code [_input.rows@next]}, which holds a next-page URL) is inserted as
   * written, because authors build paths and query strings in them. A reference whose pipeline
   * already encoded it ({@code urlencode}) is inserted as it came out.
   */
  public String expandForUri(ValueSource source) throws ProfileException {
    StringBuilder out = new StringBuilder();
    for (TemplatePart part : parts) {
      if (part instanceof TemplatePart.Literal literal) {
        out.append(literal.text());
        continue;
      }
      TemplatePart.Reference reference = (TemplatePart.Reference) part;
      TemplatePart.Expansion expansion = reference.evaluate(source, location);
      if (!expansion.uriEncoded() && comesFromSql(reference.resolvedName(source))) {
        out.append(UriEncoding.encodeComponent(expansion.value()));
      } else {
        out.append(expansion.value());
      }
    }
    return out.toString();
  }

  private static boolean comesFromSql(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("_input.") && !lower.equals("_input.rows@next");
  }

  @Override
  public String toString() {
    return raw;
  }
}
