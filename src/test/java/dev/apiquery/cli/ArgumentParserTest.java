package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.cli.CliArguments.Command;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ArgumentParserTest {
  @Test
  void queryWithEveryOption() throws Exception {
    CliArguments a = ArgumentParser.parse("query", "--url", "jdbc:apiquery:Profile=/p", "--format", "CSV",
        "--user", "me", "--password", "pw", "-p", "Timeout=30", "--property", "ProfileSettings=a=1;b=2",
        "-v", "SELECT 1");
    assertEquals(Command.QUERY, a.command());
    assertEquals("jdbc:apiquery:Profile=/p", a.url());
    assertEquals("csv", a.format());
    assertEquals("me", a.user());
    assertEquals("pw", a.password());
    assertEquals(Map.of("Timeout", "30", "ProfileSettings", "a=1;b=2"), a.properties());
    assertEquals("SELECT 1", a.sql());
    assertTrue(a.verbose());
    Properties props = a.connectionProperties();
    assertEquals("30", props.getProperty("Timeout"));
    assertEquals("a=1;b=2", props.getProperty("ProfileSettings"));
    assertEquals("me", props.getProperty("User"));
    assertEquals("pw", props.getProperty("Password"));
    assertEquals(4, props.size());
  }

  @Test
  void defaultsAndOptionsAfterTheSqlAndInlineValues() throws Exception {
    CliArguments a = ArgumentParser.parse("query", "SELECT 1", "--url=jdbc:x:", "-p", "a=b=c");
    assertEquals("table", a.format());
    assertEquals("jdbc:x:", a.url());
    assertEquals(Map.of("a", "b=c"), a.properties());
    assertNull(a.user());
    assertFalse(a.verbose());
    assertEquals(1, a.connectionProperties().size());
  }

  @Test
  void lastRepeatWinsAndDoubleDashEndsOptions() throws Exception {
    CliArguments a = ArgumentParser.parse("explain", "--url", "u1", "--url", "u2", "-p", "k=1", "-p", "k=2",
        "--", "-1 + 1");
    assertEquals(Command.EXPLAIN, a.command());
    assertEquals("u2", a.url());
    assertEquals(Map.of("k", "2"), a.properties());
    assertEquals("-1 + 1", a.sql());
  }

  @Test
  void dashMeansStandardInput() throws Exception {
    assertEquals("-", ArgumentParser.parse("query", "--url", "u", "-").sql());
  }

  @Test
  void demoAndServe() throws Exception {
    CliArguments plain = ArgumentParser.parse("demo");
    assertEquals(Command.DEMO, plain.command());
    assertFalse(plain.serve());
    assertEquals(0, plain.port());
    CliArguments serve = ArgumentParser.parse("--verbose", "demo", "--serve", "--port", "8089");
    assertTrue(serve.serve());
    assertTrue(serve.verbose());
    assertEquals(8089, serve.port());
  }

  @Test
  void helpAndVersion() throws Exception {
    assertEquals(Command.HELP, ArgumentParser.parse().command());
    assertEquals(Command.HELP, ArgumentParser.parse("--help").command());
    assertEquals(Command.HELP, ArgumentParser.parse("-h").command());
    assertEquals(Command.HELP, ArgumentParser.parse("help").command());
    assertEquals(Command.HELP, ArgumentParser.parse("query", "--help").command());
    assertEquals(Command.VERSION, ArgumentParser.parse("--version").command());
  }

  @Test
  void badCommandLines() {
    assertMessage("unknown command 'select'", "select", "1");
    assertMessage("unknown option --nope", "--nope");
    assertMessage("unknown option --nope for query", "query", "--nope", "x");
    assertMessage("query needs --url, e.g. --url 'jdbc:apiquery:Profile=/path/to/profiles'", "query", "SELECT 1");
    assertMessage("explain needs a SQL statement", "explain", "--url", "u");
    assertMessage("query takes one SQL statement, got 2 arguments (put the SQL in quotes)",
        "query", "--url", "u", "SELECT", "1");
    assertMessage("the SQL statement is empty", "query", "--url", "u", "  ");
    assertMessage("--url needs a value", "query", "--url");
    assertMessage("unknown format 'xml' (use table, csv or json)", "query", "--url", "u", "--format", "xml", "x");
    assertMessage("--format does not apply to explain", "explain", "--url", "u", "--format", "csv", "x");
    assertMessage("--url does not apply to demo", "demo", "--url", "u");
    assertMessage("--serve does not apply to query", "query", "--serve", "--url", "u", "x");
    assertMessage("-p expects key=value, got 'Timeout'", "query", "--url", "u", "-p", "Timeout", "x");
    assertMessage("-p expects key=value, got '=1'", "query", "--url", "u", "-p", "=1", "x");
    assertMessage("--port expects a number from 0 to 65535, got 'http'", "demo", "--port", "http");
    assertMessage("--port expects a number from 0 to 65535, got '70000'", "demo", "--port", "70000");
    assertMessage("demo takes no arguments, got 'now'", "demo", "now");
    assertMessage("--serve takes no value", "demo", "--serve=yes");
  }

  private static void assertMessage(String message, String... args) {
    UsageException e = assertThrows(UsageException.class, () -> ArgumentParser.parse(args));
    assertEquals(message, e.getMessage());
  }
}
