package dev.apiquery.response;

import java.util.ArrayList;
import java.util.List;

/**
 * How the columns relate to one row location: which are read inside each row (a trie of paths
 * relative to the row) and which are document values copied onto every row.
 *
 * <p>An absolute column path that lies inside the rows ({@code /json/records/Id} with rows at
 * {@code $.records}) is read relative to the row, and so is every absolute path when the rows
 * are the top-level array ({@code /json/owner/login}, as in CData). A path equal to the rows
 * path names the row itself, as XPath names each repeated element by the array's name.
 */
final class RowLayout {
  private final PathNode rowRoot;
  private final int[] documentColumns;

  private RowLayout(PathNode rowRoot, int[] documentColumns) {
    this.rowRoot = rowRoot;
    this.documentColumns = documentColumns;
  }

  static RowLayout of(NodePath rowPath, List<NodePath> columns) {
    PathNode root = new PathNode();
    List<Integer> fromDocument = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      NodePath column = columns.get(c);
      if (!column.isAbsolute()) {
        root.descend(column).addSlot(c);
      } else if (column.startsWith(rowPath)) {
        root.descend(column.relativeTo(rowPath)).addSlot(c);
      } else {
        fromDocument.add(c);
      }
    }
    return new RowLayout(
        root.freeze(), fromDocument.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The trie applied to each row value. */
  PathNode rowRoot() {
    return rowRoot;
  }

  /** The columns that hold a document value, the same on every row of a page. */
  int[] documentColumns() {
    return documentColumns;
  }
}
