package dev.apiquery.profile.script.expr;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** A piece of a {@link Template}: literal text or a {@code [name | formatters]} reference. */
sealed interface TemplatePart {

  record Literal(String text) implements TemplatePart {}

  /** The result of a reference, and whether a formatter already percent-encoded it. */
  record Expansion(String value, boolean uriEncoded) {}

  /** One formatter in a pipeline, with its arguments (which may hold references themselves). */
  record FormatterCall(FormatterSpec spec, List<Template> args) {}

  /**
   * A reference; {@code name} is empty for a value-less formatter such as {@code [now()]}, and
   * {@code dynamicName} (else null) is a name holding references, expanded before the lookup.
   */
  record Reference(String name, Template dynamicName, List<FormatterCall> pipeline) implements TemplatePart {
    /** The name looked up: {@code name}, or {@code dynamicName} expanded. */
    String resolvedName(ValueSource source) throws ProfileException {
      return dynamicName == null ? name : dynamicName.expand(source).strip();
    }

    Expansion evaluate(ValueSource source, SourceLocation location) throws ProfileException {
      String lookup = resolvedName(source);
      String value = lookup.isEmpty() ? null : source.lookup(lookup);
      value = value == null ? "" : value;
      boolean encoded = false;
      for (FormatterCall call : pipeline) {
        List<String> args = new ArrayList<>(call.args().size());
        for (Template arg : call.args()) {
          args.add(arg.expand(source));
        }
        try {
          value = call.spec().function().apply(value, args);
        } catch (FormatterException e) {
          throw new ProfileException(location,
              "formatter " + call.spec().name() + (name.isEmpty() ? "" : " in [" + name + "]")
                  + ": " + e.getMessage(), e);
        }
        encoded |= call.spec().encodesForUri();
      }
      return new Expansion(value, encoded);
    }
  }
}
