package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export command as shipped: the -all driver jar carries no DuckDB, H2 or progress bar and
 * still exports to files on its own; {@code bin/apiquery} adds target/cli-lib (and DuckDB's
 * native library, stored, in target/cli-native), so a DuckDB target works from a fresh clone
 * with no extra step.
 */
class CliJarIT extends ApiTestSupport {
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path work;

  @BeforeEach
  void api() throws Exception {
    API.stubFor(get(urlPathEqualTo("/things")).willReturn(okJson("[{\"id\":1,\"name\":\"one\"},{\"id\":2,\"name\":\"two\"}]")));
    writeProfile("Things", rsd("""
            <attr name="id" xs:type="int" other:xPath="id"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
        """, "${BASE}/things", ""));
  }

  @Test
  void theDriverJarHasNoExportTargetsInside() throws Exception {
    try (JarFile jar = new JarFile(ShadedJarIT.allJar().toFile())) {
      List<String> extras = jar.stream().map(e -> e.getName())
          .filter(n -> n.startsWith("org/duckdb/") || n.startsWith("org/h2/") || n.startsWith("me/tongfei/")
              || n.startsWith("org/jline/") || n.startsWith("libduckdb"))
          .limit(5).toList();
      assertEquals(List.of(), extras);
    }
  }

  @Test
  void theDriverJarAloneExportsToCsvAndNamesTheMissingDuckDbDriver() throws Exception {
    Path csv = work.resolve("things.csv");
    Result ok = run(List.of(JAVA, "-jar", ShadedJarIT.allJar().toString(), "export", "--url", url(""),
        "--to", csv.toString(), "SELECT * FROM Things"));
    assertEquals(0, ok.status, ok.output);
    // SELECT * is exported as it is, _row included (docs/cli.md).
    assertEquals("id,name,_row\r\n1,one,0\r\n2,two,1\r\n", Files.readString(csv));
    Result missing = run(List.of(JAVA, "-jar", ShadedJarIT.allJar().toString(), "export", "--url", url(""),
        "--to", "jdbc:duckdb:" + work.resolve("x.duckdb"), "SELECT * FROM Things"));
    assertEquals(1, missing.status, missing.output);
    assertTrue(missing.output.contains("No suitable driver"), missing.output);
    assertFalse(missing.output.contains("NoClassDefFoundError"), missing.output);
  }

  @Test
  void binApiqueryExportsIntoDuckDb() throws Exception {
    Path duck = work.resolve("demo.duckdb");
    Result r = run(List.of("bin/apiquery", "export", "--url", url(""), "--to", "jdbc:duckdb:" + duck,
        "SELECT * FROM Things"));
    assertEquals(0, r.status, r.output);
    assertTrue(r.output.contains("exported 2 rows into table \"Things\""), r.output);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duck);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT string_agg(name, ',' ORDER BY id) FROM things")) {
      assertTrue(rs.next());
      assertEquals("one,two", rs.getString(1));
    }
  }

  /**
   * DuckDB's driver copies its native library out of the first jar on the class path that holds
   * it, on every start; bin/apiquery puts target/cli-native/ first, where the build stored this
   * platform's library uncompressed, so no export inflates 70 MB (docs/performance.md).
   */
  @Test
  void binApiquerysDuckDbFindsItsNativeLibraryStoredUncompressed() throws Exception {
    Method name = Class.forName("org.duckdb.DuckDBNative", false, getClass().getClassLoader())
        .getDeclaredMethod("nativeLibName");
    name.setAccessible(true);
    String entry = (String) name.invoke(null);
    File[] natives = new File("target/cli-native").listFiles((dir, n) -> n.endsWith(".jar"));
    assertTrue(natives != null && natives.length == 1, "target/cli-native holds one jar (a profile of pom.xml names "
        + entry + " for this platform)");
    try (JarFile jar = new JarFile(natives[0])) {
      JarEntry stored = jar.getJarEntry(entry);
      assertTrue(stored != null, entry + " in " + natives[0]);
      assertEquals(ZipEntry.STORED, stored.getMethod());
    }
    // The class path in bin/apiquery's order: the resource DuckDB asks for comes from that jar.
    List<URL> path = new ArrayList<>(List.of(natives[0].toURI().toURL()));
    for (File lib : new File("target/cli-lib").listFiles((dir, n) -> n.endsWith(".jar"))) {
      path.add(lib.toURI().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(path.toArray(URL[]::new), null)) {
      URL found = Class.forName("org.duckdb.DuckDBNative", false, loader).getResource("/" + entry);
      assertTrue(found.toString().contains("cli-native"), String.valueOf(found));
    }
    String script = Files.readString(Path.of("bin/apiquery"));
    assertTrue(script.contains("-cp \"$jar:$repo/target/cli-native/*:$repo/target/cli-lib/*\""), "bin/apiquery's class path");
  }

  /**
   * The class-data sharing archive that bin/apiquery writes on its first run holds Calcite's
   * planner even when that run's query is plain (prepared without it): a later query that Calcite
   * plans maps the planner's classes from the archive instead of loading them from the jar.
   */
  @Test
  void binApiquerysArchiveHoldsThePlannerAfterAPlainFirstQuery() throws Exception {
    Files.deleteIfExists(Path.of("target/apiquery-cli.jsa"));
    Result first = run(List.of("bin/apiquery", "query", "--url", url(""), "-f", "csv", "SELECT * FROM Things"), Map.of());
    assertEquals(0, first.status, first.output);
    assertTrue(Files.isRegularFile(Path.of("target/apiquery-cli.jsa")), "the archive was written");
    Result planned = run(List.of("bin/apiquery", "query", "--url", url(""), "-f", "csv",
        "SELECT name FROM Things WHERE name LIKE 't%'"), Map.of("APIQUERY_JAVA_OPTS", "-Xlog:class+load=info"));
    assertEquals(0, planned.status, planned.output);
    assertTrue(planned.output.contains("two"), planned.output);
    for (String name : List.of("plan.volcano.VolcanoPlanner", "sql.parser.babel.SqlBabelParserImpl")) {
      assertTrue(planned.output.contains(name + " source: shared objects file"), name + " not from the archive");
    }
  }

  private record Result(int status, String output) {}

  private static Result run(List<String> command) throws Exception {
    return run(command, Map.of());
  }

  private static Result run(List<String> command, Map<String, String> environment) throws Exception {
    Path log = Files.createTempFile("apiquery-cli", ".log");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished: " + command);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(p.exitValue(), output);
  }
}
