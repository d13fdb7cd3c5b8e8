package dev.apiquery.profile.xml;

/**
 * Entity decoding that tolerates the raw {@code &} real RSD files put in URIs: only a complete,
 * known entity is decoded; any other {@code &} is a literal character.
 */
final class XmlEntities {
  private XmlEntities() {}

  // The longest entity we decode is a numeric one such as &#x10FFFF; (10 characters).
  private static final int MAX_ENTITY_LENGTH = 12;

  static String decode(String raw) {
    if (raw.indexOf('&') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '&') {
        int semicolon = raw.indexOf(';', i + 1);
        if (semicolon > 0 && semicolon - i <= MAX_ENTITY_LENGTH) {
          String decoded = decodeOne(raw.substring(i + 1, semicolon));
          if (decoded != null) {
            out.append(decoded);
            i = semicolon + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** The text of entity {@code body} (between & and ;), or null when it is not an entity. */
  private static String decodeOne(String body) {
    switch (body) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return "\"";
      case "apos": return "'";
      default: break;
    }
    if (body.length() < 2 || body.charAt(0) != '#') {
      return null;
    }
    try {
      int codePoint = body.charAt(1) == 'x' || body.charAt(1) == 'X'
          ? Integer.parseInt(body.substring(2), 16)
          : Integer.parseInt(body.substring(1), 10);
      return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
