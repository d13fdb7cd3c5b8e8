package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The walk over one document: the state of one {@link PageReader#read} call.
 *
 * <p>Outside the rows the walk follows the document trie, which holds the document-level paths
 * (absolute columns outside the rows and the requested document paths) and, when the row path
 * is known, a marker where the rows are. At the rows it switches to the row trie for each
 * element. Document values may come before or after the rows array, so they are kept in
 * {@link #docValues} and copied onto the rows only when the document has ended.
 *
 * <p>Without a row path the rows are discovered: a top-level array, else the first array, in
 * document order, whose first element is an object. Until then the walk descends every object
 * (not only those on requested paths); once the rows are found it goes back to skipping.
 */
final class DocumentScan {
  private final JsonParser p;
  private final PageReader.Plan plan;
  private final Object[] docValues;
  private final ValueSink docSink;
  private final List<Object[]> rows = new ArrayList<>();
  private final ValueSink.Slots rowSink = new ValueSink.Slots(null);
  private RowLayout layout;
  private boolean searching;
  private final List<String> path = new ArrayList<>();

  DocumentScan(JsonParser p, PageReader.Plan plan) {
    this.p = p;
    this.plan = plan;
    this.docValues = new Object[plan.columnCount() + plan.documentPaths().size()];
    this.docSink = new ValueSink.Slots(docValues);
    this.layout = plan.explicitLayout();
  }

  Page run() throws IOException, MalformedResponseException {
    JsonToken first = p.nextToken();
    if (first != null) {
      if (plan.explicitLayout() == null && first == JsonToken.START_ARRAY) {
        // The rows are the top-level array: every absolute path is inside them.
        layout = plan.layoutFor(new NodePath(true, List.of()));
        JsonText.next(p);
        readRowElements();
      } else {
        searching = plan.explicitLayout() == null && first == JsonToken.START_OBJECT;
        walkDocument(plan.documentRoot());
      }
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "Unexpected content after the end of the JSON document");
      }
    }
    return new Page(rows, finishDocumentValues());
  }

  /** Walks a value outside the rows; {@code node} is null where no document path leads. */
  private void walkDocument(PathNode node) throws IOException, MalformedResponseException {
    JsonToken t = p.currentToken();
    if (node != null && node.isRows()) {
      readRows();
      return;
    }
    if (searching && t == JsonToken.START_ARRAY) {
      // Look at the first element: only an array of objects holds rows.
      JsonToken element = JsonText.next(p);
      if (element == JsonToken.START_OBJECT) {
        searching = false;
        layout = plan.layoutFor(currentPath());
        readRowElements();
      } else if (node != null) {
        ValueWalker.walkPeekedArray(p, node, docSink);
      } else {
        ValueWalker.skipArrayRest(p);
      }
      return;
    }
    if (searching && t == JsonToken.START_OBJECT && (node == null || !node.hasSlots())) {
      walkDocumentFields(node);
      return;
    }
    if (node == null) {
      p.skipChildren();
      return;
    }
    if (node.containsRows()) {
      // On the way to a known row path. The node's own slots (a document path that encloses
      // the rows) are not filled: that would copy the whole rows array.
      if (t == JsonToken.START_OBJECT) {
        walkDocumentFields(node);
      } else if (t == JsonToken.START_ARRAY) {
        int i = 0;
        for (JsonToken e = JsonText.next(p); e != JsonToken.END_ARRAY; e = JsonText.next(p), i++) {
          PathNode child = node.index(i);
          if (child == null) {
            p.skipChildren();
          } else {
            walkDocument(child);
          }
        }
      }
      return;
    }
    ValueWalker.walk(p, node, docSink);
  }

  private void walkDocumentFields(PathNode node) throws IOException, MalformedResponseException {
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      PathNode child = node == null ? null : node.field(name);
      JsonText.next(p);
      if (child == null && !searching) {
        p.skipChildren();
      } else {
        path.add(name);
        walkDocument(child);
        path.remove(path.size() - 1);
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new JsonParseException(p, "Unexpected end of object");
    }
  }

  /** At a known row path: an array of rows, one object as the only row, or null for none. */
  private void readRows() throws IOException, MalformedResponseException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_ARRAY:
        JsonText.next(p);
        readRowElements();
        return;
      case START_OBJECT:
        readRow();
        return;
      case VALUE_NULL:
        return;
      default:
        throw new MalformedResponseException(
            "Expected the rows at '" + plan.rowPathText() + "' to be an array or an object, but"
                + " found " + describe(t) + " at line " + p.currentTokenLocation().getLineNr()
                + ", column " + p.currentTokenLocation().getColumnNr(),
            null);
    }
  }

  /** Reads rows from the first element (or ']') of the rows array to its end. */
  private void readRowElements() throws IOException {
    for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = JsonText.next(p)) {
      readRow();
    }
  }

  private void readRow() throws IOException {
    Object[] row = new Object[plan.columnCount()];
    rowSink.target(row);
    PathNode root = layout.rowRoot();
    if (p.currentToken() == JsonToken.START_OBJECT) {
      ValueWalker.walk(p, root, rowSink);
    } else {
      // An element that is not an object is a row only the row itself ("." or the row path)
      // can name: field paths do not run through it, even when it is an array.
      ValueWalker.walk(p, root.selfOnly(), rowSink);
    }
    rows.add(row);
  }

  private NodePath currentPath() {
    List<NodePath.Step> steps = new ArrayList<>(path.size());
    for (String name : path) {
      steps.add(NodePath.Step.field(name));
    }
    return new NodePath(true, steps);
  }

  /** Copies document columns onto every row and builds the document values map. */
  private Map<String, Object> finishDocumentValues() {
    if (layout != null) {
      for (int c : layout.documentColumns()) {
        Object value = docValues[c];
        for (Object[] row : rows) {
          row[c] = value;
        }
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> keys = plan.documentPaths();
    for (int k = 0; k < keys.size(); k++) {
      values.put(keys.get(k), docValues[plan.columnCount() + k]);
    }
    return values;
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
