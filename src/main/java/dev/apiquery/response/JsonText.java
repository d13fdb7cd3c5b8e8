package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** The JSON factory of this package, raw scalar values, and compact JSON text of subtrees. */
final class JsonText {
  /**
   * Shared, thread-safe. The caller owns the body stream, so the parser must not close it; and
   * parse errors must not quote the source (it is the response body).
   */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  /** Already-rendered JSON text inside a collected list: embedded as is, never quoted. */
  record Raw(String json) {}

  private JsonText() {}

  /**
   * The raw value of the scalar at the parser's current token. Integers are {@link Long} when
   * they fit, else {@link BigInteger}; other numbers are {@link BigDecimal} made from the text,
   * so no digit is lost to binary floating point.
   */
  static Object scalar(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue()
            : Long.valueOf(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /**
   * Copies the value at the current token (scalar, object or array) as compact JSON text and
   * leaves the parser on its last token. Numbers keep their original text.
   */
  static String copy(JsonParser p) throws IOException {
    StringBuilder out = BUFFERS.get();
    out.setLength(0);
    try {
      CompactJson.append(p, out);
      return out.toString();
    } finally {
      if (out.capacity() > KEPT_CHARS) {
        BUFFERS.remove();
      }
    }
  }

  /** A buffer grown past this by one large value is not kept for the values after it. */
  private static final int KEPT_CHARS = 1 << 16;

  /** One buffer per thread for {@link #copy}: most copied values are a few dozen characters. */
  private static final ThreadLocal<StringBuilder> BUFFERS = ThreadLocal.withInitial(StringBuilder::new);

  /**
   * Copies an array whose start token was already consumed: the current token is its first
   * element or its end. Used when a lookahead (rows discovery) has read past the '['.
   */
  static String copyArrayRest(JsonParser p) throws IOException {
    StringBuilder out = new StringBuilder().append('[');
    for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = next(p)) {
      if (out.length() > 1) {
        out.append(',');
      }
      CompactJson.append(p, out);
    }
    return out.append(']').toString();
  }

  /** Renders collected values (raw scalars and {@link Raw} texts) as one compact JSON array. */
  static String array(List<Object> items) {
    StringBuilder out = new StringBuilder().append('[');
    for (Object item : items) {
      if (out.length() > 1) {
        out.append(',');
      }
      if (item == null) {
        out.append("null");
      } else if (item instanceof Raw raw) {
        out.append(raw.json());
      } else if (item instanceof String s) {
        CompactJson.appendString(out, s.toCharArray(), 0, s.length());
      } else if (item instanceof Boolean || item instanceof Long || item instanceof BigInteger) {
        out.append(item);
      } else if (item instanceof BigDecimal bd) {
        out.append(bd.toString());
      } else {
        String s = item.toString();
        CompactJson.appendString(out, s.toCharArray(), 0, s.length());
      }
    }
    return out.append(']').toString();
  }

  /**
   * Next token inside a structure. Jackson itself reports a body that ends inside a structure;
   * this guard only keeps a null token from turning into a NullPointerException.
   */
  static JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonParseException(p, "Unexpected end of input inside a JSON value");
    }
    return t;
  }
}
