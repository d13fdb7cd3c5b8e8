package dev.apiquery.response;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One node of a trie of requested paths. The streaming walk keeps a node per position in the
 * document; a field or element without a node is skipped unread, which is how only the requested
 * paths are ever decoded.
 *
 * <p>A node knows the slots (column or document-value positions) whose path ends here, its
 * children by field name and by array index, and whether the rows array lies here ({@link
 * #isRows()}). Nodes are built with {@link #child}, {@link #addSlot} and {@link #markRows}, then
 * {@link #freeze() frozen}; a frozen trie is never changed again, so readers may share it across
 * threads.
 */
final class PathNode {
  private static final int[] NO_SLOTS = new int[0];

  private final Map<String, PathNode> fields = new HashMap<>();
  private final Map<Integer, PathNode> indexes = new HashMap<>();
  private PathNode anyChild;
  private int[] slots = NO_SLOTS;
  /** The row path whose rows lie here, or -1. */
  private int rowsId = -1;

  // Derived by freeze().
  /**
   * The field children again, their names interned: Jackson interns the field names it parses,
   * so a name is usually found by reference in this short array, before the map's hashing.
   */
  private String[] fieldNames = new String[0];
  private PathNode[] fieldNodes = new PathNode[0];
  private boolean containsRows;
  private PathNode elementView;
  private int[] fanOutSlots = NO_SLOTS;
  private PathNode selfOnly;

  /** Builds a trie from paths and their slots. */
  PathNode() {}

  /** The node for {@code step} below this one, created if needed (building only). */
  PathNode child(NodePath.Step step) {
    switch (step.kind()) {
      case FIELD:
        return fields.computeIfAbsent(step.field(), k -> new PathNode());
      case INDEX:
        return indexes.computeIfAbsent(step.index(), k -> new PathNode());
      default:
        // Only an XML row path keeps a wildcard (its last step, /feed/*).
        if (anyChild == null) {
          anyChild = new PathNode();
        }
        return anyChild;
    }
  }

  /** The node at the end of {@code path} below this one, created if needed (building only). */
  PathNode descend(NodePath path) {
    PathNode node = this;
    for (NodePath.Step step : path.steps()) {
      node = node.child(step);
    }
    return node;
  }

  void addSlot(int slot) {
    int[] grown = Arrays.copyOf(slots, slots.length + 1);
    grown[slots.length] = slot;
    slots = grown;
  }

  /** Marks where the rows of row path {@code id} are. */
  void markRows(int id) {
    rowsId = id;
  }

  /** Computes what the walk needs to know of each subtree; call once, on the root, after building. */
  PathNode freeze() {
    for (PathNode child : fields.values()) {
      child.freeze();
    }
    for (PathNode child : indexes.values()) {
      child.freeze();
    }
    if (anyChild != null) {
      anyChild.freeze();
    }
    fieldNames = new String[fields.size()];
    fieldNodes = new PathNode[fields.size()];
    int f = 0;
    for (Map.Entry<String, PathNode> field : fields.entrySet()) {
      fieldNames[f] = field.getKey().intern();
      fieldNodes[f++] = field.getValue();
    }
    selfOnly = new PathNode();
    selfOnly.slots = slots;
    containsRows = rowsId >= 0 || (anyChild != null && anyChild.containsRows);
    for (PathNode child : fields.values()) {
      containsRows |= child.containsRows;
    }
    for (PathNode child : indexes.values()) {
      containsRows |= child.containsRows;
    }
    if (!fields.isEmpty()) {
      TreeSet<Integer> below = new TreeSet<>();
      for (PathNode child : fields.values()) {
        child.collectSlots(below);
      }
      fanOutSlots = below.stream().mapToInt(Integer::intValue).toArray();
      elementView = new PathNode();
      elementView.fields.putAll(fields);
      elementView.fieldNames = fieldNames;
      elementView.fieldNodes = fieldNodes;
      elementView.containsRows = false;
      elementView.fanOutSlots = fanOutSlots;
      elementView.elementView = elementView;
    }
    return this;
  }

  private void collectSlots(TreeSet<Integer> into) {
    for (int slot : slots) {
      into.add(slot);
    }
    for (PathNode child : fields.values()) {
      child.collectSlots(into);
    }
    for (PathNode child : indexes.values()) {
      child.collectSlots(into);
    }
  }

  // --- reading ---------------------------------------------------------------------------------

  int[] slots() {
    return slots;
  }

  boolean hasSlots() {
    return slots.length > 0;
  }

  boolean hasFields() {
    return !fields.isEmpty();
  }

  boolean hasIndexes() {
    return !indexes.isEmpty();
  }

  boolean hasChildren() {
    return !fields.isEmpty() || !indexes.isEmpty();
  }

  /** The child for a field name, or null when nothing under that name was requested. */
  PathNode field(String name) {
    String[] names = fieldNames;
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return fieldNodes[i];
      }
    }
    return fields.isEmpty() ? null : fields.get(name);
  }

  /** The child for an array index, or null when that element was not requested. */
  PathNode index(int i) {
    return indexes.isEmpty() ? null : indexes.get(i);
  }

  /** Calls {@code action} with every child: by field, by index, and the any-name child. */
  void forEachChild(Consumer<PathNode> action) {
    fields.values().forEach(action);
    indexes.values().forEach(action);
    if (anyChild != null) {
      action.accept(anyChild);
    }
  }

  /** True when the rows array (or single row object) is at this node. */
  boolean isRows() {
    return rowsId >= 0;
  }

  /** The row path whose rows are at this node, or -1. */
  int rowsId() {
    return rowsId;
  }

  /** The node for an element of any name (an XML row path's last step {@code *}), or null. */
  PathNode anyChild() {
    return anyChild;
  }

  /** True when the rows are at this node or below it. */
  boolean containsRows() {
    return containsRows;
  }

  /**
   * The node to apply to each element of an array found where this node expects an object: the
   * same field children, without this node's own slots and indexes. XPath treats an array as
   * repeated elements, so {@code items/id} on an array of items means the {@code id} of each.
   */
  PathNode elementView() {
    return elementView;
  }

  /** This node's own slots without its children: for a value no deeper path may enter. */
  PathNode selfOnly() {
    return selfOnly;
  }

  /** The slots filled through this node's fields: the ones a fan-out over an array collects. */
  int[] fanOutSlots() {
    return fanOutSlots;
  }
}
