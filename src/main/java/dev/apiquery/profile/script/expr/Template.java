package dev.apiquery.profile.script.expr;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.uri.UriEncoding;
import java.util.List;

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
   * Expands the value of a {@code URI} attribute. Each reference is percent-encoded once as a
   * path or query component, except:
   * <ul>
   *   <li>{@code [URI]} itself, the URI built so far, which is already encoded;
   *   <li>a reference whose pipeline already encoded it ({@code urlencode});
   *   <li>a reference at the very start of the value, which supplies the base of the URI
   *       ({@code [_connection.BaseUrl]/items}, {@code [_input.rows@next]}): encoding its
   *       {@code :} and {@code /} would break it, so only characters that are never legal in a
   *       URI are encoded there.
   * </ul>
   */
  public String expandForUri(ValueSource source) throws ProfileException {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      TemplatePart part = parts.get(i);
      if (part instanceof TemplatePart.Literal literal) {
        out.append(literal.text());
        continue;
      }
      TemplatePart.Reference reference = (TemplatePart.Reference) part;
      TemplatePart.Expansion expansion = reference.evaluate(source, location);
      if (reference.name().equalsIgnoreCase("URI") || expansion.uriEncoded()) {
        out.append(expansion.value());
      } else if (i == 0) {
        out.append(UriEncoding.encodeIllegal(expansion.value()));
      } else {
        out.append(UriEncoding.encodeComponent(expansion.value()));
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return raw;
  }
}
