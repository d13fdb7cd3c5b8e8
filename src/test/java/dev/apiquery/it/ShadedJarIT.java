package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The one jar a DBeaver user adds: everything inside, only our driver announced, and it works
 * from a class loader that sees nothing else, with no context class loader (as in DBeaver and
 * Spark).
 */
class ShadedJarIT extends ApiTestSupport {
  static Path allJar() {
    Path jar = Path.of(System.getProperty("apiquery.allJar", "target/missing-all.jar"));
    assertTrue(Files.isRegularFile(jar), "run through `mvnw verify`: no " + jar);
    return jar;
  }

  @Test
  void theJarAnnouncesOnlyOurDriverAndCarriesNoSignatures() throws Exception {
    try (JarFile jar = new JarFile(allJar().toFile())) {
      JarEntry services = jar.getJarEntry("META-INF/services/java.sql.Driver");
      try (InputStream in = jar.getInputStream(services)) {
        assertEquals("dev.apiquery.jdbc.Driver", new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
      }
      List<String> signatures = new ArrayList<>();
      List<String> unrelocated = new ArrayList<>();
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)")) {
          signatures.add(name);
        }
        // Only the driver's own classes keep their names; every dependency is relocated.
        if (name.endsWith(".class") && !name.startsWith("dev/apiquery/")) {
          unrelocated.add(name);
        }
      }
      assertEquals(List.of(), signatures);
      assertEquals(List.of(), unrelocated.stream().limit(5).toList());
      for (String relocated : List.of("okhttp3/OkHttpClient", "org/apache/calcite/jdbc/Driver",
          "org/codehaus/janino/CompilerFactory", "org/slf4j/LoggerFactory", "com/jayway/jsonpath/JsonPath",
          "net/minidev/json/JSONValue")) {
        assertTrue(jar.getJarEntry("dev/apiquery/shaded/" + relocated + ".class") != null, relocated);
      }
    }
  }

  @Test
  void aQueryRunsThroughTheJarInAnIsolatedClassLoader() throws Exception {
    API.stubFor(get(urlPathEqualTo("/things")).willReturn(okJson("[{\"id\":1,\"name\":\"one\"},{\"id\":2,\"name\":\"two\"}]")));
    writeProfile("Things", rsd("""
            <attr name="id" xs:type="int" other:xPath="id"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
        """, "${BASE}/things", ""));
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    // The parent sees another Calcite and Janino, as in Spark (which ships its own Janino) or a
    // tool that loads every driver into one loader: the jar's relocated copies must not mind.
    URL[] others = java.util.stream.Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(p -> p.contains("janino") || p.contains("commons-compiler") || p.contains("calcite-core")
            || p.contains("calcite-linq4j") || p.contains("avatica-core"))
        .map(p -> {
          try {
            return Path.of(p).toUri().toURL();
          } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
          }
        })
        .toArray(URL[]::new);
    assertEquals(5, others.length, java.util.Arrays.toString(others));
    try (URLClassLoader parent = new URLClassLoader(others, ClassLoader.getPlatformClassLoader());
        URLClassLoader loader = new URLClassLoader(new URL[] {allJar().toUri().toURL()}, parent)) {
      thread.setContextClassLoader(null);
      Driver driver = (Driver) Class.forName("dev.apiquery.jdbc.Driver", true, loader).getDeclaredConstructor().newInstance();
      assertEquals(loader, driver.getClass().getClassLoader());
      try (Connection c = driver.connect(url(""), new Properties());
          Statement st = c.createStatement();
          // Expressions, a filter and a sort: Calcite generates code and compiles it with the
          // jar's relocated Janino.
          ResultSet rs = st.executeQuery("select upper(name), id * 10 from things where id > 1 order by id")) {
        assertTrue(rs.next());
        assertEquals("TWO", rs.getString(1));
        assertEquals(20, rs.getLong(2));
        assertEquals(false, rs.next());
      }
    } finally {
      thread.setContextClassLoader(saved);
    }
  }
}
