package dev.apiquery.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which value of a response row is which attribute of a call's output item: the table columns
 * the scan extracts (by column name), then the call's {@code ElementMapPath#}/{@code
 * ElementMapName#} mappings, then the paging strategy's own row paths. Immutable.
 */
final class CallLayout {
  private final List<String> paths;
  private final Map<String, Integer> byName = new HashMap<>();
  private final int mapped;

  /**
   * @param columnNames the extracted columns' names, in reader order
   * @param columnPaths their paths
   * @param elementMaps name to path, in declaration order
   * @param pagerRowPaths the paging strategy's row paths, read after everything else
   */
  CallLayout(List<String> columnNames, List<String> columnPaths, List<Map.Entry<String, String>> elementMaps,
      List<String> pagerRowPaths) {
    List<String> all = new ArrayList<>(columnPaths);
    for (int i = 0; i < columnNames.size(); i++) {
      byName.putIfAbsent(key(columnNames.get(i)), i);
    }
    for (Map.Entry<String, String> map : elementMaps) {
      // An element map names an output attribute; it wins over a column of the same name.
      byName.put(key(map.getKey()), all.size());
      all.add(map.getValue());
    }
    this.mapped = all.size();
    all.addAll(pagerRowPaths);
    this.paths = List.copyOf(all);
  }

  /** Every path the reader extracts, in row order. */
  List<String> paths() {
    return paths;
  }

  /** How many values of a row belong to the item (the pager's come after). */
  int itemValues() {
    return mapped;
  }

  /** The row index of attribute {@code name}, or -1. */
  int index(String name) {
    Integer index = byName.get(key(name));
    return index == null ? -1 : index;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
