package dev.apiquery.profile.script.expr;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compiles attribute values into {@link Template}s.
 *
 * <p>Lenient about brackets: {@code [} only starts a reference when a name follows and the name is
 * followed by {@code |} or {@code ]}; otherwise it is literal text, so JSONPath values such as
 * {@code $.items[*]} or {@code $.a[0]} pass through; {@code [now()]} is a formatter that takes no
 * value. Once a {@code |} commits to a pipeline, a syntax mistake (missing bracket or quote) is a
 * load-time error; a misused formatter (unknown name, wrong number of arguments) compiles into a
 * step that fails, naming file, line and formatter, only in the query that evaluates it.
 */
final class TemplateParser {
  /** Reference names: {@code _input.rows@next}, {@code Header:Value#1}, {@code temp.page}. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.@:#\\-]*");

  private final String text;
  private final SourceLocation location;
  private int pos;

  TemplateParser(String text, SourceLocation location) {
    this.text = text;
    this.location = location;
  }

  Template parse() throws ProfileException {
    return new Template(text, location, parseParts(text.length()));
  }

  private List<TemplatePart> parseParts(int end) throws ProfileException {
    List<TemplatePart> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '[') {
        TemplatePart.Reference reference = tryReference();
        if (reference != null) {
          if (literal.length() > 0) {
            parts.add(new TemplatePart.Literal(literal.toString()));
            literal.setLength(0);
          }
          parts.add(reference);
          continue;
        }
      }
      literal.append(c);
      pos++;
    }
    if (literal.length() > 0) {
      parts.add(new TemplatePart.Literal(literal.toString()));
    }
    return parts;
  }

  /** Parses a reference at {@code pos} ('['), or returns null and leaves pos alone. */
  private TemplatePart.Reference tryReference() throws ProfileException {
    int start = pos;
    int i = skipSpace(start + 1);
    int nameEnd = i;
    while (nameEnd < text.length() && isNameChar(text.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = text.substring(i, nameEnd);
    int after = skipSpace(nameEnd);
    if (after < text.length() && text.charAt(after) == '(' && Formatters.isFunction(name)) {
      return function(start, i);
    }
    if (nameEnd < text.length() && text.charAt(nameEnd) == '[') {
      return dynamicReference(start, i);
    }
    if (!NAME.matcher(name).matches() || after >= text.length()
        || (text.charAt(after) != ']' && text.charAt(after) != '|')) {
      return null;
    }
    pos = after;
    return pipeline(start, name, new ArrayList<>(), null);
  }

  /**
   * {@code [typeCollection.[out.type]]}, {@code [_input.[_value]]}: a name that holds references
   * is expanded first, then looked up (CData evaluates the inner reference first). Returns null
   * when the text is not such a reference, which leaves it literal.
   */
  private TemplatePart.Reference dynamicReference(int start, int nameStart) throws ProfileException {
    int depth = 0;
    int i = nameStart;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0 && c == '|') {
        break;
      } else if (depth == 0 && !isNameChar(c) && !Character.isWhitespace(c)) {
        return null;
      }
    }
    if (i >= text.length()) {
      return null;
    }
    String nameText = text.substring(nameStart, i).strip();
    Template dynamicName = new TemplateParser(nameText, location).parse();
    if (dynamicName.isLiteral()) {
      return null;
    }
    pos = i;
    return pipeline(start, nameText, new ArrayList<>(), dynamicName);
  }

  /** {@code [now('yyyy')]}: a value-less formatter, then possibly more of the pipeline. */
  private TemplatePart.Reference function(int start, int nameStart) throws ProfileException {
    pos = nameStart;
    List<TemplatePart.FormatterCall> pipeline = new ArrayList<>();
    pipeline.add(parseFormatterCall(""));
    pos = skipSpace(pos);
    if (pos >= text.length() || (text.charAt(pos) != '|' && text.charAt(pos) != ']')) {
      throw error("reference [" + text.substring(start + 1, Math.min(pos, text.length()))
          + " ... is missing its closing ']'");
    }
    return pipeline(start, "", pipeline, null);
  }

