package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The whole tool on Calcite's own {@code jdbc:calcite:} URL (the apiquery driver needs a profile). */
class MainTest {
  private static final String CALCITE = "jdbc:calcite:";
  private static final String VALUES =
      "SELECT * FROM (VALUES (1, CAST('a,b' AS VARCHAR)), (2, CAST('c' AS VARCHAR))) AS t(\"id\", \"name\") ORDER BY \"id\"";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private String stdin = "";

  private int run(String... args) {
    return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void queryPrintsATableByDefault() {
    assertEquals(0, run("query", "--url", CALCITE, VALUES));
    assertEquals("id | name\n---+-----\n 1 | a,b\n 2 | c\n(2 rows)\n", out.toString().replace("\r\n", "\n"));
    assertEquals("", err.toString());
  }

  @Test
  void queryAsCsvAndJson() {
    assertEquals(0, run("query", "--format", "csv", "--url", CALCITE, VALUES));
    assertEquals("id,name\r\n1,\"a,b\"\r\n2,c\r\n", out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("query", "-f", "json", "--url", CALCITE, VALUES + " ;  "));
    assertEquals("[\n  {\"id\":1,\"name\":\"a,b\"},\n  {\"id\":2,\"name\":\"c\"}\n]\n",
        out.toString().replace("\r\n", "\n"));
  }

  @Test
  void sqlFromStandardInput() {
    stdin = "SELECT 42 AS \"answer\";\n";
    assertEquals(0, run("query", "--url", CALCITE, "--format", "csv", "-"));
    assertEquals("answer\r\n42\r\n", out.toString());
  }

  @Test
  void explainPrintsThePlan() {
    assertEquals(0, run("explain", "--url", CALCITE, "SELECT * FROM (VALUES (1)) AS t(x)"));
    assertTrue(out.toString().startsWith("EnumerableValues(tuples=[[{ 1 }]])"), out.toString());
  }

  @Test
  void sqlErrorIsOneMessageAndExitOne() {
    assertEquals(1, run("query", "--url", CALCITE, "SELECT * FROM no_such_table"));
    assertTrue(err.toString().contains("Object 'NO_SUCH_TABLE' not found"), err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void verboseAddsTheStackTrace() {
    assertEquals(1, run("query", "--verbose", "--url", CALCITE, "SELECT * FROM no_such_table"));
    assertTrue(err.toString().contains("Object 'NO_SUCH_TABLE' not found"), err.toString());
    assertTrue(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void urlNoDriverAcceptsIsExitOne() {
    assertEquals(1, run("query", "--url", "jdbc:nothing:here", "SELECT 1"));
    assertTrue(err.toString().contains("No suitable driver"), err.toString());
  }

  @Test
  void badCommandLineIsExitTwoOnStderr() {
    assertEquals(2, run("frobnicate"));
    assertEquals("apiquery: unknown command 'frobnicate'\nRun 'apiquery --help' for usage.\n",
        err.toString().replace("\r\n", "\n"));
    assertEquals("", out.toString());
  }

  @Test
  void helpOnNoArgumentsAndOnHelp() {
    assertEquals(0, run());
    assertTrue(out.toString().startsWith("Usage: apiquery <command> [options]"), out.toString());
    for (String command : new String[] {"query", "explain", "export", "demo", "help", "generate-completion"}) {
      assertTrue(out.toString().contains("\n  " + command + " "), command + " in " + out);
    }
    assertTrue(out.toString().contains("-p \"Password=\\${env:API_PASSWORD}\""), out.toString());
    String first = out.toString();
    out.getBuffer().setLength(0);
    assertEquals(0, run("--help"));
    assertEquals(first, out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void version() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().matches("apiquery \\d+\\.\\d+\\.\\d+.*\\R"), out.toString());
  }
}
