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
        if (name.startsWith("okhttp3/") || name.startsWith("com/fasterxml/") || name.startsWith("com/google/common/")
            || name.startsWith("kotlin/")) {
          unrelocated.add(name);
        }
      }
      assertEquals(List.of(), signatures);
      assertEquals(List.of(), unrelocated.stream().limit(5).toList());
      assertTrue(jar.getJarEntry("dev/apiquery/shaded/okhttp3/OkHttpClient.class") != null);
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
    try (URLClassLoader loader = new URLClassLoader(new URL[] {allJar().toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(null);
      Driver driver = (Driver) Class.forName("dev.apiquery.jdbc.Driver", true, loader).getDeclaredConstructor().newInstance();
      assertEquals(loader, driver.getClass().getClassLoader());
      try (Connection c = driver.connect(url(""), new Properties());
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select name from things where id > 1")) {
        assertTrue(rs.next());
        assertEquals("two", rs.getString(1));
        assertEquals(false, rs.next());
      }
    } finally {
      thread.setContextClassLoader(saved);
    }
  }
}
