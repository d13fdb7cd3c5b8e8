package dev.apiquery.response;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The walk over one XML document: streams through the elements outside the rows following the
 * plan's document trie, skipping everything no path names, and captures each row element (or
 * document value) whole to read its columns ({@link XmlTreeWalker}).
 */
final class XmlScan {
  private final XMLStreamReader r;
  private final ReadPlan plan;
  private final PageBuilder page;
  private final XmlTreeWalker trees;
  private final Set<PathNode> valuesRead = new HashSet<>();

  XmlScan(XMLStreamReader r, ReadPlan plan) {
    this.r = r;
    this.plan = plan;
    this.page = new PageBuilder(plan);
    this.trees = new XmlTreeWalker(plan);
  }

  Page run() throws XMLStreamException {
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT) {
        PathNode node = XmlNames.element(plan.documentRoot(), r.getLocalName());
        if (node == null) {
          skipElement();
        } else {
          walkElement(node);
        }
      }
    }
    return page.finish();
  }

  /** At a START_ELEMENT that {@code node} names; returns after its END_ELEMENT. */
  private void walkElement(PathNode node) throws XMLStreamException {
    if (node.isRows()) {
      int id = node.rowsId();
      XmlElement element = XmlElement.capture(r);
      page.startRows(plan.documentColumns(id));
      FlatLevel level = plan.level(id);
      if (level != null) {
        page.addAll(trees.flatRows(element, level));
      } else {
        page.add(trees.row(element, plan.layout(id).rowRoot()));
      }
      return;
    }
    if (!node.containsRows() && node.hasSlots()) {
      // A document value: small, so read it whole. When several elements match, the first
      // counts, as XPath's string value takes the first node.
      if (valuesRead.add(node)) {
        trees.walk(XmlElement.capture(r), node, page.documentSink(), null);
      } else {
        skipElement();
      }
      return;
    }
    // On the way to the rows or to document values: attributes, then child elements.
    ValueSink sink = page.documentSink();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      PathNode attribute = XmlNames.attribute(node, r.getAttributeLocalName(i));
      if (attribute != null) {
        for (int slot : attribute.slots()) {
          sink.value(slot, r.getAttributeValue(i));
        }
      }
    }
    Map<PathNode, Integer> seen = null;
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      PathNode child = node.anyChild() != null
          ? node.anyChild() : XmlNames.element(node, r.getLocalName());
      if (child == null) {
        skipElement();
        continue;
      }
      if (child.hasIndexes()) {
        // name[n] steps: the n-th element of that name (zero-based) among its siblings.
        seen = seen == null ? new HashMap<>() : seen;
        PathNode byIndex = child.index(seen.merge(child, 1, Integer::sum) - 1);
        boolean ownToo = child.hasSlots() || child.hasFields() || child.containsRows();
        if (byIndex != null && ownToo) {
          XmlElement element = XmlElement.capture(r);
          trees.walk(element, byIndex, sink, null);
          trees.walk(element, child, sink, null);
          continue;
        }
        if (byIndex != null || !ownToo) {
          if (byIndex != null) {
            walkElement(byIndex);
          } else {
            skipElement();
          }
          continue;
        }
      }
      walkElement(child);
    }
  }

  /** Skips the element at the current START_ELEMENT, up to and including its END_ELEMENT. */
  private void skipElement() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
