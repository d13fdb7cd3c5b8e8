package dev.apiquery.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link PathNode} trie to a captured {@link XmlElement}: the XML side of what {@link
 * ValueWalker} does for JSON, with the same path syntax.
 *
 * <ul>
 *   <li>A step names a child element by its local name (a prefix in the path is ignored);
 *       {@code @name} names an attribute; {@code name[n]} picks the n-th (zero-based) child of
 *       that name.
 *   <li>A path at an element without child elements yields its text (null when empty); at an
 *       element with children, its XML text.
 *   <li>A step that matches several elements yields the JSON array of their values
 *       ({@code Tags/Tag} gives {@code ["a","b"]}), as a JSON path through an array does.
 * </ul>
 */
final class XmlTreeWalker {
  private final ReadPlan plan;

  XmlTreeWalker(ReadPlan plan) {
    this.plan = plan;
  }

  /** One Document row from a row element. */
  Object[] row(XmlElement element, PathNode rowRoot) {
    Object[] row = new Object[plan.columnCount()];
    walk(element, rowRoot, new ValueSink.Slots(row), null);
    return row;
  }

  /** The rows of one element of a FlattenedDocuments level: its values joined with its nested rows. */
  List<Object[]> flatRows(XmlElement element, FlatLevel level) {
    Object[] own = new Object[plan.columnCount()];
    List<List<Object[]>> childRows = level.newChildRows(plan.pathCount());
    walk(element, level.trie(), new ValueSink.Slots(own), childRows);
    return FlatLevel.combine(own, childRows);
  }

  /** Fills the node's own slots with the element's value, then walks its children. */
  void walk(XmlElement element, PathNode node, ValueSink sink, List<List<Object[]>> childRows) {
    if (node.hasSlots()) {
      String value = element.value();
      for (int slot : node.slots()) {
        sink.value(slot, value);
      }
    }
    walkChildren(element, node, sink, childRows);
  }

  private void walkChildren(XmlElement element, PathNode node, ValueSink sink,
      List<List<Object[]>> childRows) {
    if (!node.hasChildren() && node.anyChild() == null) {
      return;
    }
    for (int i = 0; i < element.attributeCount(); i++) {
      PathNode attribute = XmlNames.attribute(node, element.attributeLocalName(i));
      if (attribute != null) {
        for (int slot : attribute.slots()) {
          sink.value(slot, element.attributeValue(i));
        }
      }
    }
    Map<PathNode, List<XmlElement>> matches = new LinkedHashMap<>();
    for (XmlElement child : element.children()) {
      PathNode step = node.anyChild() != null ? node.anyChild() : XmlNames.element(node, child.local);
      if (step != null) {
        matches.computeIfAbsent(step, k -> new ArrayList<>()).add(child);
      }
    }
    for (Map.Entry<PathNode, List<XmlElement>> match : matches.entrySet()) {
      step(match.getKey(), match.getValue(), sink, childRows);
    }
  }

  private void step(PathNode node, List<XmlElement> elements, ValueSink sink,
      List<List<Object[]>> childRows) {
    if (node.isRows() && childRows != null) {
      FlatLevel level = plan.level(node.rowsId());
      for (XmlElement element : elements) {
        childRows.get(node.rowsId()).addAll(flatRows(element, level));
      }
      return;
    }
    if (node.containsRows() && childRows != null) {
      for (XmlElement element : elements) {
        walkChildren(element, node, sink, childRows);
      }
      return;
    }
    for (int i = 0; i < elements.size(); i++) {
      PathNode byIndex = node.index(i);
      if (byIndex != null) {
        walk(elements.get(i), byIndex, sink, null);
      }
    }
    if (elements.size() == 1) {
      walk(elements.get(0), node, sink, null);
      return;
    }
    if (node.hasSlots()) {
      List<Object> values = new ArrayList<>(elements.size());
      for (XmlElement element : elements) {
        values.add(element.value());
      }
      String array = JsonText.array(values);
      for (int slot : node.slots()) {
        sink.json(slot, array);
      }
    }
    if (node.hasFields()) {
      FanOutSink fan = new FanOutSink(sink, node.fanOutSlots());
      for (XmlElement element : elements) {
        walkChildren(element, node, fan, null);
      }
      fan.finish();
    }
  }
}
