package dev.apiquery.response;

import java.util.ArrayList;
import java.util.List;

/**
 * The row paths of a call ({@code JSONPath}/{@code XPath}/{@code RepeatElement}, {@code ;}-separated)
 * checked against its {@link DataModel}.
 *
 * <ul>
 *   <li>No path: the JSON rows are discovered (Document only; XML needs a path).
 *   <li>Document, or Relational with one path: the rows are the elements of every path, in
 *       document order. Paths may not nest: the inner one is part of the outer one's rows.
 *   <li>FlattenedDocuments: paths nest; each path's parent is the longest other path it lies
 *       under ({@link #parent}).
 * </ul>
 */
final class RowPaths {
  private final String text;
  private final DataModel model;
  private final List<NodePath> paths;
  private final int[] parents;

  private RowPaths(String text, DataModel model, List<NodePath> paths) {
    this.text = text;
    this.model = model;
    this.paths = List.copyOf(paths);
    this.parents = new int[paths.size()];
    for (int i = 0; i < paths.size(); i++) {
      parents[i] = -1;
      for (int j = 0; j < paths.size(); j++) {
        if (j != i && paths.get(i).startsWith(paths.get(j))
            && (parents[i] < 0 || paths.get(j).steps().size() > paths.get(parents[i]).steps().size())) {
          parents[i] = j;
        }
      }
    }
  }

  /**
   * @throws IllegalArgumentException when a path is not supported or the paths do not fit the
   *     data model
   */
  static RowPaths of(String raw, DataModel model, ResponseFormat format) {
    List<NodePath> paths = new ArrayList<>();
    String text = raw == null ? "" : raw.trim();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue; // CData's own examples end the list with ';'
      }
      NodePath path = format == ResponseFormat.XML
          ? NodePath.parseXmlRowPath(part) : NodePath.parseRowPath(part);
      if (paths.contains(path)) {
        throw new IllegalArgumentException("Row path '" + part.trim() + "' is listed twice in '" + text + "'");
      }
      paths.add(path);
    }
    if (paths.isEmpty() && format == ResponseFormat.XML) {
      throw new IllegalArgumentException("xmlproviderGet needs the repeated element in XPath (or"
          + " RepeatElement), e.g. /root/Item: XML rows are not discovered");
    }
    if (paths.isEmpty() && model == DataModel.FLATTENED_DOCUMENTS) {
      throw new IllegalArgumentException("DataModel=FlattenedDocuments needs the nested row paths"
          + " in JSONPath/XPath, e.g. $.invoices;$.invoices.lines: they are not discovered");
    }
    if (model == DataModel.RELATIONAL && paths.size() != 1) {
      throw new IllegalArgumentException("DataModel=Relational makes one table per row path, and"
          + " a profile file is one table: give exactly one path (got '" + text + "'), or use"
          + " DataModel=FlattenedDocuments to join nested paths into one table");
    }
    RowPaths rows = new RowPaths(text, model, paths);
    if (model != DataModel.FLATTENED_DOCUMENTS) {
      for (int i = 0; i < paths.size(); i++) {
        if (rows.parents[i] >= 0) {
          throw new IllegalArgumentException("Row paths in '" + text + "' nest (" + paths.get(i)
              + " lies in " + paths.get(rows.parents[i]) + "): with DataModel=Document the outer"
              + " rows hold the inner ones as text; set DataModel=FlattenedDocuments to join them");
        }
      }
    }
    return rows;
  }

  boolean discover() {
    return paths.isEmpty();
  }

  boolean flattened() {
    return model == DataModel.FLATTENED_DOCUMENTS;
  }

  List<NodePath> paths() {
    return paths;
  }

  /** The index of the path that encloses path {@code i} most closely, or -1 for a top path. */
  int parent(int i) {
    return parents[i];
  }

  /** The attribute as written, for messages. */
  String text() {
    return text;
  }
}
