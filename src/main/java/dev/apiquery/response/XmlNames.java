package dev.apiquery.response;

/** How a path step matches an XML name: the local name, or the prefixed name as written. */
final class XmlNames {
  private XmlNames() {}

  static PathNode child(PathNode node, XmlElement element) {
    return step(node, element.prefix, element.local);
  }

  static PathNode step(PathNode node, String prefix, String local) {
    PathNode byLocal = node.field(local);
    if (byLocal != null || prefix == null || prefix.isEmpty()) {
      return byLocal;
    }
    return node.field(prefix + ":" + local);
  }
}
