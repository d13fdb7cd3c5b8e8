package dev.apiquery.response;

import java.util.ArrayList;
import java.util.List;

/**
 * One row path of a FlattenedDocuments read: the trie applied to each of its elements (its own
 * columns, relative to the path, and a rows marker where each nested path's elements are), and
 * how an element's values combine with the rows of its nested paths.
 */
final class FlatLevel {
  private final PathNode trie;
  private final int childCount;

  private FlatLevel(PathNode trie, int childCount) {
    this.trie = trie;
    this.childCount = childCount;
  }

  /**
   * @param level the row path this level reads
   * @param columnLevel per column, the level it belongs to (-1: a document value)
   * @throws IllegalArgumentException when a column of this level encloses a nested row path
   */
  static FlatLevel of(RowPaths rows, int level, List<NodePath> columns, int[] columnLevel) {
    NodePath path = rows.paths().get(level);
    PathNode root = new PathNode();
    for (int c = 0; c < columns.size(); c++) {
      if (columnLevel[c] == level) {
        NodePath column = columns.get(c);
        root.descend(column.isAbsolute() ? column.relativeTo(path) : column).addSlot(c);
      }
    }
    int children = 0;
    for (int j = 0; j < rows.paths().size(); j++) {
      if (rows.parent(j) == level) {
        root.descend(rows.paths().get(j).relativeTo(path)).markRows(j);
        children++;
      }
    }
    root.freeze();
    requireNoEnclosingColumn(root, rows.paths().get(level).toString());
    return new FlatLevel(root, children);
  }

  private static void requireNoEnclosingColumn(PathNode node, String at) {
    if (node.hasSlots() && node.containsRows() && !node.isRows()) {
      throw new IllegalArgumentException("A column path at " + at + " encloses a nested row path:"
          + " with DataModel=FlattenedDocuments a column may not hold a nested row path's rows");
    }
    // Only nodes on the way to a nested path can enclose one; the rest hold no rows.
    node.forEachChild(child -> {
      if (child.containsRows()) {
        requireNoEnclosingColumn(child, at);
      }
    });
  }

  /** The trie for one element of this level, relative to the element. */
  PathNode trie() {
    return trie;
  }

  /** Per nested path id, an empty list to collect that path's rows for one element. */
  List<List<Object[]>> newChildRows(int pathCount) {
    List<List<Object[]>> lists = new ArrayList<>(pathCount);
    for (int j = 0; j < pathCount; j++) {
      lists.add(childCount == 0 ? List.of() : new ArrayList<>());
    }
    return lists;
  }

  /**
   * The rows of one element: its own values joined with the rows of each nested path (a LEFT
   * JOIN: a nested path without elements leaves its columns null), nested paths cross joined.
   * Columns of different levels are disjoint, so a join copies the non-null values.
   */
  static List<Object[]> combine(Object[] own, List<List<Object[]>> childRows) {
    List<Object[]> result = new ArrayList<>();
    result.add(own);
    for (List<Object[]> child : childRows) {
      if (child.isEmpty()) {
        continue;
      }
      List<Object[]> joined = new ArrayList<>(result.size() * child.size());
      for (Object[] left : result) {
        for (Object[] right : child) {
          Object[] row = left.clone();
          for (int c = 0; c < row.length; c++) {
            if (right[c] != null) {
              row[c] = right[c];
            }
          }
          joined.add(row);
        }
      }
      result = joined;
    }
    return result;
  }
}
