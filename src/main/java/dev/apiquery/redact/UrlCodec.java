package dev.apiquery.redact;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Lenient percent-decoding shared by option parsing and redaction. */
public final class UrlCodec {
  private UrlCodec() {}

  /**
   * Decodes {@code %XX} escapes as UTF-8. Unlike {@link java.net.URLDecoder} this never throws: a
   * {@code %} that does not start a valid escape is kept as it is, because option values are typed
   * by people (a literal {@code 100%} must not break a connection).
   *
   * @param plusIsSpace whether {@code +} means a space (HTML form style); option values keep a
   *     literal {@code +} because raw base64 API keys contain it
   */
  public static String percentDecode(String text, boolean plusIsSpace) {
    if (text == null) {
      return null;
    }
    if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      flush(bytes, out);
      out.append(plusIsSpace && c == '+' ? ' ' : c);
      i++;
    }
    flush(bytes, out);
    return out.toString();
  }

  private static boolean isHex(String s, int index) {
    return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}
