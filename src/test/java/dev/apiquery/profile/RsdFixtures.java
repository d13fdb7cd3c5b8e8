package dev.apiquery.profile;

import dev.apiquery.profile.rsd.RsdParser;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds small RSD files and script contexts for tests. */
final class RsdFixtures {
  private RsdFixtures() {}

  static final String INFO = """
      <api:info title="T" desc="test table" xmlns:other="http://apiscript.com/ns?v1">
        <attr name="id" xs:type="string" other:xPath="id"/>
        <attr name="city" xs:type="string" other:xPath="address/city" other:filter="{city}"/>
        <attr name="status" xs:type="string" other:filter="state"/>
        <input name="q" desc="search text"/>
        <input name="since" xs:type="datetime"/>
        <input name="rows@next"/>
      </api:info>
      """;

  /** An RSD file with a standard info block, {@code global} at the top and a GET block. */
  static String rsd(String global, String get) {
    return "<api:script xmlns:api=\"http://apiscript.com/ns?v1\" "
        + "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
        + INFO + global + "\n<api:script method=\"GET\">\n" + get + "\n</api:script>\n</api:script>\n";
  }

  /** A GET block that sets {@code uri} and calls the provider. */
  static String getWithUri(String uri) {
    return "<api:set attr=\"URI\" value=\"" + uri + "\"/>\n"
        + "<api:call op=\"jsonproviderGet\"><api:push/></api:call>";
  }

  static TableDef parse(String text) throws ProfileException {
    return RsdParser.parse("T.rsd", "T", text);
  }

  static TableDef table(String global, String get) throws ProfileException {
    return parse(rsd(global, get));
  }

  static Invocation run(String global, String get, ScriptContext context) throws ProfileException {
    return table(global, get).script().prepareSelect(context);
  }

  static Invocation runUri(String uri, ScriptContext context) throws ProfileException {
    return run("", getWithUri(uri), context);
  }

  static ScriptContext empty() {
    return new ScriptContext(Map.of(), Map.of(), Map.of());
  }

  static ScriptContext inputs(String... keyValues) {
    return new ScriptContext(map(keyValues), Map.of(), Map.of());
  }

  static ScriptContext connection(String... keyValues) {
    return new ScriptContext(Map.of(), map(keyValues), Map.of());
  }

  static ScriptContext bindings(String... keyValues) {
    return new ScriptContext(Map.of(), Map.of(), map(keyValues));
  }

  static Map<String, String> map(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
