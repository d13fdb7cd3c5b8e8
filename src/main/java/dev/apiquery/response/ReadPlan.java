package dev.apiquery.response;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled paths of a reader, for JSON and XML alike; shared read-only by its reads.
 *
 * <p>Slots: {@code [0, n)} are the columns, {@code [n, n+d)} the document paths, and, when the
 * JSON rows are discovered, {@code [n+d, 2n+d)} the relative columns read at the document root,
 * for a top-level object that turns out to be the only row.
 *
 * <p>The document trie holds the document-level paths (absolute columns outside the rows and
 * the requested document paths) and a rows marker ({@link PathNode#rowsId()}) at each top row
 * path. What is done at a marker depends on the data model: {@link #layout} gives the Document
 * row trie of a path, {@link #level} the FlattenedDocuments level.
 */
final class ReadPlan {
  private final RowPaths rowPaths;
  private final List<NodePath> columns;
  private final List<String> documentKeys;
  private final RowLayout[] layouts;
  private final FlatLevel[] levels;
  private final int[] flatDocumentColumns;
  private final PathNode documentRoot;
  /** Layouts for discovered row locations; in practice one per reader. */
  private final Map<NodePath, RowLayout> discovered = new ConcurrentHashMap<>();

  ReadPlan(RowPaths rowPaths, List<NodePath> columns, List<String> documentKeys,
      List<NodePath> docs) {
    this.rowPaths = rowPaths;
    this.columns = List.copyOf(columns);
    this.documentKeys = List.copyOf(documentKeys);
    int n = columns.size();
    int pathCount = rowPaths.paths().size();
    PathNode root = new PathNode();
    layouts = new RowLayout[pathCount];
    levels = new FlatLevel[pathCount];
    if (rowPaths.discover()) {
      // Which absolute columns are document values is known only once the rows are found:
      // the trie holds all of them, and those inside the rows are never reached outside them.
      // The document root itself always encloses the rows, and capturing it as text would stop
      // the search for them, so it is never a document target.
      for (int c = 0; c < n; c++) {
        NodePath column = columns.get(c);
        if (!column.steps().isEmpty()) {
          root.descend(column).addSlot(column.isAbsolute() ? c : candidateSlot(c));
        }
      }
      flatDocumentColumns = null;
    } else if (rowPaths.flattened()) {
      int[] columnLevel = assignLevels();
      List<Integer> fromDocument = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        if (columnLevel[c] < 0) {
          fromDocument.add(c);
          root.descend(columns.get(c)).addSlot(c);
        }
      }
      flatDocumentColumns = fromDocument.stream().mapToInt(Integer::intValue).toArray();
      for (int i = 0; i < pathCount; i++) {
        levels[i] = FlatLevel.of(rowPaths, i, columns, columnLevel);
      }
    } else {
      Set<Integer> fromDocument = new LinkedHashSet<>();
      for (int i = 0; i < pathCount; i++) {
        layouts[i] = RowLayout.of(rowPaths.paths().get(i), columns);
        for (int c : layouts[i].documentColumns()) {
          if (insideNoRowPath(columns.get(c))) {
            fromDocument.add(c);
          }
        }
      }
      for (int c : fromDocument) {
        root.descend(columns.get(c)).addSlot(c);
      }
      flatDocumentColumns = null;
    }
    for (int i = 0; i < pathCount; i++) {
      if (rowPaths.parent(i) < 0) {
        root.descend(rowPaths.paths().get(i)).markRows(i);
      }
    }
    for (int k = 0; k < docs.size(); k++) {
      if (!rowPaths.discover() || !docs.get(k).steps().isEmpty()) {
        root.descend(docs.get(k)).addSlot(n + k);
      }
    }
    this.documentRoot = root.freeze();
  }

  /**
   * FlattenedDocuments: an absolute column belongs to the deepest row path it lies in (none: a
   * document value); a relative column to the deepest row path (the last listed of equals).
   */
  private int[] assignLevels() {
    List<NodePath> paths = rowPaths.paths();
    int deepest = 0;
    for (int i = 0; i < paths.size(); i++) {
      if (paths.get(i).steps().size() >= paths.get(deepest).steps().size()) {
        deepest = i;
      }
    }
    int[] level = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      NodePath column = columns.get(c);
      level[c] = column.isAbsolute() ? -1 : deepest;
      for (int i = 0; column.isAbsolute() && i < paths.size(); i++) {
        if (column.startsWith(paths.get(i))
            && (level[c] < 0 || paths.get(i).steps().size() > paths.get(level[c]).steps().size())) {
          level[c] = i;
        }
      }
    }
    return level;
  }

  private boolean insideNoRowPath(NodePath column) {
    for (NodePath path : rowPaths.paths()) {
      if (column.startsWith(path)) {
        return false;
      }
    }
    return true;
  }

  int columnCount() {
    return columns.size();
  }

  /** Slots in a page's document values: columns, document paths, discovery candidates. */
  int slotCount() {
    return 2 * columns.size() + documentKeys.size();
  }

  int candidateSlot(int column) {
    return columns.size() + documentKeys.size() + column;
  }

  List<NodePath> columns() {
    return columns;
  }

  List<String> documentKeys() {
    return documentKeys;
  }

  PathNode documentRoot() {
    return documentRoot;
  }

  RowPaths rowPaths() {
    return rowPaths;
  }

  int pathCount() {
    return rowPaths.paths().size();
  }

  /** The Document row trie of row path {@code id}; null under FlattenedDocuments. */
  RowLayout layout(int id) {
    return layouts[id];
  }

  /** The FlattenedDocuments level of row path {@code id}; null under Document. */
  FlatLevel level(int id) {
    return levels[id];
  }

  /** The columns copied from the document onto every row of path {@code id}. */
  int[] documentColumns(int id) {
    return rowPaths.flattened() ? flatDocumentColumns : layouts[id].documentColumns();
  }

  RowLayout layoutFor(NodePath discoveredRows) {
    return discovered.computeIfAbsent(discoveredRows, at -> RowLayout.of(at, columns));
  }

  /** The row path as written in the profile, for messages. */
  String rowPathText() {
    return rowPaths.text();
  }
}
