package dev.apiquery.profile.script.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** References and every formatter, expanded against a fixed set of values. */
class FormattersTest {
  private static final SourceLocation AT = new SourceLocation("T.rsd", 7);

  private static final Map<String, String> VALUES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  static {
    VALUES.put("x", "Hello World");
    VALUES.put("n", "5");
    VALUES.put("temp.pagesize", "100");
    VALUES.put("d", "2024-01-05");
    VALUES.put("dt", "2024-01-05T09:12:30");
    VALUES.put("dtz", "2024-01-05T10:12:00+01:00");
    VALUES.put("empty", "");
  }

  private static String expand(String template) throws ProfileException {
    return Template.parse(template, AT).expand(VALUES::get);
  }

  private static String expand(String template, String value) throws ProfileException {
    return Template.parse(template, AT).expand(name -> name.equals("v") ? value : null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "[x | urlencode] => Hello%20World",
      "[x | URLENCODE | urldecode] => Hello World",
      "[x | tolower] => hello world",
      "[x | toupper] => HELLO WORLD",
      "[x | replace(' ', '_')] => Hello_World",
      "[x | replace(o)] => Hell Wrld",
      "[x | replace('o', \"0\")] => Hell0 W0rld",
      "[x | replace('l', '''')] => He''o Wor'd",
      "[x | tolower | replace(' ', '-') | urlencode] => hello-world",
      "[n | add(1)] => 6",
      "[n | add(-7)] => -2",
      "[n | add(0.25)] => 5.25",
      "[n | add([temp.pagesize])] => 105",
      "[missing | add(100)] => 100",
      "[n | multiply(2.5)] => 12.5",
      "[temp.pagesize | multiply(10)] => 1000",
      "[n | multiply([n])] => 25",
      "[missing | def(7)] => 7",
      "[empty | default('a, b')] => a, b",
      "[n | def(7)] => 5",
      "[missing | def([n])] => 5",
      "[missing | isnull] => true",
      "[n | isnull] => false",
      "[missing | isnull(z)] => z",
      "[n | isnull(z)] => 5",
      "[x | equals('Hello World')] => true",
      "[x | equals(hello world)] => false",
      "[x | startswith(Hell)] => true",
      "[x | endswith(World)] => true",
      "[x | endswith(Hello)] => false",
      "[x | contains('o W')] => true",
      "`  [ X |TRIM| tolower ]  ` => `  hello world  `",
      "[d | todate(yyyy/MM/dd)] => 2024/01/05",
      "[d | todate('yyyy-MM-dd''T''HH:mm:ss')] => 2024-01-05T00:00:00",
      "[dt | todate('yyyy-MM-dd''T''HH:mm:ss')] => 2024-01-05T09:12:30",
      "[dt | todate('dd.MM.yy HH''h''')] => 05.01.24 09h",
      "[dtz | todate('yyyy-MM-dd HH:mm XXX')] => 2024-01-05 09:12 Z",
      "[empty | todate(yyyy)] => ``",
  })
  void formatter(String template, String expected) throws ProfileException {
    assertEquals(expected, expand(template));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", value = {
      "2024-01-05 09:12:00 => 2024-01-05 09:12:00.000",
      "2024-01-05T09:12:00.5Z => 2024-01-05 09:12:00.500",
      "2024-01-05T11:12:00+0200 => 2024-01-05 09:12:00.000",
      "2024-01-05T09:12 => 2024-01-05 09:12:00.000",
  })
  void todateReadsTheUsualIsoSpellingsAndNormalisesToUtc(String input, String expected)
      throws ProfileException {
    assertEquals(expected, expand("[v | todate('yyyy-MM-dd HH:mm:ss.SSS')]", input));
  }

  @Test
  void todateWithAnInputPattern() throws ProfileException {
    assertEquals("2024-01-05", expand("[v | todate(yyyy-MM-dd, 'dd/MM/yyyy')]", "05/01/2024"));
  }

  @Test
  void literalBracketsThatAreNotReferencesStayText() throws ProfileException {
    assertEquals("$.items[*]", expand("$.items[*]"));
    assertEquals("$.a[0].b", expand("$.a[0].b"));
    assertEquals("a[]b [ x y ] [", expand("a[]b [ x y ] ["));
    assertEquals("[?(@.id)]", expand("[?(@.id)]"));
    assertTrue(Template.parse("$.items[*]", AT).isLiteral());
    assertFalse(Template.parse("a[x]", AT).isLiteral());
  }

  @Test
  void referencesIgnoreCaseAndUnsetOnesAreEmpty() throws ProfileException {
    assertEquals("<Hello World|5|>", expand("<[X]|[N]|[nothing.here]>"));
    assertEquals("100", expand("[TEMP.PageSize]"));
  }

  private static String loadError(String template) {
    return assertThrows(ProfileException.class, () -> Template.parse(template, AT)).getMessage();
  }

  @Test
  void syntaxMistakesFailAtLoadTimeNamingFileAndLine() {
    assertEquals("T.rsd:7: reference [x ... is missing its closing ']'", loadError("[x | tolower"));
    assertEquals("T.rsd:7: formatter 'def' is missing its closing ')'", loadError("[x | def(a]"));
    assertEquals("T.rsd:7: missing formatter name after '|' in reference [x]", loadError("[x | ]"));
    assertEquals("T.rsd:7: unterminated ' in the arguments of 'def'", loadError("[x | def('a)]"));
  }

  private static String runError(String template) throws ProfileException {
    Template compiled = Template.parse(template, AT);
    return assertThrows(ProfileException.class, () -> compiled.expand(VALUES::get)).getMessage();
  }

  @Test
  void misusedFormattersCompileAndFailOnlyWhenEvaluatedNamingFileLineAndFormatter()
      throws ProfileException {
    assertEquals("T.rsd:7: formatter frobnicate in [x]: unknown formatter (docs/rsd.md lists the"
        + " formatters apiquery supports)", runError("[x | frobnicate]"));
    assertEquals("T.rsd:7: formatter frobnicate in [x]: unknown formatter (docs/rsd.md lists the"
        + " formatters apiquery supports)", runError("[x | tolower | frobnicate('a', [n])]"));
    assertEquals("T.rsd:7: formatter replace in [x]: takes 1 to 2 arguments, not 3",
        runError("[x | replace(a,b,c)]"));
    assertEquals("T.rsd:7: formatter tolower in [x]: takes 0 arguments, not 1",
        runError("[x | tolower(a)]"));
    assertEquals("T.rsd:7: formatter modulus in [x]: takes 1 argument, not 0",
        runError("[x | modulus]"));
    assertTrue(runError("[d | todate('yyyy-MM-dd{HH')]")
        .startsWith("T.rsd:7: formatter todate in [d]: invalid date pattern 'yyyy-MM-dd{HH'"));
  }

  @Test
  void formatterFailuresAtRunTimeNameFileLineAndFormatter() {
    assertEquals("T.rsd:7: formatter add in [x]: 'Hello World' is not a number",
        assertThrows(ProfileException.class, () -> expand("[x | add(1)]")).getMessage());
    assertEquals("T.rsd:7: formatter multiply in [n]: argument 'x' is not a number",
        assertThrows(ProfileException.class, () -> expand("[n | multiply(x)]")).getMessage());
    assertTrue(assertThrows(ProfileException.class, () -> expand("[x | todate(yyyy)]"))
        .getMessage().startsWith("T.rsd:7: formatter todate in [x]: 'Hello World' is not a date"));
  }
}
