package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Writes the value at a parser's current token as compact JSON text straight into a
 * {@link StringBuilder}: the text Jackson's generator writes with its defaults (the same escapes,
 * numbers as their original text), without a generator's buffer, flush and writer between them.
 * A nested column of every row went through a generator before, which was a sixth of a fetch
 * thread's samples for a two-element array column (docs/performance.md, fifth pass).
 */
final class CompactJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /**
   * Per ASCII character, how Jackson's generator writes it inside a string: 0 as itself, -1 as
   * {@code \}{@code u00XX}, else the letter after a backslash.
   */
  private static final int[] ESCAPES = new int[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  private CompactJson() {}

  /**
   * Appends the value at the current token (scalar, object or array) and leaves the parser on its
   * last token. Iterative (not recursive), so deeply nested values cannot exhaust the stack.
   */
  static void append(JsonParser p, StringBuilder out) throws IOException {
    int depth = 0;
    // Whether the next value or field in the current structure needs a comma before it.
    boolean comma = false;
    JsonToken t = p.currentToken();
    while (true) {
      switch (t) {
        case START_OBJECT:
        case START_ARRAY:
          separate(out, comma);
          out.append(t == JsonToken.START_OBJECT ? '{' : '[');
          depth++;
          comma = false;
          break;
        case END_OBJECT:
        case END_ARRAY:
          out.append(t == JsonToken.END_OBJECT ? '}' : ']');
          depth--;
          comma = true;
          break;
        case FIELD_NAME:
          separate(out, comma);
          appendString(out, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          out.append(':');
          // The field's value follows its name without a comma.
          comma = false;
          t = JsonText.next(p);
          continue;
        case VALUE_STRING:
          separate(out, comma);
          appendString(out, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          comma = true;
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          separate(out, comma);
          out.append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          comma = true;
          break;
        case VALUE_TRUE:
        case VALUE_FALSE:
        case VALUE_NULL:
          separate(out, comma);
          out.append(t == JsonToken.VALUE_TRUE ? "true" : t == JsonToken.VALUE_FALSE ? "false" : "null");
          comma = true;
          break;
        default:
          throw new JsonParseException(p, "Unexpected token " + t);
      }
      if (depth == 0) {
        return;
      }
      t = JsonText.next(p);
    }
  }

  private static void separate(StringBuilder out, boolean comma) {
    if (comma) {
      out.append(',');
    }
  }

  /** Appends a quoted JSON string, escaped as Jackson's generator escapes it. */
  static void appendString(StringBuilder out, char[] chars, int offset, int length) {
    out.append('"');
    int end = offset + length;
    int plain = offset;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c < 128 && ESCAPES[c] != 0) {
        out.append(chars, plain, i - plain);
        int escape = ESCAPES[c];
        if (escape > 0) {
          out.append('\\').append((char) escape);
        } else {
          out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
        plain = i + 1;
      }
    }
    out.append(chars, plain, end - plain).append('"');
  }
}
