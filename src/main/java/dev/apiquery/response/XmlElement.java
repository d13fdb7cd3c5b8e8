package dev.apiquery.response;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML element read from the stream with everything inside it: a row, or a document value.
 * The reader captures an element only where the paths need its content, so memory stays bounded
 * by one row element, never the document.
 */
final class XmlElement {
  /** Deeper than any real API response; a guard against bodies built to exhaust memory. */
  static final int MAX_DEPTH = 500;

  final String prefix;
  final String local;
  private final String[] attributeNames;
  private final String[] attributeLocalNames;
  private final String[] attributeValues;
  /** Text ({@link String}) and child elements, in document order. */
  private final List<Object> content = new ArrayList<>(2);
  private boolean hasChildElements;

  private XmlElement(XMLStreamReader r) {
    this.prefix = r.getPrefix() == null ? "" : r.getPrefix();
    this.local = r.getLocalName();
    int n = r.getAttributeCount();
    attributeNames = new String[n];
    attributeLocalNames = new String[n];
    attributeValues = new String[n];
    for (int i = 0; i < n; i++) {
      String p = r.getAttributePrefix(i);
      attributeNames[i] = p == null || p.isEmpty()
          ? r.getAttributeLocalName(i) : p + ":" + r.getAttributeLocalName(i);
      attributeLocalNames[i] = r.getAttributeLocalName(i);
      attributeValues[i] = r.getAttributeValue(i);
    }
  }

  /**
   * Reads the element at the reader's START_ELEMENT up to and including its END_ELEMENT.
   * Iterative, so nesting cannot exhaust the stack.
   */
  static XmlElement capture(XMLStreamReader r) throws XMLStreamException {
    XmlElement top = new XmlElement(r);
    Deque<XmlElement> open = new ArrayDeque<>();
    open.push(top);
    while (!open.isEmpty()) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT:
          if (open.size() >= MAX_DEPTH) {
            throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH, r.getLocation());
          }
          XmlElement child = new XmlElement(r);
          open.peek().content.add(child);
          open.peek().hasChildElements = true;
          open.push(child);
          break;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
        case XMLStreamConstants.ENTITY_REFERENCE:
          open.peek().content.add(r.getText());
          break;
        case XMLStreamConstants.END_ELEMENT:
          open.pop();
          break;
        default:
          break; // comments and processing instructions are not data
      }
    }
    return top;
  }

  /** The qualified name as written ({@code atom:entry}) or the local name. */
  String name() {
    return prefix.isEmpty() ? local : prefix + ":" + local;
  }

  int attributeCount() {
    return attributeNames.length;
  }

  String attributeLocalName(int i) {
    return attributeLocalNames[i];
  }

  String attributeValue(int i) {
    return attributeValues[i];
  }

  /** The child elements, in document order. */
  List<XmlElement> children() {
    List<XmlElement> children = new ArrayList<>();
    if (hasChildElements) {
      for (Object item : content) {
        if (item instanceof XmlElement e) {
          children.add(e);
        }
      }
    }
    return children;
  }

  /**
   * The element's value: its text when it holds no elements (null when that is empty), else
   * its compact XML text (whitespace between elements dropped), as CData returns aggregates.
   */
  String value() {
    if (!hasChildElements) {
      StringBuilder text = new StringBuilder();
      for (Object item : content) {
        text.append((String) item);
      }
      return text.length() == 0 ? null : text.toString();
    }
    StringBuilder xml = new StringBuilder();
    appendXml(xml);
    return xml.toString();
  }

  private void appendXml(StringBuilder out) {
    out.append('<').append(name());
    for (int i = 0; i < attributeNames.length; i++) {
      out.append(' ').append(attributeNames[i]).append("=\"");
      escape(attributeValues[i], true, out);
      out.append('"');
    }
    if (content.isEmpty()) {
      out.append("/>");
      return;
    }
    out.append('>');
    for (Object item : content) {
      if (item instanceof XmlElement e) {
        e.appendXml(out);
      } else if (!hasChildElements || !((String) item).isBlank()) {
        escape((String) item, false, out);
      }
    }
    out.append("</").append(name()).append('>');
  }

  private static void escape(String text, boolean attribute, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        default -> out.append(c);
      }
    }
  }
}
