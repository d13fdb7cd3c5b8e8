package dev.apiquery.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wanted paths below one point of a document, as a tree of steps: at each node, which targets
 * end there and which children lead to more. The reader walks it beside the parser and skips
 * every subtree no node leads into.
 */
final class PathTrie {
  /** Targets (column or document slots) whose path ends at this node. */
  final List<Integer> targets = new ArrayList<>();
  final Map<String, PathTrie> fields = new HashMap<>();
  final Map<Integer, PathTrie> indexes = new HashMap<>();
  /** The node where the rows are (only in a document trie with a known row path). */
  boolean rows;

  void add(List<NodePath.Step> steps, int target) {
    node(steps).targets.add(target);
  }

  PathTrie node(List<NodePath.Step> steps) {
    PathTrie node = this;
    for (NodePath.Step step : steps) {
      node = step.kind() == NodePath.Kind.INDEX
          ? node.indexes.computeIfAbsent(step.index(), i -> new PathTrie())
          : node.fields.computeIfAbsent(step.field(), f -> new PathTrie());
    }
    return node;
  }

  boolean hasChildren() {
    return !fields.isEmpty() || !indexes.isEmpty();
  }

  boolean isEmpty() {
    return targets.isEmpty() && !hasChildren() && !rows;
  }
}
