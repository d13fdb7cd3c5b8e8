package dev.apiquery.response;

/**
 * How a path step matches an XML name: by local name, as the paths were parsed without prefixes
 * ({@link NodePath#parseColumnPath}); attributes are fields named {@code @name}.
 */
final class XmlNames {
  private XmlNames() {}

  static PathNode element(PathNode node, String local) {
    return node.field(local);
  }

  static PathNode attribute(PathNode node, String local) {
    return node.field("@" + local);
  }
}
