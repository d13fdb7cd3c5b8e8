package dev.apiquery.profile;

import static dev.apiquery.profile.RsdFixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apiquery.profile.script.ScriptInvocation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every script keyword, run through {@code prepareSelect}. */
class ScriptKeywordsTest {
  private static final String CALL = "<api:call op='jsonproviderGet'/>";

  /** Runs a GET block that sets URI first; returns attribute {@code out} of the default item. */
  private static String out(String get, ScriptContext context) throws ProfileException {
    Invocation call = RsdFixtures.run("", "<api:set attr='URI' value='https://x.test/'/>"
        + get + CALL, context);
    return call.attributes().get("out");
  }

  private static String out(String get) throws ProfileException {
    return out(get, RsdFixtures.empty());
  }

  private static ProfileException failure(String get, ScriptContext context) {
    return assertThrows(ProfileException.class, () -> out(get, context));
  }

  @Test
  void setWritesTheDefaultItemAndNamedItems() throws ProfileException {
    assertEquals("v", out("<api:set attr='out' value='v'/>"));
    assertEquals("a-b-c", out("<api:set attr='temp.x' value='a'/>"
        + "<api:set item='TEMP' attr='y' value='b'/><api:set attr='z' item='temp' value='c'/>"
        + "<api:set attr='out' value='[temp.X]-[Temp.y]-[temp.z]'/>"));
    assertEquals("text", out("<api:set attr='out'>text</api:set>"));
    assertEquals("", out("<api:set attr='out'/>"));
    assertEquals("new", out("<api:set attr='OUT' value='old'/><api:set attr='out' value='new'/>"));
  }

  @Test
  void globalScopeRunsBeforeTheGetBlockAndOtherMethodsNever() throws ProfileException {
    TableDef t = RsdFixtures.parse("<api:script><api:info><attr name='a'/></api:info>"
        + "<api:set attr='out' value='global'/>"
        + "<api:script method='POST'><api:set attr='out' value='post'/></api:script>"
        + "<api:script method='GET'><api:set attr='out' value='[out]+get'/>"
        + "<api:set attr='URI' value='https://x.test'/>" + CALL + "</api:script>"
        + "<api:script method='GET'><api:set attr='out' value='second'/></api:script>"
        + "</api:script>");
    assertEquals("global+get", t.script().prepareSelect(RsdFixtures.empty()).attribute("out"));
  }

  @Test
  void aCallInTheGlobalScopeIsUsedWhenThereIsNoGetBlock() throws ProfileException {
    TableDef t = RsdFixtures.parse("<api:script><api:info><attr name='a'/></api:info>"
        + "<api:set attr='URI' value='https://x.test/g'/>" + CALL + "</api:script>");
    assertEquals("https://x.test/g", t.script().prepareSelect(RsdFixtures.empty()).uri());
  }

  @Test
  void unsetRemovesAnAttribute() throws ProfileException {
    assertNull(out("<api:set attr='out' value='v'/><api:unset attr='out'/>"));
  }

  @Test
  void checkRunsItsBodyOnlyWhenTheAttributeHasAValue() throws ProfileException {
    String get = "<api:set attr='out' value='none'/>"
        + "<api:check attr='_input.q'><api:set attr='out' value='q=[_input.q]'/></api:check>";
    assertEquals("q=x", out(get, RsdFixtures.inputs("Q", "x")));
    assertEquals("none", out(get, RsdFixtures.inputs("q", "")));
    assertEquals("none", out(get));
  }

  @Test
  void checkWithValueTestsTruth() throws ProfileException {
    String get = "<api:check value='[_input.q]'><api:set attr='out' value='yes'/>"
        + "<api:else><api:set attr='out' value='no'/></api:else></api:check>";
    assertEquals("yes", out(get, RsdFixtures.inputs("q", "true")));
    assertEquals("yes", out(get, RsdFixtures.inputs("q", "anything")));
    assertEquals("no", out(get, RsdFixtures.inputs("q", "FALSE")));
    assertEquals("no", out(get, RsdFixtures.inputs("q", "0")));
    assertEquals("no", out(get));
  }

  @Test
  void elseMayFollowTheCheckOrSitInsideIt() throws ProfileException {
    String sibling = "<api:check attr='_input.q'><api:set attr='out' value='then'/></api:check>"
        + "<api:else><api:set attr='out' value='else'/></api:else>";
    assertEquals("then", out(sibling, RsdFixtures.inputs("q", "1")));
    assertEquals("else", out(sibling));
    String nested = "<api:if attr='_input.q' value='1'><api:set attr='out' value='then'/>"
        + "<api:else><api:set attr='out' value='else'/></api:else></api:if>";
    assertEquals("then", out(nested, RsdFixtures.inputs("q", "1")));
    assertEquals("else", out(nested, RsdFixtures.inputs("q", "2")));
  }

