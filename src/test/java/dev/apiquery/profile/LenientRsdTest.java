package dev.apiquery.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real-world RSD quirks the parser accepts, and broken files it rejects with file and line. */
class LenientRsdTest {

  /** Like the vendor files: CRLF, tabs, U+00A0, raw &, undeclared xs:/other:, no declaration. */
  private static final String MESSY = String.join("\r\n",
      "<api:script xmlns:api=\"http://apiscript.com/ns?v1\">",
      "<!--Sets the table name-->",
      "<api:info title=\"Prospects\"\u00A0desc=\"By date\">",
      "\t<attr name=\"id\" key=\"true\" \t\txs:type=\"string\" readonly=\"true\" other:xPath=\"id\" />",
      "<attr name=\"Email\"\u00A0\u00A0xs:type=\"string\"/>",
      "<input name=\"startdate\"\u00A0\u00A0\u00A0\t\txs:type=\"date\"\u00A0other:filter=\"lastUpdatedDateStart\"\u00A0 desc=\"From\" />",
      "<input name=\"enddate\" xs:type=\"date\" />",
      "</api:info>",
      "  <api:set attr=\"Header:Name#1\"   value=\"x-api-key\" />",
      "  <api:set attr=\"Header:Value#1\"  value=\"[_connection.ApiKey]\" /> ",
      "  <api:script method=\"GET\">",
      "\t<api:set attr=\"URI\" value=\"https://app.test/user/[_connection.User]/prospects?start=[_input.startdate]&end=[_input.enddate]\" \t/>",
      "\t<api:call op=\"apisadoExecuteJSONGet\">",
      "      <api:push/>",
      "    </api:call>",
      "  </api:script>",
      " </api:script>");

  @Test
  void messyVendorStyleFileParses() throws ProfileException {
    TableDef t = RsdFixtures.parse(MESSY);
    assertEquals("Prospects", t.title());
    assertEquals("By date", t.description());
    assertEquals(3, t.location().line());
    assertEquals(List.of("id", "Email"), t.columns().stream().map(ColumnDef::name).toList());
    assertTrue(t.columns().get(0).key());
    assertEquals("Email", t.columns().get(1).xPath(), "xPath defaults to the column name");
    assertEquals(new InputDef("startdate", DataType.DATE, false, null, "From",
        "lastUpdatedDateStart"), t.inputs().get(0));

    Invocation call = t.script().prepareSelect(new ScriptContext(
        Map.of("startDate", "2024-01-01"), Map.of("apikey", "K", "USER", "me"), Map.of()));
    assertEquals("apisadoexecutejsonget", call.operation());
    assertEquals("https://app.test/user/me/prospects?start=2024-01-01", call.uri());
    assertEquals(List.of(Map.entry("x-api-key", "K")), call.headers());
  }

  @Test
  void errorLinesCountCrlfLineEndsOnce() {
    String broken = MESSY.replace("<attr name=\"Email\"", "<attr nme=\"Email\"");
    assertEquals("T.rsd:5: <attr> has no name", failure(broken));
    String unclosed = MESSY.replace("<api:push/>", "<api:push>");
    assertEquals("T.rsd:15: end tag </api:call> does not match <api:push> opened at line 14",
        failure(unclosed));
  }

  @Test
  void legacyRsbPrefixAndMixedCaseKeywords() throws ProfileException {
    String text = "<rsb:script xmlns:rsb=\"http://www.rssbus.com/ns/rsbscript/2\">\n"
        + "<rsb:info title=\"Old\" description=\"legacy\"><attr name=\"a\"/></rsb:info>\n"
        + "<RSB:SET ATTR=\"uri\" VALUE=\"https://old.test/a\"/>\n"
        + "<rsb:script method=\"get\"><Api:Call op=\"XMLPROVIDERGET\"/></rsb:script>\n"
        + "</rsb:script>";
    TableDef t = RsdFixtures.parse(text);
    assertEquals("legacy", t.description());
    Invocation call = t.script().prepareSelect(RsdFixtures.empty());
    assertEquals("xmlproviderget", call.operation());
    assertEquals("https://old.test/a", call.uri());
  }

  @Test
  void typesAndColumnAttributes() throws ProfileException {
    TableDef t = RsdFixtures.parse("<api:script><api:info>"
        + "<attr name='a' xs:type='int'/><attr name='b' xs:type='bigint'/>"
        + "<attr name='c' xs:type='decimal' columnsize='10' decimaldigits='2' readonly='TRUE'/>"
        + "<attr name='d' xs:type='date' description='dd'/><attr name='e' xs:type='time'/>"
        + "<attr name='f' xs:type='UUID'/><attr name='g'/>"
        + "<input name='i' req='true' def='7' xs:type='integer'/>"
        + "<input name='j' required='yes' default='x'/>"
        + "</api:info></api:script>");
    assertEquals(List.of(DataType.INTEGER, DataType.BIGINT, DataType.DECIMAL, DataType.DATE,
        DataType.TIME, DataType.VARCHAR, DataType.VARCHAR),
        t.columns().stream().map(ColumnDef::type).toList());
    assertEquals(new ColumnDef("c", DataType.DECIMAL, "c", false, true, null, 10, 2, null),
        t.columns().get(2));
    assertEquals("dd", t.columns().get(3).description());
    assertEquals(new InputDef("i", DataType.INTEGER, true, "7", null, null), t.inputs().get(0));
    assertEquals(new InputDef("j", DataType.VARCHAR, true, "x", null, null), t.inputs().get(1));
  }

