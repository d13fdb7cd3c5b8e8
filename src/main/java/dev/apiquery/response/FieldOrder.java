package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;

/**
 * The field names of the previous row object, in order. APIs write every row's fields in the
 * same order, so the next row's k-th name is first matched against the k-th name seen before as
 * bytes ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}), which
 * skips the parser's name decoding and symbol-table lookup; a row in another order (or with other
 * fields) falls back to the parsed name and is learnt. One per page read: not thread-safe.
 */
final class FieldOrder {
  private String[] names = new String[16];
  private SerializedString[] expected = new SerializedString[16];
  /** Per position: the node the name was last looked up in, and the child it found there. */
  private PathNode[] parents = new PathNode[16];
  private PathNode[] children = new PathNode[16];

  /**
   * Advances to the next token of the current object, which is its field number {@code k}
   * (0-based): returns that field's name, or null at the object's end (or at a token that is no
   * field name, which the caller reports).
   */
  String next(JsonParser p, int k) throws IOException {
    if (k < expected.length && expected[k] != null) {
      if (p.nextFieldName(expected[k])) {
        return names[k];
      }
      if (p.currentToken() != JsonToken.FIELD_NAME) {
        return null;
      }
      return learn(k, p.currentName());
    }
    String name = p.nextFieldName();
    return name == null ? null : learn(k, name);
  }

  private String learn(int k, String name) {
    if (k >= names.length) {
      names = Arrays.copyOf(names, Math.max(k + 1, names.length * 2));
      expected = Arrays.copyOf(expected, names.length);
      parents = Arrays.copyOf(parents, names.length);
      children = Arrays.copyOf(children, names.length);
    }
    names[k] = name;
    expected[k] = new SerializedString(name);
    parents[k] = null;
    return name;
  }

  /** {@code node.field(name)} for the name {@link #next} just returned at position {@code k}. */
  PathNode child(PathNode node, int k, String name) {
    if (parents[k] != node) {
      parents[k] = node;
      children[k] = node.field(name);
    }
    return children[k];
  }
}
