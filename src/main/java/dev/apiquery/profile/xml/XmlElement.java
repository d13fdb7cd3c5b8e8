package dev.apiquery.profile.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One element of a leniently parsed RSD document. Names are kept as written (with their prefix);
 * attribute lookup ignores case because real profiles mix {@code URI}/{@code uri},
 * {@code xPath}/{@code xpath} and so on. Namespaces are not resolved: RSD files often use
 * prefixes they never declare, so the prefixed text is the only reliable name.
 */
public final class XmlElement {
  private final String name;
  private final int line;
  // Keyed by lower-cased name; the value keeps the name as written for messages.
  private final Map<String, XmlAttribute> attributes;
  private final List<XmlElement> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  XmlElement(String name, int line, Map<String, XmlAttribute> attributes) {
    this.name = name;
    this.line = line;
    this.attributes = attributes;
  }

  static XmlElement document() {
    return new XmlElement("#document", 1, new LinkedHashMap<>());
  }

  /** The qualified name as written, e.g. {@code api:set}. */
  public String name() {
    return name;
  }

  /** The 1-based line where the start tag begins. */
  public int line() {
    return line;
  }

  /**
   * The value of the first attribute present among {@code names} (case-insensitive qualified
   * names, e.g. {@code "other:xPath"}), or null when none is present.
   */
  public String attribute(String... names) {
    for (String candidate : names) {
      XmlAttribute found = attributes.get(candidate.toLowerCase(Locale.ROOT));
      if (found != null) {
        return found.value();
      }
    }
    return null;
  }

  /** Whether any of the given attributes is present (even with an empty value). */
  public boolean hasAttribute(String... names) {
    return attribute(names) != null;
  }

  /** All attributes in document order. */
  public List<XmlAttribute> attributes() {
    return List.copyOf(attributes.values());
  }

  /** Child elements in document order. */
  public List<XmlElement> children() {
    return Collections.unmodifiableList(children);
  }

  /** Character data directly inside this element (text and CDATA), entities decoded. */
  public String text() {
    return text.toString();
  }

  void addChild(XmlElement child) {
    children.add(child);
  }

  void appendText(String chars) {
    text.append(chars);
  }

  @Override
  public String toString() {
    return "<" + name + "> at line " + line;
  }
}