  @Test
  void anUnknownTypeIsAnErrorNotSilentlyText() {
    assertEquals("T.rsd:2: unknown xs:type \"integr\" in <attr name=\"n\"> (string, int, long,"
        + " double, decimal, boolean, date, datetime, time, ...: see docs/rsd.md)",
        failure("<api:script><api:info><attr name='a'/>\n<attr name='n' xs:type='integr'/>"
            + "</api:info></api:script>"));
  }

  @Test
  void unknownFromCDatasGeneratorIsTextAndOnlyTheAggregateValueFormatIsAccepted() throws ProfileException {
    TableDef t = RsdFixtures.parse("<api:script><api:info><attr name='memo' xs:type='unknown'/>"
        + "<attr name='tags' xs:type='string' other:xPath='/Job/Item/Tags' other:valueFormat='aggregate'/>"
        + "</api:info></api:script>");
    assertEquals(DataType.VARCHAR, t.columns().get(0).type());
    assertEquals(DataType.VARCHAR, t.columns().get(1).type());
    assertEquals("T.rsd:2: other:valueFormat=\"delimited\" in <attr name=\"tags\"> is not supported (only aggregate: "
        + "see docs/rsd.md)", failure("<api:script><api:info><attr name='a'/>\n"
            + "<attr name='tags' other:valueFormat='delimited'/></api:info></api:script>"));
  }

  @Test
  void rowsNextIsNeverAnInputAndAnInputMayShareItsColumnsExactName() throws ProfileException {
    TableDef t = RsdFixtures.parse("<api:script><api:info><attr name='id'/>"
        + "<input name='ROWS@NEXT'/><input name='id' other:filter='{id}'/></api:info></api:script>");
    assertEquals(List.of("id"), t.inputs().stream().map(InputDef::name).toList());
  }

  private static String failure(String text) {
    return assertThrows(ProfileException.class, () -> RsdFixtures.parse(text)).getMessage();
  }

  @Test
  void brokenFilesFailWithFileAndLine() {
    assertEquals("T.rsd:3: <attr> has no name",
        failure("<api:script>\n<api:info>\n<attr xs:type='string'/>\n</api:info></api:script>"));
    assertEquals("T.rsd:2: <api:info> is never closed",
        failure("<api:script>\n<api:info>\n<attr name='a'/>\n"));
    assertTrue(failure("<api:script>\n<api:info><attr name='a'/>\n</api:info>\n"
        + "<api:script method='GET'>\n</api:script>\n</api:scrip>").startsWith("T.rsd:6: "));
    assertEquals("T.rsd:1: no <api:info> element: an RSD file must declare its columns in"
        + " <api:info>", failure("<api:script>\n<api:set attr='a' value='b'/></api:script>"));
    assertEquals("T.rsd:2: <api:info> declares no <attr> columns",
        failure("<api:script>\n<api:info><input name='x'/></api:info></api:script>"));
  }

  @Test
  void aRepeatedNameIsAWarningAndTheFirstDeclarationWins() throws ProfileException {
    TableDef t = RsdFixtures.parse("<api:script><api:info desc='People'>\n<attr name='id' other:xPath='id'/>"
        + "\n<attr name='ID' other:xPath='other/id' xs:type='int'/>\n<input name='q'/>\n<input name='q'/>"
        + "</api:info></api:script>");
    assertEquals(List.of("id"), t.columns().stream().map(ColumnDef::name).toList());
    assertEquals("id", t.columns().get(0).xPath());
    assertEquals(DataType.VARCHAR, t.columns().get(0).type());
    assertEquals(List.of("q"), t.inputs().stream().map(InputDef::name).toList());
    assertEquals("People [warning: T.rsd:3: column 'ID' is declared again (first as 'id' at line 2);"
        + " the first declaration is used; T.rsd:5: input 'q' is declared again (first as 'q' at"
        + " line 4); the first declaration is used]", t.description());
  }

  @Test
  void namesThatDifferOnlyByCaseBetweenColumnAndInputAreRejected() {
    assertEquals("T.rsd:2: 'Id' differs only by case from column 'id' at line 1",
        failure("<api:script><api:info><attr name='id'/>\n<input name='Id'/></api:info></api:script>"));
  }

  @Test
  void badScriptsFailAtLoadTimeWithFileAndLine() {
    // An unknown formatter loads; it fails only the query that reaches it.
    assertEquals("T.rsd:13: formatter shout in [x]: unknown formatter (docs/rsd.md lists the"
        + " formatters apiquery supports)", assertThrows(ProfileException.class,
            () -> RsdFixtures.run("", "\n<api:set attr='a' value='[x | shout]'/>",
                RsdFixtures.empty())).getMessage());
    assertTrue(failure(RsdFixtures.rsd("", "\n<api:if attr='a' value='1' operator='like'/>"))
        .startsWith("T.rsd:13: unknown operator 'like'"));
    assertEquals("T.rsd:13: <api:else> does not follow an api:check or api:if",
        failure(RsdFixtures.rsd("", "\n<api:else/>")));
    assertEquals("T.rsd:13: <api:set> has no attr attribute",
        failure(RsdFixtures.rsd("", "\n<api:set value='x'/>")));
    assertEquals("T.rsd:13: <api:call> has no op attribute",
        failure(RsdFixtures.rsd("", "\n<api:call/>")));
    assertEquals("T.rsd:9: columnsize=\"big\" is not a whole number (in <attr name=\"z\">)",
        failure(RsdFixtures.rsd("", "").replace("</api:info>",
            "<attr name='z' columnsize='big'/>\n</api:info>")));
  }
}
