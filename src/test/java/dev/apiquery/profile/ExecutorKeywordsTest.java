package dev.apiquery.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.profile.script.RsdScript;
import dev.apiquery.scan.ScriptShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keywords and request rules the executor added, run through {@code prepareSelect}. */
class ExecutorKeywordsTest {
  private static final String CALL = "<api:call op='jsonproviderGet'><api:push/></api:call>";

  @Test
  void setmSetsOneAttributePerLine() throws ProfileException {
    Invocation call = RsdFixtures.run("<api:setm>\n  URI = https://x.test/a?b=1&c=2\n  JSONPath = $.rows\n</api:setm>",
        CALL, RsdFixtures.empty());
    assertEquals("https://x.test/a?b=1&c=2", call.uri());
    assertEquals("$.rows", call.attribute("JSONPath"));
    assertThrows(ProfileException.class, () -> RsdFixtures.table("<api:setm>no equals sign</api:setm>", CALL));
  }

  @Test
  void mapCopiesPairsAndPrefixesWithoutClearingTheDestination() throws ProfileException {
    Invocation call = RsdFixtures.run("<api:set item='src' attr='u' value='https://x.test/m'/>"
        + "<api:set item='src' attr='soap:a' value='1'/><api:set item='src' attr='SOAP:b' value='2'/>"
        + "<api:set item='req' attr='URI' value='https://x.test/old'/><api:set item='req' attr='keep' value='k'/>"
        + "<api:map to='req' from='src' map='URI=u, gone=absent; q:* = soap:*'/>",
        "<api:call op='jsonproviderGet' input='req'><api:push/></api:call>", RsdFixtures.empty());
    assertEquals("https://x.test/m", call.uri());
    assertEquals("k", call.attribute("keep"));
    assertEquals("1", call.attribute("q:a"));
    assertEquals("2", call.attribute("q:b"));
    assertEquals(null, call.attribute("gone"));
    for (String bad : List.of("<api:map to='a' from='b' map='x'/>", "<api:map to='a' from='b' map='x* = y'/>",
        "<api:map to='a' from='b' map='x*y = z*'/>", "<api:map from='b' map='x = y'/>")) {
      assertThrows(ProfileException.class, () -> RsdFixtures.table(bad, CALL), bad);
    }
  }

  @Test
  void selectRunsTheFirstMatchingCaseElseTheDefault() throws ProfileException {
    String select = "<api:select value='[_input.q]'>"
        + "<api:case value='a*' match='glob'><api:set attr='URI' value='https://x.test/glob'/></api:case>"
        + "<api:case value='B'><api:set attr='URI' value='https://x.test/exact'/></api:case>"
        + "<api:default><api:set attr='URI' value='https://x.test/default'/></api:default></api:select>";
    assertEquals("https://x.test/glob", RsdFixtures.run(select, CALL, RsdFixtures.inputs("q", "abc")).uri());
    assertEquals("https://x.test/exact", RsdFixtures.run(select, CALL, RsdFixtures.inputs("q", "b")).uri());
    assertEquals("https://x.test/default", RsdFixtures.run(select, CALL, RsdFixtures.inputs("q", "z")).uri());
  }

  @Test
  void nullAndNotnullTestAnAttribute() throws ProfileException {
    String script = "<api:set attr='URI' value='https://x.test/all'/>"
        + "<api:notnull attr='_input.q'><api:set attr='URI' value='https://x.test/q'/></api:notnull>";
    assertEquals("https://x.test/all", RsdFixtures.run(script, CALL, RsdFixtures.empty()).uri());
    assertEquals("https://x.test/q", RsdFixtures.run(script, CALL, RsdFixtures.inputs("q", "1")).uri());
  }

  @Test
  void unnumberedHeadersAndMultiValuedAttributes() throws ProfileException {
    Invocation call = RsdFixtures.run("<api:set attr='URI' value='https://x.test'/>"
        + "<api:set attr='Header:X-Api-Key' value='k1'/>"
        + "<api:set attr='Header:Name#' value='Accept'/><api:set attr='Header:Value#' value='text/csv'/>"
        + "<api:set attr='tag#' value='a'/><api:set attr='tag#' value='b'/>", CALL, RsdFixtures.empty());
    assertEquals(List.of(Map.entry("Accept", "text/csv"), Map.entry("X-Api-Key", "k1")), call.headers());
    assertEquals("a", call.attribute("tag#1"));
    assertEquals("b", call.attribute("tag#2"));
  }

