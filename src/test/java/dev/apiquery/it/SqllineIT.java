package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** sqlline, a real JDBC client, in its own JVM with only the -all jar as driver. */
class SqllineIT extends ApiTestSupport {

  private record Run(int exitCode, String output) {}

  private Run sqlline(String... sql) throws Exception {
    return sqllineWithInput(null, sql);
  }

  /** sqlline with {@code -e} for each statement, and {@code input} (if any) as its standard input. */
  private Run sqllineWithInput(String input, String... sql) throws Exception {
    String sqllineJars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> p.contains("sqlline") || p.contains("jline"))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(
        Path.javaBinary(), "-Dorg.jline.terminal.dumb=true", "-cp", sqllineJars + File.pathSeparator + ShadedJarIT.allJar(),
        "sqlline.SqlLine", "-d", "dev.apiquery.jdbc.Driver", "-u", url(""), "-n", "", "-p", "",
        "--outputFormat=csv", "--silent=true", "--showHeader=true"));
    for (String s : sql) {
      command.add("-e");
      command.add(s);
    }
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectInput(input == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.PIPE)
        .start();
    if (input != null) {
      try (var in = p.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sqlline did not finish");
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** The java launcher of this JVM. */
  private static final class Path {
    static String javaBinary() {
      return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
  }

  @Test
  void sqllinePrintsRowsAsCsv() throws Exception {
    API.stubFor(get(urlPathEqualTo("/people")).willReturn(okJson(
        "{\"data\":[{\"id\":1,\"name\":\"Ann\",\"city\":{\"name\":\"Oslo\"}},{\"id\":2,\"name\":\"Bo\",\"city\":{\"name\":\"Rome\"}}]}")));
    writeProfile("People", rsd("""
            <attr name="id" xs:type="int" other:xPath="id"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
            <attr name="city" xs:type="string" other:xPath="city/name"/>
        """, "${BASE}/people", "<api:set attr=\"JSONPath\" value=\"$.data\"/>"));
    Run run = sqlline("select id, name, city from people order by id");
    assertEquals(0, run.exitCode(), run.output());
    // Clean output: no SLF4J provider warning, no isolation-level warning.
    assertFalse(run.output().contains("SLF4J"), run.output());
    assertFalse(run.output().toLowerCase(java.util.Locale.ROOT).contains("isolation"), run.output());
    assertTrue(run.output().contains("'id','name','city'"), run.output());
    assertTrue(run.output().contains("'1','Ann','Oslo'"), run.output());
    assertTrue(run.output().contains("'2','Bo','Rome'"), run.output());
  }

  @Test
  void aFailedQueryExitsNonZeroWithTheDriversMessage() throws Exception {
    API.stubFor(get(urlPathEqualTo("/people")).willReturn(okJson("nope").withStatus(503)));
    writeProfile("People", rsd("<attr name=\"id\" xs:type=\"int\"/>", "${BASE}/people", ""));
    Run run = sqlline("select * from people");
    assertTrue(run.exitCode() != 0, run.output());
    assertTrue(run.output().contains("HTTP 503"), run.output());
    assertOneLine(run);
  }

  @Test
  void aSqlErrorIsOneLineWithItsState() throws Exception {
    writeProfile("People", rsd("<attr name=\"id\" xs:type=\"int\"/>", "${BASE}/people", ""));
    Run run = sqlline("select nosuch from people");
    assertTrue(run.exitCode() != 0, run.output());
    assertTrue(run.output().contains("Column 'nosuch' not found"), run.output());
    assertTrue(run.output().contains("42S22"), run.output());
    assertOneLine(run);
    Run write = sqlline("insert into people (id) values (1)");
    assertTrue(write.output().contains("apiquery is read-only"), write.output());
    assertOneLine(write);
    Run syntax = sqlline("select from where");
    assertTrue(syntax.output().contains("state=42000"), syntax.output());
    assertOneLine(syntax);
  }

  @Test
  void statementsReadFromStandardInputFailWithOneLineAndNoStackTrace() throws Exception {
    // Interactive sqlline, and statements piped into it, print exactly the error line: sqlline
    // prints a Java stack only for -e and -f statements, which it runs before its start-up ends.
    writeProfile("People", rsd("<attr name=\"id\" xs:type=\"int\"/>", "${BASE}/people", ""));
    Run run = sqllineWithInput("select nosuch from people;\n");
    List<String> lines = run.output().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), run.output());
    assertTrue(lines.get(0).startsWith("Error: Column 'nosuch' not found"), run.output());
    assertTrue(lines.get(0).contains("(state=42S22"), run.output());
  }

  /**
   * A failed statement gives one error line with the driver's message and SQLState, and never a
   * planner dump or parser expectation list. (sqlline itself prints the exception's Java stack
   * after that line when it runs -e statements: sqlline 1.12 treats every error before its
   * start-up ends as verbose, whatever --verbose says; statements on standard input print the
   * line alone, see statementsReadFromStandardInputFailWithOneLineAndNoStackTrace.)
   */
  private static void assertOneLine(Run run) {
    List<String> errors = run.output().lines().filter(l -> l.startsWith("Error:")).toList();
    assertEquals(1, errors.size(), run.output());
    assertTrue(errors.get(0).contains("(state="), run.output());
    assertFalse(run.output().contains("There are not enough rules"), run.output());
    assertFalse(run.output().contains("Was expecting"), run.output());
  }
}