  private TemplatePart.Reference pipeline(int start, String name,
      List<TemplatePart.FormatterCall> pipeline, Template dynamicName) throws ProfileException {
    while (text.charAt(pos) == '|') {
      pos = skipSpace(pos + 1);
      pipeline.add(parseFormatterCall(name));
      pos = skipSpace(pos);
      if (pos >= text.length()) {
        throw error("reference [" + name + " ... is missing its closing ']'");
      }
      if (text.charAt(pos) != '|' && text.charAt(pos) != ']') {
        throw error("unexpected '" + text.charAt(pos) + "' in reference ["
            + text.substring(start + 1, pos + 1) + "...");
      }
    }
    pos++; // the closing ]
    return new TemplatePart.Reference(name, dynamicName, pipeline);
  }

  private TemplatePart.FormatterCall parseFormatterCall(String reference) throws ProfileException {
    int nameStart = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
        || text.charAt(pos) == '_')) {
      pos++;
    }
    String name = text.substring(nameStart, pos);
    if (name.isEmpty()) {
      throw error("missing formatter name after '|' in reference [" + reference + "]");
    }
    List<Template> args = new ArrayList<>();
    pos = skipSpace(pos);
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      args = parseArguments(name);
    }
    FormatterSpec spec = Formatters.lookup(name);
    if (spec == null) {
      spec = Formatters.failing(name, "unknown formatter (docs/rsd.md lists the formatters"
          + " apiquery supports)");
    } else if (args.size() < spec.minArgs() || args.size() > spec.maxArgs()) {
      spec = Formatters.failing(spec.name(), "takes " + arity(spec) + ", not " + args.size());
    }
    return new TemplatePart.FormatterCall(spec, args);
  }

  /** Parses arguments after '(' up to and including ')'. */
  private List<Template> parseArguments(String formatter) throws ProfileException {
    List<Template> args = new ArrayList<>();
    pos = skipSpace(pos);
    if (pos < text.length() && text.charAt(pos) == ')') {
      pos++;
      return args;
    }
    while (true) {
      pos = skipSpace(pos);
      if (pos >= text.length()) {
        throw error("formatter '" + formatter + "' is missing its closing ')'");
      }
      char c = text.charAt(pos);
      if (c == '\'' || c == '"') {
        args.add(Template.literal(readQuoted(c, formatter), location));
      } else {
        args.add(readBare(formatter));
      }
      pos = skipSpace(pos);
      if (pos >= text.length()) {
        throw error("formatter '" + formatter + "' is missing its closing ')'");
      }
      char separator = text.charAt(pos++);
      if (separator == ')') {
        return args;
      }
      if (separator != ',') {
        throw error("unexpected '" + separator + "' in the arguments of '" + formatter + "'");
      }
    }
  }

  /** A quoted argument: literal text, with a doubled quote standing for one quote. */
  private String readQuoted(char quote, String formatter) throws ProfileException {
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated " + quote + " in the arguments of '" + formatter + "'");
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        if (pos < text.length() && text.charAt(pos) == quote) {
          value.append(quote);
          pos++;
        } else {
          return value.toString();
        }
      } else {
        value.append(c);
      }
    }
  }

  /** A bare argument, trimmed; it may hold nested references such as [temp.pagesize]. */
  private Template readBare(String formatter) throws ProfileException {
    int start = pos;
    int brackets = 0;
    int parens = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (brackets == 0 && parens == 0 && (c == ',' || c == ')')) {
        break;
      }
      if (c == '[') {
        brackets++;
      } else if (c == ']') {
        if (brackets == 0) {
          throw error("formatter '" + formatter + "' is missing its closing ')'");
        }
        brackets--;
      } else if (c == '(') {
        parens++;
      } else if (c == ')') {
        parens--;
      }
      pos++;
    }
    String raw = text.substring(start, pos).strip();
    return new TemplateParser(raw, location).parse();
  }

  private static String arity(FormatterSpec spec) {
    if (spec.minArgs() == spec.maxArgs()) {
      return spec.minArgs() == 1 ? "1 argument" : spec.minArgs() + " arguments";
    }
    return spec.minArgs() + " to " + spec.maxArgs() + " arguments";
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || "_.@:#-".indexOf(c) >= 0;
  }

  private int skipSpace(int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private ProfileException error(String message) {
    return new ProfileException(location, message);
  }
}
