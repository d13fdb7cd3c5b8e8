package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Walks one JSON value in a streaming parser against a {@link PathNode} trie and puts what the
 * trie asks for into a {@link ValueSink}. Everything the trie does not ask for is skipped with
 * {@link JsonParser#skipChildren()}, which tokenises but never decodes or keeps it.
 *
 * <p>Each method starts on the current token of the value it handles and returns with the parser
 * on that value's last token, so callers simply advance with {@code nextToken()}.
 *
 * <p>A value that must be both kept as JSON text and searched for deeper paths (columns
 * {@code owner} and {@code owner/login}), or an array element wanted both by index and by a
 * fan-out, is copied to text once and the copy is walked again. That costs one subtree of one
 * row, and keeps the common case a single forward pass.
 */
final class ValueWalker {
  private ValueWalker() {}

  /** Walks the value at the current token with {@code node}, including the node's own slots. */
  static void walk(JsonParser p, PathNode node, ValueSink sink) throws IOException {
    JsonToken t = p.currentToken();
    if (node.hasSlots()) {
      if (!t.isStructStart()) {
        Object value = JsonText.scalar(p);
        for (int slot : node.slots()) {
          sink.value(slot, value);
        }
        return;
      }
      String text = JsonText.copy(p);
      for (int slot : node.slots()) {
        sink.json(slot, text);
      }
      if (node.hasChildren()) {
        walkChildrenOf(text, node, sink);
      }
      return;
    }
    walkChildren(p, node, sink);
  }

  /**
   * Walks a row object as {@link #walk} does, matching its field names against the previous
   * row's ({@link FieldOrder}).
   */
  static void walkRow(JsonParser p, PathNode node, ValueSink sink, FieldOrder order) throws IOException {
    if (node.hasSlots() || !node.hasFields()) {
      walk(p, node, sink);
      return;
    }
    int k = 0;
    for (String name = order.next(p, k); name != null; name = order.next(p, ++k)) {
      walkField(p, order.child(node, k, name), sink);
    }
    requireObjectEnd(p);
  }

  /** Walks the value of the field just read with its node, or skips it when it has none. */
  private static void walkField(JsonParser p, PathNode child, ValueSink sink) throws IOException {
    JsonText.next(p);
    if (child == null) {
      p.skipChildren();
    } else {
      walk(p, child, sink);
    }
  }

  /**
   * nextFieldName() returns null only at '}' in valid JSON, and Jackson reports a body that ends
   * inside an object itself: a guard, not a code path.
   */
  private static void requireObjectEnd(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new JsonParseException(p, "Unexpected end of object");
    }
  }

  /**
   * Walks an array whose '[' was already consumed (the current token is its first element or
   * its ']'), including the node's own slots.
   */
  static void walkPeekedArray(JsonParser p, PathNode node, ValueSink sink) throws IOException {
    if (node.hasSlots()) {
      String text = JsonText.copyArrayRest(p);
      for (int slot : node.slots()) {
        sink.json(slot, text);
      }
      if (node.hasChildren()) {
        walkChildrenOf(text, node, sink);
      }
      return;
    }
    if (!node.hasChildren()) {
      skipArrayRest(p);
      return;
    }
    walkElements(p, node, sink);
  }

  /** Skips the rest of an array whose '[' was already consumed. */
  static void skipArrayRest(JsonParser p) throws IOException {
    for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = JsonText.next(p)) {
      p.skipChildren();
    }
  }

  /** Walks the value's fields or elements with the node's children; not the node's own slots. */
  private static void walkChildren(JsonParser p, PathNode node, ValueSink sink)
      throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        if (!node.hasFields()) {
          p.skipChildren();
          return;
        }
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          walkField(p, node.field(name), sink);
        }
        requireObjectEnd(p);
        return;
      case START_ARRAY:
        if (!node.hasChildren()) {
          p.skipChildren();
          return;
        }
        JsonText.next(p);
        walkElements(p, node, sink);
        return;
      default:
        // A scalar where the path expects more: the deeper paths are simply absent.
        return;
    }
  }

  /**
   * Walks array elements, starting on the first element (or ']'). Elements are picked by index
   * ({@code value[0]}); when the node also has field children, a field path runs through the
   * array and every element is walked with them into a {@link FanOutSink}.
   */
  private static void walkElements(JsonParser p, PathNode node, ValueSink sink)
      throws IOException {
    FanOutSink fan = node.hasFields() ? new FanOutSink(sink, node.fanOutSlots()) : null;
    PathNode each = node.elementView();
    int i = 0;
    for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = JsonText.next(p), i++) {
      PathNode byIndex = node.index(i);
      if (byIndex != null && fan != null) {
        String text = JsonText.copy(p);
        walkText(text, byIndex, sink);
        walkChildrenOf(text, each, fan);
      } else if (byIndex != null) {
        walk(p, byIndex, sink);
      } else if (fan != null) {
        walkChildren(p, each, fan);
      } else {
        p.skipChildren();
      }
    }
    if (fan != null) {
      fan.finish();
    }
  }

  /** Walks a copy of a value (made by {@link JsonText#copy}) with the node, own slots included. */
  private static void walkText(String json, PathNode node, ValueSink sink) throws IOException {
    try (JsonParser copy = JsonText.FACTORY.createParser(json)) {
      copy.nextToken();
      walk(copy, node, sink);
    }
  }

  /** Walks a copy of a value with the node's children only (its own slots were already set). */
  private static void walkChildrenOf(String json, PathNode node, ValueSink sink)
      throws IOException {
    try (JsonParser copy = JsonText.FACTORY.createParser(json)) {
      copy.nextToken();
      walkChildren(copy, node, sink);
    }
  }
}
