package dev.apiquery.profile.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.profile.ProfileException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LenientXmlParserTest {

  private static XmlElement root(String text) throws ProfileException {
    return LenientXmlParser.parse("X.rsd", text).children().get(0);
  }

  @Test
  void rawAmpersandIsLiteralButRealEntitiesAreDecoded() throws ProfileException {
    XmlElement e = root("<a v=\"x?a=1&b=2&amp;c=3&#38;d=4&#x26;e=&lt;&gt;&quot;&apos;&nbsp;&\"/>");
    assertEquals("x?a=1&b=2&c=3&d=4&e=<>\"'&nbsp;&", e.attribute("v"));
  }

  @Test
  void nonBreakingSpacesTabsAndSingleQuotesSeparateAttributes() throws ProfileException {
    XmlElement e = root("<input\u00A0name='a'\u00A0\u00A0\txs:type=\"date\"\u00A0other:filter=\"f\"/>");
    assertEquals("a", e.attribute("name"));
    assertEquals("date", e.attribute("XS:TYPE"));
    assertEquals("f", e.attribute("other:Filter"));
    assertEquals(List.of(new XmlAttribute("name", "a"), new XmlAttribute("xs:type", "date"),
        new XmlAttribute("other:filter", "f")), e.attributes());
  }

  @Test
  void lineNumbersCountCrlfOnceAndLoneCr() throws ProfileException {
    XmlElement r = root("<r>\r\n<!-- a\r\ncomment -->\r\n<a/>\r<b\r\n x='1'/>\n<c/></r>");
    assertEquals(1, r.line());
    assertEquals(4, r.children().get(0).line());
    assertEquals(5, r.children().get(1).line());
    assertEquals(7, r.children().get(2).line());
  }

  @Test
  void commentsCdataDeclarationsAndBomAreHandled() throws ProfileException {
    XmlElement r = root("\uFEFF<?xml version=\"1.0\"?><!DOCTYPE x><r><!-- <no/> -->"
        + "<![CDATA[a<b&c]]> &amp; t</r>");
    assertEquals("r", r.name());
    assertTrue(r.children().isEmpty());
    assertEquals("a<b&c & t", r.text());
  }

  @Test
  void flagAttributesAndUnquotedValuesAreAccepted() throws ProfileException {
    XmlElement e = root("<input name=x key/>");
    assertEquals("x", e.attribute("name"));
    assertEquals("true", e.attribute("key"));
    assertNull(e.attribute("missing"));
  }

  @Test
  void endTagsMatchIgnoringCase() throws ProfileException {
    XmlElement r = root("<API:Script><api:set attr='a'></API:SET></api:script>");
    assertEquals("api:set", r.children().get(0).name());
  }

  @Test
  void unclosedElementNamesItsLine() {
    ProfileException e = assertThrows(ProfileException.class,
        () -> LenientXmlParser.parse("X.rsd", "<r>\n<a>\n</r>"));
    assertEquals("X.rsd:3: end tag </r> does not match <a> opened at line 2", e.getMessage());
    e = assertThrows(ProfileException.class,
        () -> LenientXmlParser.parse("X.rsd", "<r>\n\n<a>\n"));
    assertEquals("X.rsd:3: <a> is never closed", e.getMessage());
  }

  @Test
  void otherSyntaxErrorsNameTheirLine() {
    assertEquals("X.rsd:2: attribute value in <a> has no closing \"",
        assertThrows(ProfileException.class,
            () -> LenientXmlParser.parse("X.rsd", "<r>\n<a v=\"x/>\n</r>")).getMessage());
    assertEquals("X.rsd:1: comment is never closed with '-->'",
        assertThrows(ProfileException.class,
            () -> LenientXmlParser.parse("X.rsd", "<!-- oops\n<r/>")).getMessage());
    assertEquals("X.rsd:2: end tag </b> has no matching start tag",
        assertThrows(ProfileException.class,
            () -> LenientXmlParser.parse("X.rsd", "<r/>\n</b>")).getMessage());
    assertEquals("X.rsd:1: unexpected '<' in tag <a>",
        assertThrows(ProfileException.class,
            () -> LenientXmlParser.parse("X.rsd", "<r><a <b/></r>")).getMessage());
  }
}
