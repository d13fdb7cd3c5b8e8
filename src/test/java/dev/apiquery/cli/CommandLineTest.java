package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The command line's grammar through {@link Main#run}: option forms, help of each command,
 * completion script, and every usage error (exit status 2, one message, nothing on stdout).
 */
class CommandLineTest {
  private static final String CALCITE = "jdbc:calcite:";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void optionsAfterTheSqlInlineValuesAndDoubleDash() {
    assertEquals(0, run("query", "SELECT 1 AS \"x\"", "--url=" + CALCITE, "-f", "CSV", "-p", "a=b=c"));
    assertEquals("x\r\n1\r\n", out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("query", "--url", "jdbc:nothing:", "--url", CALCITE, "--format", "csv", "--",
        "--help is an SQL comment here\nSELECT 2 AS \"y\""), err.toString());
    assertEquals("y\r\n2\r\n", out.toString());
  }

  @Test
  void verboseBeforeOrAfterTheCommand() {
    assertEquals(1, run("-v", "query", "--url", CALCITE, "SELECT * FROM nope"));
    assertTrue(err.toString().contains("\tat "), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(1, run("query", "--url", CALCITE, "SELECT * FROM nope", "--verbose"));
    assertTrue(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void helpOfEachCommand() {
    assertEquals(0, run("query", "--help"));
    assertTrue(out.toString().startsWith("Usage: apiquery query "), out.toString());
    assertTrue(out.toString().contains("--format=FORMAT"), out.toString());
    assertTrue(out.toString().contains("-p, --property=KEY=VALUE"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("demo", "-h"));
    assertTrue(out.toString().contains("--serve"), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void completionScriptForBashAndZsh() {
    assertEquals(0, run("generate-completion"));
    String script = out.toString();
    assertTrue(script.contains("complete -F _complete_apiquery"), script.substring(0, 200));
    assertTrue(script.contains("query explain export demo"), "subcommands are completed");
    assertTrue(script.contains("--incremental"), "export's options are completed");
  }

  @Test
  void badCommandLines() {
    usage("unknown command 'select'", "apiquery", "select", "1");
    usage("Unknown option: '--nope'", "apiquery", "--nope");
    usage("Unknown option: '--nope'", "apiquery query", "query", "--url", "u", "--nope", "x");
    usage("Missing required option: '--url=URL'", "apiquery query", "query", "SELECT 1");
    usage("explain needs a SQL statement", "apiquery explain", "explain", "--url", "u");
    usage("query takes one SQL statement, got 2 arguments (put the SQL in quotes)", "apiquery query",
        "query", "--url", "u", "SELECT", "1");
    usage("the SQL statement is empty", "apiquery query", "query", "--url", "u", "  ");
    usage("Missing required parameter for option '--url' (URL)", "apiquery query", "query", "--url");
    usage("unknown format 'xml' (use table, csv or json)", "apiquery query", "query", "--url", "u", "--format", "xml", "x");
    usage("Unknown option: '--format'", "apiquery explain", "explain", "--url", "u", "--format", "csv", "x");
    usage("Unknown options: '--url', 'u'", "apiquery demo", "demo", "--url", "u");
    usage("Unknown option: '--serve'", "apiquery query", "query", "--serve", "--url", "u", "x");
    usage("Value for option option '--property' (KEY=VALUE) should be in KEY=VALUE format but was Timeout",
        "apiquery query", "query", "--url", "u", "-p", "Timeout", "x");
    usage("-p expects KEY=VALUE with a key, got '=1'", "apiquery query", "query", "--url", "u", "-p", "=1", "x");
    usage("Invalid value for option '--port': 'http' is not an int", "apiquery demo", "demo", "--port", "http");
    usage("--port expects a number from 0 to 65535, got '70000'", "apiquery demo", "demo", "--port", "70000");
    usage("Unmatched argument at index 1: 'now'", "apiquery demo", "demo", "now");
  }

  private void usage(String message, String command, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(2, run(args), err.toString());
    assertEquals("apiquery: " + message + "\nRun '" + command + " --help' for usage.\n",
        err.toString().replace("\r\n", "\n"));
    assertEquals("", out.toString());
  }
}
