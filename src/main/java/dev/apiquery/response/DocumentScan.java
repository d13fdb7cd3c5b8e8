package dev.apiquery.response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk over one JSON document: the state of one {@link JsonResponseReader#read} call.
 *
 * <p>Outside the rows the walk follows the plan's document trie. At a rows marker it reads each
 * element as a row (Document) or as a top-level element whose nested paths give the rows
 * (FlattenedDocuments, {@link FlatJsonRows}).
 *
 * <p>Without a row path the rows are discovered: a top-level array, else the first array, in
 * document order, whose first element is an object. Until then the walk descends every object
 * (not only those on requested paths); once the rows are found it goes back to skipping. When
 * the search ends without rows and without an empty array (which may be an empty rows array),
 * the top-level object is the only row.
 */
final class DocumentScan {
  private final JsonParser p;
  private final ReadPlan plan;
  private final PageBuilder page;
  private final ValueSink docSink;
  private final ValueSink.Slots rowSink = new ValueSink.Slots(null);
  private final FieldOrder rowFields = new FieldOrder();
  private RowLayout layout;
  private boolean searching;
  private boolean sawEmptyArray;
  private final List<String> path = new ArrayList<>();

  DocumentScan(JsonParser p, ReadPlan plan) {
    this.p = p;
    this.plan = plan;
    this.page = new PageBuilder(plan);
    this.docSink = page.documentSink();
  }

  Page run() throws IOException, MalformedResponseException {
    JsonToken first = p.nextToken();
    if (first != null) {
      boolean discover = plan.rowPaths().discover();
      if (discover && first == JsonToken.START_ARRAY) {
        // The rows are the top-level array: every absolute path is inside them.
        startDiscovered(new NodePath(true, List.of()));
        JsonText.next(p);
        readRowElements();
      } else {
        searching = discover && first == JsonToken.START_OBJECT;
        walkDocument(plan.documentRoot());
        if (searching && !sawEmptyArray) {
          page.addDocumentAsRow();
        }
      }
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "Unexpected content after the end of the JSON document");
      }
    }
    return page.finish();
  }

  private void startDiscovered(NodePath at) {
    layout = plan.layoutFor(at);
    page.startRows(layout.documentColumns());
  }

  /** Walks a value outside the rows; {@code node} is null where no document path leads. */
  private void walkDocument(PathNode node) throws IOException, MalformedResponseException {
    JsonToken t = p.currentToken();
    if (node != null && node.isRows()) {
      readRows(node.rowsId());
      return;
    }
    if (searching && t == JsonToken.START_ARRAY) {
      // Look at the first element: only an array of objects holds rows.
      JsonToken element = JsonText.next(p);
      if (element == JsonToken.START_OBJECT) {
        searching = false;
        startDiscovered(currentPath());
        readRowElements();
      } else if (node != null) {
        sawEmptyArray |= element == JsonToken.END_ARRAY;
        ValueWalker.walkPeekedArray(p, node, docSink);
      } else {
        sawEmptyArray |= element == JsonToken.END_ARRAY;
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

  /** At a row path: an array of rows, one object as the only row, or null for none. */
  private void readRows(int id) throws IOException, MalformedResponseException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    if (t != JsonToken.START_ARRAY && t != JsonToken.START_OBJECT) {
      throw FlatJsonRows.notRows(p, plan.rowPaths().paths().get(id), plan.rowPathText());
    }
    page.startRows(plan.documentColumns(id));
    FlatLevel level = plan.level(id);
    layout = plan.layout(id);
    boolean array = t == JsonToken.START_ARRAY;
    for (JsonToken e = array ? JsonText.next(p) : t; e != JsonToken.END_ARRAY;
        e = JsonText.next(p)) {
      if (level != null) {
        page.addAll(FlatJsonRows.read(p, plan, level));
      } else {
        readRow();
      }
      if (!array) {
        return;
      }
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
      ValueWalker.walkRow(p, root, rowSink, rowFields);
    } else {
      // An element that is not an object is a row only the row itself ("." or the row path)
      // can name: field paths do not run through it, even when it is an array.
      ValueWalker.walk(p, root.selfOnly(), rowSink);
    }
    page.add(row);
  }

  private NodePath currentPath() {
    List<NodePath.Step> steps = new ArrayList<>(path.size());
    for (String name : path) {
      steps.add(NodePath.Step.field(name));
    }
    return new NodePath(true, steps);
  }
}
