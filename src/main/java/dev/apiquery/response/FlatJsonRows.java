package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * Reads one element of a FlattenedDocuments row path from a JSON stream: its own columns, and
 * the rows of its nested paths, joined ({@link FlatLevel#combine}). Only this element's rows are
 * held, never the document's.
 */
final class FlatJsonRows {
  private FlatJsonRows() {}

  /** Reads the element at the current token and returns its rows. */
  static List<Object[]> read(JsonParser p, ReadPlan plan, FlatLevel level)
      throws IOException, MalformedResponseException {
    Object[] own = new Object[plan.columnCount()];
    List<List<Object[]>> childRows = level.newChildRows(plan.pathCount());
    PathNode root = level.trie();
    ValueSink sink = new ValueSink.Slots(own);
    if (p.currentToken() == JsonToken.START_OBJECT) {
      walk(p, plan, root, sink, childRows);
    } else {
      ValueWalker.walk(p, root.selfOnly(), sink);
    }
    return FlatLevel.combine(own, childRows);
  }

  private static void walk(JsonParser p, ReadPlan plan, PathNode node, ValueSink sink,
      List<List<Object[]>> childRows) throws IOException, MalformedResponseException {
    if (node.isRows()) {
      readNested(p, plan, node.rowsId(), childRows.get(node.rowsId()));
      return;
    }
    if (!node.containsRows()) {
      ValueWalker.walk(p, node, sink);
      return;
    }
    // On the way to a nested path (never a column as well: FlatLevel rejects that).
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        PathNode child = node.field(name);
        JsonText.next(p);
        if (child == null) {
          p.skipChildren();
        } else {
          walk(p, plan, child, sink, childRows);
        }
      }
    } else if (t == JsonToken.START_ARRAY) {
      // An array on the way ($.orders.items where each order holds a list of shipments, say):
      // every element leads on, unless the path picks elements by index.
      int i = 0;
      for (JsonToken e = JsonText.next(p); e != JsonToken.END_ARRAY; e = JsonText.next(p), i++) {
        PathNode child = node.hasIndexes() ? node.index(i) : node;
        if (child == null) {
          p.skipChildren();
        } else {
          walk(p, plan, child, sink, childRows);
        }
      }
    }
  }

  private static void readNested(JsonParser p, ReadPlan plan, int id, List<Object[]> into)
      throws IOException, MalformedResponseException {
    JsonToken t = p.currentToken();
    FlatLevel level = plan.level(id);
    if (t == JsonToken.START_ARRAY) {
      for (JsonToken e = JsonText.next(p); e != JsonToken.END_ARRAY; e = JsonText.next(p)) {
        into.addAll(read(p, plan, level));
      }
    } else if (t == JsonToken.START_OBJECT) {
      into.addAll(read(p, plan, level));
    } else if (t != JsonToken.VALUE_NULL) {
      throw notRows(p, plan.rowPaths().paths().get(id), plan.rowPathText());
    }
  }

  /** A row path that holds a scalar: the body is not what the profile expects. */
  static MalformedResponseException notRows(JsonParser p, NodePath path, String rowPaths) {
    JsonLocation at = p.currentTokenLocation();
    return new MalformedResponseException("Expected the rows at '" + rowPaths + "' (" + path
        + ") to be an array or an object, but found " + describe(p.currentToken()) + " at line "
        + at.getLineNr() + ", column " + at.getColumnNr(), null);
  }

  private static String describe(JsonToken t) {
    switch (t) {
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE: return "a boolean";
      default: return t.asString() == null ? t.name() : t.asString();
    }
  }
}
