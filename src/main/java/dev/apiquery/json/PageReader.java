package dev.apiquery.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON response body with Jackson's streaming parser: finds the rows, keeps only the
 * requested column paths, and never builds the whole document in memory (a small subtree is
 * read as a tree only where a column wants it as JSON text). Immutable and thread-safe: build
 * once per request chain, call {@link #read} per page.
 */
public final class PageReader {
  /** Databind only for small subtrees that a column returns as JSON text. */
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final NodePath rowPath;
  private final List<NodePath> columns;
  private final List<String> documentPaths;
  /** The document trie for an explicit row path; null while rows must be discovered. */
  private final PathTrie documentTrie;
  private final PathTrie rowTrie;
  private final boolean[] columnFromRows;

  /**
   * @param rowPath where the rows are ({@code JSONPath}/{@code XPath}/{@code RepeatElement}:
   *     {@code $.records}, {@code /records}, {@code /json/records}, {@code $.data[*]}); null or
   *     empty: a top-level array, else the first array of objects
   * @param columnPaths one {@code other:xPath} per output column: absolute ({@code /json/a/b}),
   *     relative to the row ({@code a/b}), with {@code name[n]} steps; an absolute path outside
   *     the rows is a document value repeated on every row
   * @param documentPaths extra document-level paths to capture ({@code /json/next}); reported in
   *     {@link Page#documentValues()}
   * @throws IllegalArgumentException for a path this reader cannot follow
   */
  public PageReader(String rowPath, List<String> columnPaths, List<String> documentPaths) {
    this.rowPath = NodePath.parseRowPath(rowPath);
    this.columns = new ArrayList<>();
    for (String path : columnPaths) {
      columns.add(NodePath.parseColumnPath(path));
    }
    this.documentPaths = List.copyOf(documentPaths);
    this.columnFromRows = new boolean[columns.size()];
    if (this.rowPath != null) {
      this.rowTrie = rowTrie(this.rowPath, columnFromRows);
      this.documentTrie = documentTrie();
      this.documentTrie.node(this.rowPath.steps()).rows = true;
    } else {
      this.rowTrie = null;
      this.documentTrie = null;
    }
  }

  /** Column paths below the rows, relative to a row; marks which columns they are. */
  private PathTrie rowTrie(NodePath rows, boolean[] fromRows) {
    PathTrie trie = new PathTrie();
    for (int i = 0; i < columns.size(); i++) {
      NodePath column = columns.get(i);
      if (!column.isAbsolute()) {
        trie.add(column.steps(), i);
        fromRows[i] = true;
      } else if (column.startsWith(rows)) {
        trie.add(column.relativeTo(rows).steps(), i);
        fromRows[i] = true;
      }
    }
    return trie;
  }

  /**
   * Document-level targets: slot j for document path j, slot D+i for absolute column i (used
   * only when that column turns out not to lie inside the rows).
   */
  private PathTrie documentTrie() {
    PathTrie trie = new PathTrie();
    for (int j = 0; j < documentPaths.size(); j++) {
      trie.add(NodePath.parseDocumentPath(documentPaths.get(j)).steps(), j);
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).isAbsolute()) {
        trie.add(columns.get(i).steps(), documentPaths.size() + i);
      }
    }
    return trie;
  }

  /**
   * Reads a whole body. Transport failures (including a body cut off by the connection) are
   * {@link IOException}s; a complete body that is not valid JSON is a
   * {@link MalformedResponseException}.
   */
  public Page read(InputStream body) throws IOException, MalformedResponseException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      Walk walk = new Walk(parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MalformedResponseException("the body is empty", null);
      }
      if (rowPath != null) {
        walk.document(documentTrie);
      } else {
        walk.discover(walk.discoveryTrie, new ArrayList<>());
      }
      if (parser.nextToken() != null) {
        throw new MalformedResponseException(
            "unexpected content after the JSON value at " + location(parser), null);
      }
      return walk.page();
    } catch (JsonProcessingException e) {
      throw new MalformedResponseException(describe(e), e);
    }
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message != null && message.length() > 200) {
      message = message.substring(0, 200) + "...";
    }
    return message + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
        + ", column " + e.getLocation().getColumnNr());
  }

  private static String location(JsonParser parser) {
    return "line " + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr();
  }

  /** The state of reading one body. */
  private final class Walk {
    private final JsonParser parser;
    private final List<Object[]> rows = new ArrayList<>();
    private final Object[] documentValues = new Object[documentPaths.size() + columns.size()];
    private PathTrie currentRowTrie = rowTrie;
    private final boolean[] fromRows = columnFromRows.clone();
    private final PathTrie discoveryTrie = rowPath == null ? documentTrie() : null;
    private boolean rowsFound = rowPath != null;

    Walk(JsonParser parser) {
      this.parser = parser;
    }

    /** A value at a node of the document trie (explicit row path). */
    void document(PathTrie node) throws IOException {
      if (node == null) {
        parser.skipChildren();
        return;
      }
      if (node.rows) {
        readRows();
        return;
      }
      JsonToken token = parser.currentToken();
      if (!node.targets.isEmpty()) {
        capture(node, documentValues);
        return;
      }
      if (token == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          PathTrie child = node.fields.get(parser.currentName());
          parser.nextToken();
          document(child);
        }
      } else if (token == JsonToken.START_ARRAY) {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          document(node.indexes.get(index++));
        }
      }
    }

    /** A value while the rows are still to be found: the first array of objects. */
    void discover(PathTrie node, List<NodePath.Step> path) throws IOException {
      JsonToken token = parser.currentToken();
      if (rowsFound) {
        document(node);
        return;
      }
      if (node != null && !node.targets.isEmpty() && !token.isStructStart()) {
        capture(node, documentValues);
        return;
      }
      if (token == JsonToken.START_ARRAY) {
        JsonToken element = parser.nextToken();
        if (path.isEmpty() || element == JsonToken.START_OBJECT) {
          // A top-level array, or the first array of objects: these are the rows.
          rowsFound = true;
          currentRowTrie = rowTrie(new NodePath(true, path), fromRows);
          readRowElements(element);
          return;
        }
        int index = 0;
        while (element != JsonToken.END_ARRAY) {
          PathTrie child = node == null ? null : node.indexes.get(index);
          if (child == null) {
            parser.skipChildren();
          } else {
            document(child);
          }
          index++;
          element = parser.nextToken();
        }
      } else if (token == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          PathTrie child = node == null ? null : node.fields.get(name);
          path.add(NodePath.Step.field(name));
          discover(child, path);
          path.remove(path.size() - 1);
        }
      } else if (node != null && !node.targets.isEmpty()) {
        capture(node, documentValues);
      }
    }

    /** At the row path: an array of rows, or one object that is the only row. */
    private void readRows() throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_ARRAY) {
        readRowElements(parser.nextToken());
      } else if (token == JsonToken.START_OBJECT) {
        Object[] row = new Object[columns.size()];
        value(currentRowTrie, row);
        rows.add(row);
      }
      // A scalar or null where the rows should be: no rows.
    }

    /** The elements of the rows array, the first one's token already read. */
    private void readRowElements(JsonToken first) throws IOException {
      JsonToken token = first;
      while (token != JsonToken.END_ARRAY) {
        Object[] row = new Object[columns.size()];
        value(currentRowTrie, row);
        rows.add(row);
        token = parser.nextToken();
      }
    }

    /** The value at the parser, read into {@code out} where the trie wants it. */
    private void value(PathTrie node, Object[] out) throws IOException {
      JsonToken token = parser.currentToken();
      if (!token.isStructStart()) {
        Object scalar = JsonValues.scalar(parser);
        for (int target : node.targets) {
          out[target] = scalar;
        }
        return;
      }
      boolean wantsTree = !node.targets.isEmpty() || (token == JsonToken.START_ARRAY && !node.fields.isEmpty());
      if (wantsTree) {
        // A column wants this subtree as JSON text, or a name step runs through an array:
        // read just this subtree (one row's part) as a tree.
        fromTree(MAPPER.readTree(parser), node, out);
        return;
      }
      if (!node.hasChildren()) {
        parser.skipChildren();
        return;
      }
      if (token == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          PathTrie child = node.fields.get(parser.currentName());
          parser.nextToken();
          if (child == null) {
            parser.skipChildren();
          } else {
            value(child, out);
          }
        }
      } else {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          PathTrie child = node.indexes.get(index++);
          if (child == null) {
            parser.skipChildren();
          } else {
            value(child, out);
          }
        }
      }
    }

    private void capture(PathTrie node, Object[] out) throws IOException {
      if (parser.currentToken().isStructStart()) {
        fromTree(MAPPER.readTree(parser), node, out);
      } else {
        value(node, out);
      }
    }

    private void fromTree(JsonNode tree, PathTrie node, Object[] out) {
      Object value = JsonValues.of(tree);
      for (int target : node.targets) {
        out[target] = value;
      }
      if (tree.isObject()) {
        node.fields.forEach((name, child) -> {
          JsonNode sub = tree.get(name);
          if (sub != null) {
            fromTree(sub, child, out);
          }
        });
      } else if (tree.isArray()) {
        node.indexes.forEach((index, child) -> {
          if (index < tree.size()) {
            fromTree(tree.get(index), child, out);
          }
        });
        // A name step on an array gathers that field of every element (Klenty's CustomFields/value).
        node.fields.forEach((name, child) -> {
          ArrayNode gathered = MAPPER.createArrayNode();
          for (JsonNode element : tree) {
            if (element.has(name)) {
              gathered.add(element.get(name));
            }
          }
          fromTree(gathered, child, out);
        });
      }
    }

    Page page() {
      int d = documentPaths.size();
      for (int i = 0; i < columns.size(); i++) {
        if (!fromRows[i]) {
          Object value = documentValues[d + i];
          for (Object[] row : rows) {
            row[i] = value;
          }
        }
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (int j = 0; j < d; j++) {
        values.put(documentPaths.get(j), documentValues[j]);
      }
      return new Page(Collections.unmodifiableList(rows), Collections.unmodifiableMap(values));
    }
  }
}
