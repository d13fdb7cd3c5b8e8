package dev.apiquery.profile.xml;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-written parser for the XML subset RSD files use: elements, attributes quoted with
 * {@code '} or {@code "}, comments, CDATA, processing instructions and text.
 *
 * <p>It exists because real RSD files are not well-formed XML and a conforming parser rejects
 * them: raw {@code &} in attribute values, U+00A0 between attributes, undeclared prefixes.
 * It is lenient where the intent is clear and strict where structure is ambiguous: a tag that is
 * never closed, or closed by the wrong end tag, fails with the file name and line.
 */
public final class LenientXmlParser {
  private final String file;
  private final String text;
  private int pos;
  private int line = 1;

  private LenientXmlParser(String file, String text) {
    this.file = file;
    // A byte-order mark is not content.
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Parses {@code text} (the content of {@code file}) into a synthetic document element whose
   * children are the top-level elements.
   */
  public static XmlElement parse(String file, String text) throws ProfileException {
    return new LenientXmlParser(file, text).parseDocument();
  }

  /** Whitespace in RSD files includes the non-breaking space vendors paste between attributes. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00A0' || c == '\uFEFF'
        || Character.isWhitespace(c);
  }

  private XmlElement parseDocument() throws ProfileException {
    XmlElement document = XmlElement.document();
    Deque<XmlElement> open = new ArrayDeque<>();
    open.push(document);
    while (pos < text.length()) {
      if (text.charAt(pos) != '<') {
        int end = text.indexOf('<', pos);
        end = end < 0 ? text.length() : end;
        open.peek().appendText(XmlEntities.decode(consume(end)));
      } else if (text.startsWith("<!--", pos)) {
        skipPast("-->", "comment");
      } else if (text.startsWith("<![CDATA[", pos)) {
        int start = line;
        int end = text.indexOf("]]>", pos);
        if (end < 0) {
          throw error(start, "CDATA section is never closed");
        }
        consume(pos + "<![CDATA[".length());
        open.peek().appendText(consume(end));
        consume(end + 3);
      } else if (text.startsWith("<?", pos)) {
        skipPast("?>", "processing instruction");
      } else if (text.startsWith("<!", pos)) {
        skipPast(">", "declaration");
      } else if (text.startsWith("</", pos)) {
        closeElement(open);
      } else {
        openElement(open);
      }
    }
    if (open.size() > 1) {
      XmlElement unclosed = open.peek();
      throw error(unclosed.line(), "<" + unclosed.name() + "> is never closed");
    }
    return document;
  }

  private void openElement(Deque<XmlElement> open) throws ProfileException {
    int start = line;
    consume(pos + 1);
    String name = readName();
    if (name.isEmpty()) {
      throw error(start, "'<' is not followed by an element name");
    }
    Map<String, XmlAttribute> attributes = new LinkedHashMap<>();
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        throw error(start, "tag <" + name + " is never closed with '>'");
      }
      char c = text.charAt(pos);
      if (c == '>') {
        consume(pos + 1);
        XmlElement element = new XmlElement(name, start, attributes);
        open.peek().addChild(element);
        open.push(element);
        return;
      }
      if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '>') {
        consume(pos + 2);
        open.peek().addChild(new XmlElement(name, start, attributes));
        return;
      }
      readAttribute(name, start, attributes);
    }
  }

  private void readAttribute(String element, int start, Map<String, XmlAttribute> attributes)
      throws ProfileException {
    String name = readName();
    if (name.isEmpty()) {
      throw error(line, "unexpected '" + text.charAt(pos) + "' in tag <" + element + ">");
    }
    skipSpace();
    String value;
    if (pos < text.length() && text.charAt(pos) == '=') {
      consume(pos + 1);
      skipSpace();
      value = readValue(element, start);
    } else {
      // HTML-style flag attribute (<input name="x" key/>): lenient, means "true".
      value = "true";
    }
    // Later duplicates win, as a later api:set would.
    attributes.put(name.toLowerCase(Locale.ROOT), new XmlAttribute(name, value));
  }

  private String readValue(String element, int start) throws ProfileException {
    if (pos >= text.length()) {
      throw error(start, "tag <" + element + " is never closed with '>'");
    }
    char quote = text.charAt(pos);
    if (quote == '"' || quote == '\'') {
      int end = text.indexOf(quote, pos + 1);
      if (end < 0) {
        throw error(line, "attribute value in <" + element + "> has no closing " + quote);
      }
      consume(pos + 1);
      String raw = consume(end);
      consume(end + 1);
      return XmlEntities.decode(raw);
    }
    // Unquoted value: lenient, runs to the next space or end of tag.
    int end = pos;
    while (end < text.length() && !isSpace(text.charAt(end)) && text.charAt(end) != '>'
        && !text.startsWith("/>", end)) {
      end++;
    }
    return XmlEntities.decode(consume(end));
  }

  private void closeElement(Deque<XmlElement> open) throws ProfileException {
    int start = line;
    consume(pos + 2);
    String name = readName();
    skipSpace();
    if (pos >= text.length() || text.charAt(pos) != '>') {
      throw error(start, "end tag </" + name + " is not closed with '>'");
    }
    consume(pos + 1);
    XmlElement current = open.peek();
    if (open.size() == 1) {
      throw error(start, "end tag </" + name + "> has no matching start tag");
    }
    if (!current.name().equalsIgnoreCase(name)) {
      throw error(start, "end tag </" + name + "> does not match <" + current.name()
          + "> opened at line " + current.line());
    }
    open.pop();
  }

  private String readName() {
    int end = pos;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (isSpace(c) || c == '=' || c == '>' || c == '/' || c == '<' || c == '"' || c == '\'') {
        break;
      }
      end++;
    }
    return consume(end);
  }

  private void skipSpace() {
    int end = pos;
    while (end < text.length() && isSpace(text.charAt(end))) {
      end++;
    }
    consume(end);
  }

  private void skipPast(String terminator, String what) throws ProfileException {
    int start = line;
    int end = text.indexOf(terminator, pos);
    if (end < 0) {
      throw error(start, what + " is never closed with '" + terminator + "'");
    }
    consume(end + terminator.length());
  }

  /** Advances to {@code end}, counting lines, and returns the text passed over. */
  private String consume(int end) {
    String passed = text.substring(pos, end);
    for (int i = 0; i < passed.length(); i++) {
      char c = passed.charAt(i);
      // CRLF counts once (at the LF); a lone CR is an old Mac line end.
      if (c == '\n' || (c == '\r' && (i + 1 >= passed.length() ? end >= text.length()
          || text.charAt(end) != '\n' : passed.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    pos = end;
    return passed;
  }

  private ProfileException error(int atLine, String message) {
    return new ProfileException(new SourceLocation(file, atLine), message);
  }
}
