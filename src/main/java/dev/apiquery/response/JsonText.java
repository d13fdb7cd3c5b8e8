package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
    TextCopier copier = COPIERS.get();
    try {
      return copier.copy(p);
    } catch (IOException | RuntimeException e) {
      COPIERS.remove(); // its generator may be left inside an unfinished value
      throw e;
    }
  }

  /**
   * One generator per thread for {@link #copy}, writing into a reused buffer: a new writer and
   * generator per value cost a scan with an array column a tenth of its reading time.
   */
  private static final ThreadLocal<TextCopier> COPIERS = ThreadLocal.withInitial(TextCopier::new);

  private static final class TextCopier {
    /** A buffer grown past this by one large value is not kept for the values after it. */
    private static final int KEPT_CHARS = 1 << 16;
    private final TextBuilder out = new TextBuilder();
    private final JsonGenerator g;

    TextCopier() {
      try {
        g = FACTORY.createGenerator(out);
      } catch (IOException e) {
        throw new UncheckedIOException("creating a generator over a StringWriter cannot fail", e);
      }
      g.setRootValueSeparator(null); // values follow each other at the root: no separator
    }

    String copy(JsonParser p) throws IOException {
      copyValue(p, g);
      g.flush();
      StringBuilder buffer = out.text;
      String text = buffer.toString();
      buffer.setLength(0);
      if (buffer.capacity() > KEPT_CHARS) {
        COPIERS.remove();
      }
      return text;
    }
  }

  /**
   * A {@link java.io.Writer} into a {@link StringBuilder}: {@link StringWriter} appends to a
   * synchronized {@code StringBuffer}, a lock per flush of the generator.
   */
  private static final class TextBuilder extends Writer {
    final StringBuilder text = new StringBuilder();

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /**
   * Copies an array whose start token was already consumed: the current token is its first
   * element or its end. Used when a lookahead (rows discovery) has read past the '['.
   */
  static String copyArrayRest(JsonParser p) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartArray();
      for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = next(p)) {
        copyValue(p, g);
      }
      g.writeEndArray();
    }
    return out.toString();
  }

  /** Renders collected values (raw scalars and {@link Raw} texts) as one compact JSON array. */
  static String array(List<Object> items) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartArray();
      for (Object item : items) {
        if (item == null) {
          g.writeNull();
        } else if (item instanceof Raw raw) {
          g.writeRawValue(raw.json());
        } else if (item instanceof String s) {
          g.writeString(s);
        } else if (item instanceof Boolean b) {
          g.writeBoolean(b);
        } else if (item instanceof Long l) {
          g.writeNumber(l);
        } else if (item instanceof BigInteger bi) {
          g.writeNumber(bi);
        } else if (item instanceof BigDecimal bd) {
          g.writeNumber(bd.toString());
        } else {
          g.writeString(item.toString());
        }
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
    }
    return out.toString();
  }

  /** Iterative (not recursive) so that deeply nested values cannot exhaust the stack. */
  private static void copyValue(JsonParser p, JsonGenerator g) throws IOException {
    int depth = 0;
    JsonToken t = p.currentToken();
    while (true) {
      switch (t) {
        case START_OBJECT:
          g.writeStartObject();
          depth++;
          break;
        case START_ARRAY:
          g.writeStartArray();
          depth++;
          break;
        case END_OBJECT:
          g.writeEndObject();
          depth--;
          break;
        case END_ARRAY:
          g.writeEndArray();
          depth--;
          break;
        case FIELD_NAME:
          g.writeFieldName(p.currentName());
          break;
        case VALUE_STRING:
          g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          g.writeNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          break;
        case VALUE_TRUE:
          g.writeBoolean(true);
          break;
        case VALUE_FALSE:
          g.writeBoolean(false);
          break;
        case VALUE_NULL:
          g.writeNull();
          break;
        default:
          throw new JsonParseException(p, "Unexpected token " + t);
      }
      if (depth == 0) {
        return;
      }
      t = next(p);
    }
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
