package dev.apiquery.profile;

import static dev.apiquery.profile.RsdFixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DESIGN section 8: how references, placeholders and filters end up in the request URI. */
class UriRulesTest {
  private static String uri(String uri, ScriptContext context) throws ProfileException {
    return RsdFixtures.runUri(uri, context).uri();
  }

  private static ScriptContext q(String value) {
    return RsdFixtures.inputs("q", value);
  }

  @Test
  void referenceValuesAreEncodedOnceAsComponents() throws ProfileException {
    assertEquals("https://x.test/s?q=a%20b%26c%3Dd%2B%C3%BC%25&n=1",
        uri("https://x.test/s?q=[_input.q]&amp;n=1", q("a b&c=d+ü%")));
    assertEquals("https://x.test/users/a%2Fb%3F/x",
        uri("https://x.test/users/[_input.q]/x", q("a/b?")));
  }

  @Test
  void urlencodeIsNotEncodedTwice() throws ProfileException {
    assertEquals("https://x.test/s?q=a%20b%26c%3Dd%2B%C3%BC%25",
        uri("https://x.test/s?q=[_input.q | urlencode]", q("a b&c=d+ü%")));
  }

  @Test
  void theUriBuiltSoFarIsNotReEncoded() throws ProfileException {
    Invocation call = RsdFixtures.run("",
        "<api:set attr='URI' value='https://x.test/s?a=[_input.q]'/>"
            + "<api:set attr='uri' value='[URI]&amp;b=[_input.q]'/>"
            + "<api:call op='jsonproviderGet'/>", q("1 2"));
    assertEquals("https://x.test/s?a=1%202&b=1%202", call.uri());
  }

  @Test
  void aLeadingReferenceIsTheBaseUrlAndKeepsItsSlashes() throws ProfileException {
    assertEquals("https://h.test/api%20v1/items?x=a%2Fb", uri("[_connection.BaseUrl]/items?x=[_input.q]",
        new ScriptContext(map("q", "a/b"), map("baseurl", "https://h.test/api v1"), Map.of())));
    assertEquals("https://h.test/next?page=2&x=%7B%7D",
        uri("[_input.rows@next]", RsdFixtures.inputs("ROWS@NEXT", "https://h.test/next?page=2&x={}")));
  }

  @Test
  void onlyUriAttributesAreEncoded() throws ProfileException {
    Invocation call = RsdFixtures.run("<api:set attr='other' value='[_input.q]'/>",
        RsdFixtures.getWithUri("https://x.test"), q("a b&c"));
    assertEquals("a b&c", call.attribute("other"));
  }

  @Test
  void emptyQueryParametersAreDropped() throws ProfileException {
    assertEquals("https://x.test/s?b=1",
        uri("https://x.test/s?a=[_input.q]&amp;b=1&amp;c=&amp;&amp;d=[_connection.none]", q("")));
    assertEquals("https://x.test/s", uri("https://x.test/s?a=[_input.q]", RsdFixtures.empty()));
    assertEquals("https://x.test/s?flag#frag", uri("https://x.test/s?flag&amp;a=#frag",
        RsdFixtures.empty()));
  }

  @Test
  void placeholdersAreFilledEncodedOrDropTheirParameter() throws ProfileException {
    String template = "https://x.test/s?city={city}&amp;q=name:{CITY}&amp;x=1";
    assertEquals("https://x.test/s?city=New%20York%26Co&q=name:New%20York%26Co&x=1",
        uri(template, RsdFixtures.bindings("City", "New York&Co")));
    assertEquals("https://x.test/s?x=1", uri(template, RsdFixtures.empty()));
    assertEquals("https://x.test/s?x=1", uri(template, RsdFixtures.bindings("city", "")));
    assertEquals("https://x.test/c/Oslo/x", uri("https://x.test/c/{city}/x",
        RsdFixtures.bindings("city", "Oslo")));
  }

