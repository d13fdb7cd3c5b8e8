package dev.apiquery.profile.load;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes RSD file bytes: UTF-8, or Windows-1252 for files saved by older Windows editors. */
final class RsdText {
  private RsdText() {}

  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      Charset fallback = Charset.isSupported("windows-1252")
          ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;
      return new String(bytes, fallback);
    }
  }
}
