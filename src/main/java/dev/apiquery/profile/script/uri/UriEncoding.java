package dev.apiquery.profile.script.uri;

import java.nio.charset.StandardCharsets;

/** Percent-encoding for values put into request URIs. */
public final class UriEncoding {
  private UriEncoding() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * Encodes {@code value} as one path segment or query component: everything but RFC 3986
   * unreserved characters is percent-encoded (UTF-8), so {@code & = / ? # + space} in a value
   * can never change the shape of the URI. Spaces become {@code %20}, never {@code +}, because the
   * same encoding must be right in a path too.
   */
  public static String encodeComponent(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        appendEscaped(out, c);
      }
    }
    return out.toString();
  }

  /**
   * Encodes only what can never appear raw in a URI (spaces, controls, non-ASCII, quotes, angle
   * brackets, braces, {@code | \ ^ `}) and a {@code %} that does not start an escape. Text that
   * is already a valid URI, including its existing escapes, comes back unchanged, so this is safe
   * to apply to a whole URI that was partly encoded before.
   */
  public static String encodeIllegal(String uri) {
    StringBuilder out = null;
    byte[] bytes = uri.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xFF;
      boolean keep = c > 0x20 && c < 0x7F && "\"<>\\^`{|}".indexOf(c) < 0
          && (c != '%' || isEscapeAt(bytes, i));
      if (out == null && !keep) {
        out = new StringBuilder(bytes.length + 16);
        out.append(new String(bytes, 0, i, StandardCharsets.UTF_8));
      }
      if (out != null) {
        if (keep) {
          out.append((char) c);
        } else {
          appendEscaped(out, c);
        }
      }
    }
    return out == null ? uri : out.toString();
  }

  /** Whether a query parameter name (as written in a URI) equals {@code name}, ignoring case. */
  static boolean sameParameter(String encodedName, String name) {
    return encodedName.equalsIgnoreCase(name) || encodedName.equalsIgnoreCase(encodeComponent(name));
  }

  private static boolean isEscapeAt(byte[] bytes, int i) {
    return i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static void appendEscaped(StringBuilder out, int c) {
    out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
  }
}
