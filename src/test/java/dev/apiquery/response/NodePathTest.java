package dev.apiquery.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.response.NodePath.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodePathTest {

  @Test
  void xpathColumns() {
    NodePath abs = NodePath.parseColumnPath("/json/owner/login", false);
    assertTrue(abs.isAbsolute());
    assertEquals(List.of(Step.field("owner"), Step.field("login")), abs.steps());

    NodePath rel = NodePath.parseColumnPath("addresses[1]/city", false);
    assertFalse(rel.isAbsolute());
    assertEquals(List.of(Step.field("addresses"), Step.index(1), Step.field("city")), rel.steps());

    assertEquals(List.of(Step.field("m"), Step.index(0), Step.index(2)),
        NodePath.parseColumnPath("m[0][2]", false).steps());
    assertEquals(List.of(Step.field("@odata.nextLink")),
        NodePath.parseColumnPath("/json/@odata.nextLink", false).steps());
    assertEquals(List.of(Step.field("a")), NodePath.parseColumnPath("./a", false).steps());
    assertEquals(List.of(Step.field("tags"), Step.field("name")),
        NodePath.parseColumnPath("tags[*]/name", false).steps());
    assertEquals(List.of(), NodePath.parseColumnPath(".", false).steps());
    assertEquals(List.of(), NodePath.parseColumnPath("", false).steps());
    // Only a leading "json" is the root's name.
    assertEquals(List.of(Step.field("json")), NodePath.parseColumnPath("/json/json", false).steps());
    assertEquals(List.of(Step.field("json")), NodePath.parseColumnPath("json", false).steps());
  }

  @Test
  void jsonPathNotation() {
    assertEquals(List.of(Step.field("a"), Step.field("b")), NodePath.parseRowPath("$.a.b").steps());
    assertEquals(List.of(Step.field("a b"), Step.index(0), Step.field("c.d")),
        NodePath.parseRowPath("$['a b'][0][\"c.d\"]").steps());
    assertEquals(List.of(Step.field("data")), NodePath.parseRowPath("$.data[*]").steps());
    assertEquals(List.of(Step.field("data")), NodePath.parseRowPath("$.data.*").steps());
    assertEquals(List.of(), NodePath.parseRowPath("$").steps());
    assertTrue(NodePath.parseColumnPath("$.x", false).isAbsolute());
  }

  @Test
  void rowAndDocumentPathsAreAlwaysFromTheRoot() {
    assertTrue(NodePath.parseRowPath("records").isAbsolute());
    assertEquals(NodePath.parseRowPath("/json/records"), NodePath.parseRowPath("records"));
    assertEquals(NodePath.parseRowPath("/records"), NodePath.parseRowPath("$.records"));
    assertEquals(NodePath.parseDocumentPath("next", false), NodePath.parseDocumentPath("/json/next", false));
    assertNull(NodePath.parseRowPath(null));
    assertNull(NodePath.parseRowPath("  "));
  }

  @Test
  void prefixes() {
    NodePath rows = NodePath.parseRowPath("$.records");
    NodePath inside = NodePath.parseColumnPath("/json/records/Owner/Name", false);
    assertTrue(inside.startsWith(rows));
    assertEquals(NodePath.parseColumnPath("Owner/Name", false), inside.relativeTo(rows));
    assertFalse(NodePath.parseColumnPath("/json/recordsX/a", false).startsWith(rows));
    assertFalse(NodePath.parseColumnPath("records/a", false).startsWith(rows)); // relative
    assertEquals("/json/records/Owner/Name", inside.toString());
  }

  @Test
  void unsupportedSyntax() {
    assertThrows(IllegalArgumentException.class, () -> NodePath.parseRowPath("$..a"));
    assertThrows(IllegalArgumentException.class, () -> NodePath.parseRowPath("$.a[*].b"));
    assertThrows(IllegalArgumentException.class, () -> NodePath.parseRowPath("$.a[0:2]"));
    assertThrows(IllegalArgumentException.class, () -> NodePath.parseColumnPath("a[x]", false));
    assertThrows(IllegalArgumentException.class, () -> NodePath.parseColumnPath("a[0", false));
    assertThrows(IllegalArgumentException.class, () -> NodePath.parseColumnPath("a/../b", false));
  }
}