  @ParameterizedTest(name = "{0} {1} {2} = {3}")
  @CsvSource(nullValues = "NULL", value = {
      "'', null, '', true",
      "x, null, '', false",
      "'', notnull, '', false",
      "x, notnull, '', true",
      "' ', hasvalue, '', false",
      "x, hasvalue, '', true",
      "abc, equals, abc, true",
      "abc, equals, ABC, false",
      "1.0, equals, 1, true",
      "abc, equalsignorecase, ABC, true",
      "abc, equalsignorecase, abd, false",
      "abc, notequals, abd, true",
      "abc, notequals, abc, false",
      "9, lessthan, 10, true",
      "10, lessthan, 9, false",
      "b, lessthan, a, false",
      "a, lessthan, b, true",
      "10, greaterthan, 9, true",
      "-1.5, greaterthan, -1, false",
      "abc, greaterthan, abb, true",
  })
  void ifOperators(String left, String operator, String right, boolean expected)
      throws ProfileException {
    String byAttr = "<api:if attr='_input.q' operator='" + operator.toUpperCase()
        + "' value='" + right + "'><api:set attr='out' value='yes'/></api:if>";
    String byExp = "<api:if exp='[_input.q]' operator='" + operator
        + "' value='" + right + "'><api:set attr='out' value='yes'/></api:if>";
    ScriptContext context = RsdFixtures.inputs("q", left);
    assertEquals(expected ? "yes" : null, out(byAttr, context));
    assertEquals(expected ? "yes" : null, out(byExp, context));
  }

  @Test
  void ifWithoutOperatorMeansEqualsAndComparesExpandedValues() throws ProfileException {
    String get = "<api:set attr='limit' value='50'/>"
        + "<api:if exp='[limit | add(50)]' value='[_input.q]'><api:set attr='out' value='eq'/></api:if>";
    assertEquals("eq", out(get, RsdFixtures.inputs("q", "100")));
    assertNull(out(get, RsdFixtures.inputs("q", "99")));
  }

  @Test
  void existsEqualsAndNotEqualsShorthands() throws ProfileException {
    String get = "<api:exists attr='_input.q'><api:set attr='a' value='1'/></api:exists>"
        + "<api:equals attr='_input.q' value='x'><api:set attr='b' value='2'/></api:equals>"
        + "<api:notequals attr='_input.q' value='x'><api:set attr='c' value='3'/></api:notequals>"
        + "<api:set attr='out' value='[a][b][c]'/>";
    assertEquals("12", out(get, RsdFixtures.inputs("q", "x")));
    assertEquals("13", out(get, RsdFixtures.inputs("q", "y")));
    assertEquals("3", out(get));
  }

  @Test
  void validateFailsWithTheProfilesOwnDescription() throws ProfileException {
    String get = "\n<api:validate attr='_connection.ApiKey' desc='The APIKey must be set in"
        + " ProfileSettings.'/>";
    assertEquals("T.rsd:13: The APIKey must be set in ProfileSettings.",
        failure(get, RsdFixtures.empty()).getMessage());
    assertEquals("T.rsd:13: The APIKey must be set in ProfileSettings.",
        failure(get, RsdFixtures.connection("apikey", "")).getMessage());
    assertEquals("https://x.test/", RsdFixtures.run("", "<api:set attr='URI' value='https://x.test/'/>"
        + get + CALL, RsdFixtures.connection("APIKEY", "k")).uri());
    assertEquals("T.rsd:13: '_input.q' must be set",
        failure("\n<api:validate attr='_input.q'/>", RsdFixtures.empty()).getMessage());
    String byValue = "<api:set attr='URI' value='https://x.test/'/>"
        + "\n<api:validate value='[_input.q | equals(ok)]' desc='q must be ok, not [_input.q]'/>";
    assertEquals("T.rsd:13: q must be ok, not x",
        failure(byValue, RsdFixtures.inputs("q", "x")).getMessage());
    assertEquals("https://x.test/",
        RsdFixtures.run("", byValue + CALL, RsdFixtures.inputs("q", "ok")).uri());
  }

