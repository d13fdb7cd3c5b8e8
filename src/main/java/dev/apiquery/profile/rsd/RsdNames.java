package dev.apiquery.profile.rsd;

import dev.apiquery.profile.xml.XmlElement;
import java.util.Locale;

/**
 * Element names as RSD files write them. Names are matched by their prefixed text, ignoring case,
 * with the legacy {@code rsb:} prefix (RSSBus, before 2020) treated as {@code api:}.
 */
final class RsdNames {
  private RsdNames() {}

  /** {@code api:set} for {@code api:set}, {@code API:Set} or {@code rsb:set}; others lower-cased. */
  static String keyword(XmlElement element) {
    String name = element.name().toLowerCase(Locale.ROOT);
    return name.startsWith("rsb:") ? "api:" + name.substring(4) : name;
  }

  static boolean is(XmlElement element, String keyword) {
    return keyword(element).equals(keyword);
  }

  /** Whether the element is a script keyword ({@code api:} or {@code rsb:} prefix). */
  static boolean isScriptKeyword(XmlElement element) {
    return keyword(element).startsWith("api:");
  }

  /** The name after the prefix: {@code attr} for {@code attr} and {@code api:attr}. */
  static String localName(XmlElement element) {
    String name = element.name().toLowerCase(Locale.ROOT);
    return name.substring(name.indexOf(':') + 1);
  }

  /** RSD flags are written true/false; yes and 1 are accepted too. */
  static boolean flag(String value) {
    if (value == null) {
      return false;
    }
    String v = value.trim();
    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1");
  }

  /** Null for a missing or blank value, else the value trimmed. */
  static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