  @Test
  void bareNameFilterBindingsAreAppendedWhenTheUriLacksThem() throws ProfileException {
    // the fixture table declares other:filter="state" (bare) and "{city}" (placeholder)
    assertEquals("https://x.test/s?x=1&state=open%20now",
        uri("https://x.test/s?x=1", RsdFixtures.bindings("STATE", "open now")));
    assertEquals("https://x.test/s?state=open", uri("https://x.test/s",
        RsdFixtures.bindings("state", "open")));
    assertEquals("https://x.test/s?State=closed", uri("https://x.test/s?State=closed",
        RsdFixtures.bindings("state", "open")));
    assertEquals("https://x.test/s?state=open", uri("https://x.test/s?state=[_input.q]",
        RsdFixtures.bindings("state", "open")));
    // undeclared names and placeholder filters are not appended
    assertEquals("https://x.test/s", uri("https://x.test/s",
        RsdFixtures.bindings("foo", "1", "city", "Oslo")));
  }

  @Test
  void literalTextIllegalInUrisIsEscapedButExistingEscapesAreKept() throws ProfileException {
    assertEquals("https://x.test/a%20b?x=y%20z&p=%41&pct=100%25&j=%7B%22a%22:1%7D",
        uri("https://x.test/a b?x=y z&amp;p=%41&amp;pct=100%&amp;j={&quot;a&quot;:1}",
            RsdFixtures.empty()));
  }

  @Test
  void headersComeInNumberOrder() throws ProfileException {
    Invocation call = RsdFixtures.run(
        "<api:set attr='Header:Name#10' value='X-Ten'/><api:set attr='Header:Value#10' value='10'/>"
            + "<api:set attr='header:name#2' value='X-Two'/>"
            + "<api:set attr='HEADER:VALUE#2' value='[_connection.token]'/>"
            + "<api:set attr='Header:Name#1' value='X-One'/><api:set attr='Header:Value#1' value='1'/>"
            + "<api:set attr='Header:Name#3' value=''/><api:set attr='Header:Value#3' value='x'/>"
            + "<api:set attr='Header:Name#4' value='X-NoValue'/>",
        RsdFixtures.getWithUri("https://x.test"), RsdFixtures.connection("TOKEN", "t"));
    assertEquals(List.of(Map.entry("X-One", "1"), Map.entry("X-Two", "t"),
        Map.entry("X-NoValue", ""), Map.entry("X-Ten", "10")), call.headers());
  }

  @Test
  void attributesHoldEverythingCaseInsensitivelyAndAreReadOnly() throws ProfileException {
    Invocation call = RsdFixtures.run(
        "<api:set attr='EnablePaging' value='true'/><api:set attr='pagesize' value='50'/>"
            + "<api:set attr='temp.x' value='not default item'/>",
        "<api:set attr='Method' value='get'/>" + RsdFixtures.getWithUri("https://x.test/?a={city}"),
        RsdFixtures.empty());
    assertEquals("GET", call.method());
    assertEquals("true", call.attributes().get("ENABLEPAGING"));
    assertEquals("50", call.attribute("PageSize"));
    assertEquals("https://x.test/", call.attributes().get("uri"));
    assertEquals(null, call.attribute("temp.x"));
    assertEquals(null, call.attribute("x"));
    assertEquals(4, call.attributes().size());
    assertThrows(UnsupportedOperationException.class, () -> call.attributes().put("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> call.headers().add(Map.entry("a", "b")));
  }

  @Test
  void methodDefaultsToGet() throws ProfileException {
    assertEquals("GET", RsdFixtures.runUri("https://x.test", RsdFixtures.empty()).method());
  }

  @Test
  void referencesIgnoreCase() throws ProfileException {
    Invocation call = RsdFixtures.run("<api:set attr='Temp.Page' value='3'/>",
        RsdFixtures.getWithUri(
            "https://x.test/?a=[_INPUT.Q]&amp;b=[_Connection.apikey]&amp;c=[TEMP.page]&amp;d=[uri]"),
        new ScriptContext(map("q", "1"), map("ApiKey", "k"), Map.of()));
    assertEquals("https://x.test/?a=1&b=k&c=3", call.uri());
  }
}
