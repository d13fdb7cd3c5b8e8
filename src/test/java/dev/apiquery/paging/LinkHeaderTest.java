package dev.apiquery.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  @Test
  void findsNextAmongSeveralLinks() {
    String github = "<https://api.x.test/orgs/a/repos?page=2>; rel=\"next\", <https://api.x.test/orgs/a/repos?page=5>; rel=\"last\"";
    assertEquals("https://api.x.test/orgs/a/repos?page=2", LinkHeader.target(List.of(github), "next"));
    assertEquals("https://api.x.test/orgs/a/repos?page=5", LinkHeader.target(List.of(github), "last"));
  }

  @Test
  void parametersInAnyOrderQuotedCommasAndSeveralRelations() {
    String value = "<https://a.test/1>; title=\"one, two; three\"; rel=prev, "
        + "<https://a.test/3>; type=\"application/json\"; rel=\"last next\"";
    assertEquals("https://a.test/3", LinkHeader.target(List.of(value), "next"));
    assertEquals("https://a.test/1", LinkHeader.target(List.of(value), "prev"));
  }

  @Test
  void linksSpreadOverSeveralHeaderValuesAndCaseInsensitiveRel() {
    assertEquals("/p2", LinkHeader.target(List.of("</p0>; rel=first", "</p2>; REL=\"Next\""), "next"));
  }

  @Test
  void noNextLink() {
    assertNull(LinkHeader.target(List.of("<https://a.test/1>; rel=\"prev\""), "next"));
    assertNull(LinkHeader.target(List.of(), "next"));
    assertNull(LinkHeader.target(List.of("garbage"), "next"));
  }
}