  @Test
  void headerNameAndValueWithoutANumberArePairOne() throws ProfileException {
    Invocation call = RsdFixtures.run("<api:set attr='URI' value='https://x.test'/>"
        + "<api:set attr='header:name' value='accept'/><api:set attr='header:value' value='application/json'/>"
        + "<api:set attr='header:name#2' value='X-Token'/><api:set attr='header:value#2' value='t1'/>",
        CALL, RsdFixtures.empty());
    assertEquals(List.of(Map.entry("accept", "application/json"), Map.entry("X-Token", "t1")), call.headers());
  }

  @Test
  void aReferenceWhoseNameHoldsAReferenceIsExpandedInsideOut() throws ProfileException {
    Invocation call = RsdFixtures.run("<api:set item='types' attr='3' value='comment'/>"
        + "<api:set attr='kind' value='3'/><api:set attr='field' value='q'/>"
        + "<api:set attr='URI' value='https://x.test/[types.[kind]]?v=[_input.[field] | toupper]'/>",
        CALL, RsdFixtures.inputs("q", "a b"));
    // The value comes from SQL ([_input.q]), so it is still encoded for the query.
    assertEquals("https://x.test/comment?v=A%20B", call.uri());
  }

  @Test
  void tryCatchesAThrowByItsCodeAndRunsTheFinally() throws ProfileException {
    Invocation call = RsdFixtures.run("<api:try>"
        + "<api:throw code='E1' desc='bad' details='more'/>"
        + "<api:catch code='E2'><api:set attr='URI' value='https://x.test/wrong'/></api:catch>"
        + "<api:catch code='e1'><api:set attr='URI' value='https://x.test/[_code]/[_desc]/[_details]'/></api:catch>"
        + "<api:finally><api:set attr='JSONPath' value='$.rows'/></api:finally></api:try>",
        CALL, RsdFixtures.empty());
    assertEquals("https://x.test/E1/bad/more", call.uri());
    assertEquals("$.rows", call.attribute("JSONPath"));
    ProfileException e = assertThrows(ProfileException.class, () -> RsdFixtures.run(
        "<api:try><api:throw code='E1' desc='bad'/><api:catch code='E2'/></api:try>", CALL, RsdFixtures.empty()));
    assertTrue(e.getMessage().contains("E1: bad"), e.getMessage());
  }

  @Test
  void scriptBuiltPartsGoAsWrittenAndSqlValuesAreEncoded() throws ProfileException {
    Invocation call = RsdFixtures.run("<api:set attr='Parameters' value='page=1&amp;per_page=100'/>",
        "<api:set attr='URI' value='https://[_connection.Host]/space/diskUsage/{q}?[Parameters]&amp;s=[_input.since]'/>"
            + CALL,
        new ScriptContext(Map.of("q", "a b", "since", "x&y"), Map.of("Host", "h.test:8443"), Map.of()));
    assertEquals("https://h.test:8443/space/diskUsage/a%20b?page=1&per_page=100&s=x%26y", call.uri());
  }

  @Test
  void enumRunsItsBodyPerValue() throws ProfileException {
    Invocation call = RsdFixtures.run("", "<api:enum range='3..1'><api:set attr='seen' value='[seen][_value]'/>"
        + "</api:enum><api:set attr='URI' value='https://x.test/[seen]'/>" + CALL, RsdFixtures.empty());
    assertEquals("https://x.test/321", call.uri());
  }

  @Test
  void aScriptIsSimpleWhenItsRowsAreOneCallsItems() throws ProfileException {
    assertTrue(shape("<api:set attr='URI' value='https://x.test'/>" + CALL).simple());
    assertFalse(shape("<api:set attr='URI' value='https://x.test'/><api:call op='jsonproviderGet' out='o'>"
        + "<api:call op='jsonproviderGet'><api:push/></api:call></api:call>").simple());
    assertFalse(shape("<api:set attr='URI' value='https://x.test'/><api:call op='jsonproviderGet'>"
        + "<api:set attr='rows@next' value='2'/><api:push/></api:call>").simple());
    ScriptShape unused = shape("<api:set attr='URI' value='https://x.test'/><api:call op='jsonproviderGet' out='t'/>"
        + CALL);
    assertEquals(1, unused.unusedOutputs().size());
  }

  private static ScriptShape shape(String get) throws ProfileException {
    return ScriptShape.of((RsdScript) RsdFixtures.table("", get).script());
  }
}
