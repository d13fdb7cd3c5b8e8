package dev.apiquery.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UrlCodecTest {
  @Test
  void decodesUtf8AndKeepsBrokenEscapes() {
    assertEquals("€ x", UrlCodec.percentDecode("%E2%82%AC%20x", false));
    assertEquals("100%", UrlCodec.percentDecode("100%", false));
    assertEquals("%zz", UrlCodec.percentDecode("%zz", false));
    assertEquals("a+b", UrlCodec.percentDecode("a+b", false));
    assertEquals("a b", UrlCodec.percentDecode("a+b", true));
  }
}