  @Test
  void throwFailsWithCodeAndDescription() {
    assertEquals("T.rsd:13: 400: bad q: x",
        failure("\n<api:check attr='_input.q'><api:throw code='400' desc='bad q: [_input.q]'/>"
            + "</api:check>", RsdFixtures.inputs("q", "x")).getMessage());
    assertEquals("T.rsd:13: no code",
        failure("\n<api:throw desc='no code'/>", RsdFixtures.empty()).getMessage());
  }

  @Test
  void callWithInReadsThatItemAndOutIsKept() throws ProfileException {
    Invocation call = RsdFixtures.run("", "<api:set attr='URI' value='https://default.test'/>"
        + "<api:set attr='req.URI' value='https://in.test/[_input.q]'/>"
        + "<api:set attr='req.method' value='get'/>"
        + "<api:call op='JsonProviderGet' in='req' out='row'><api:push item='row'/></api:call>",
        RsdFixtures.inputs("q", "a b"));
    assertEquals("https://in.test/a%20b", call.uri());
    assertEquals("GET", call.method());
    assertEquals("jsonproviderget", call.operation());
    ScriptInvocation invocation = assertInstanceOf(ScriptInvocation.class, call);
    assertEquals("req", invocation.call().in());
    assertEquals("row", invocation.call().out());
    assertEquals(1, invocation.call().body().size());
  }

  @Test
  void pushPageTokenBeforeTheRequestIsHarmlessAndTheRestIsKept() throws ProfileException {
    ScriptInvocation call = (ScriptInvocation) RsdFixtures.run("",
        "<api:call op='utiladoPushPageToken' input='page'/>"
            + "<api:check attr='_input.q'>"
            + "<api:set attr='URI' value='https://x.test/q'/>" + CALL
            + "<api:set attr='after1' value='1'/></api:check><api:set attr='after2' value='2'/>",
        RsdFixtures.inputs("q", "1"));
    assertEquals("https://x.test/q", call.uri());
    assertEquals(2, call.statementsAfterCall().size());
    assertNull(call.attribute("after1"), "statements after the call do not run yet");
  }

  @Test
  void nestedScriptWithoutMethodRunsInPlace() throws ProfileException {
    assertEquals("in", out("<api:script><api:set attr='out' value='in'/></api:script>"));
  }

  @Test
  void unsupportedKeywordsAndOperationsFailWhenReached() {
    assertEquals("T.rsd:13: keyword <api:frobnicate> is not supported",
        failure("\n<api:frobnicate list='a,b'/>", RsdFixtures.empty()).getMessage());
    assertEquals("T.rsd:13: operation 'oauthGetAccessToken' is not supported (supported: jsonproviderGet, "
        + "xmlproviderGet, apisadoExecuteJSONGet, apisadoExecuteXMLGet, utiladoPushPageToken)",
        failure("\n<api:call op='oauthGetAccessToken'/>", RsdFixtures.empty()).getMessage());
  }

  @Test
  void aScriptWithoutProviderCallOrUriFails() {
    assertEquals("T.rsd:1: the GET script never reaches a provider call"
        + " (api:call op=\"jsonproviderGet\")",
        assertThrows(ProfileException.class, () -> RsdFixtures.run("",
            "<api:set attr='URI' value='https://x.test'/>", RsdFixtures.empty())).getMessage());
    assertEquals("T.rsd:12: the URI attribute is not set when jsonproviderGet is called",
        assertThrows(ProfileException.class, () -> RsdFixtures.run("",
            CALL, RsdFixtures.empty())).getMessage());
  }

  @Test
  void connectionUriIsTheFallbackWhenTheScriptSetsNone() throws ProfileException {
    assertEquals("https://conn.test/a", RsdFixtures.run("", CALL,
        RsdFixtures.connection("uri", "https://conn.test/a")).uri());
  }

  @Test
  void inputDefaultsApplyWhenTheCallerGaveNone() throws ProfileException {
    TableDef t = RsdFixtures.parse("<api:script><api:info><attr name='a'/>"
        + "<input name='Size' def='25'/></api:info>"
        + "<api:script method='GET'><api:set attr='URI' value='https://x.test?size=[_input.size]'/>"
        + CALL + "</api:script></api:script>");
    assertEquals("https://x.test?size=25", t.script().prepareSelect(RsdFixtures.empty()).uri());
    assertEquals("https://x.test?size=3",
        t.script().prepareSelect(new ScriptContext(map("SIZE", "3"), Map.of(), Map.of())).uri());
  }
}
