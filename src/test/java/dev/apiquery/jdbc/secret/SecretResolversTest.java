package dev.apiquery.jdbc.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolversTest {
  @TempDir Path dir;

  @Test
  void findsPluginsWithoutTheContextClassLoader() throws IOException {
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    // a context loader that sees nothing, as in a plug-in host
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      thread.setContextClassLoader(empty);
      SecretResolvers found = SecretResolvers.discover();
      assertTrue(
          found.schemes().containsAll(Set.of("env", "file", "sysprop", "test")),
          found.schemes().toString());
      thread.setContextClassLoader(null);
      assertTrue(SecretResolvers.discover().schemes().contains("test"));
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  @Test
  void builtInsCannotBeReplacedAndLookupIgnoresCase() {
    SecretResolvers r = SecretResolvers.defaults();
    assertInstanceOf(EnvSecretResolver.class, r.find("ENV"));
    assertInstanceOf(TestSecretResolver.class, r.find("Test"));
    assertNull(r.find("vault"));
    assertNull(r.find(null));
  }

  @Test
  void ofAddsExtrasAfterBuiltIns() {
    SecretResolvers r = SecretResolvers.of(List.of(new TestSecretResolver()));
    assertEquals(Set.of("env", "file", "sysprop", "test"), r.schemes());
  }

  @Test
  void fileResolverRejectsHugeFilesAndFolders() throws IOException {
    FileSecretResolver files = new FileSecretResolver();
    Path big = dir.resolve("big");
    Files.write(big, new byte[FileSecretResolver.MAX_BYTES + 1]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> files.resolve(big.toString()));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> files.resolve(dir.toString()));
    assertThrows(IllegalArgumentException.class, () -> files.resolve(" "));
  }

  @Test
  void fileResolverExpandsHome() throws IOException {
    Path home = Path.of(System.getProperty("user.home"));
    assumeTrue(Files.isWritable(home), "home folder is not writable here");
    Path file = Files.createTempFile(home, "apiquery-secret", ".txt");
    try {
      Files.writeString(file, "home-secret\n");
      assertEquals("home-secret", new FileSecretResolver().resolve("~/" + file.getFileName()));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void envAndSyspropRejectEmptyNames() {
    assertThrows(IllegalArgumentException.class, () -> new EnvSecretResolver().resolve(""));
    assertThrows(IllegalArgumentException.class, () -> new SyspropSecretResolver().resolve(" "));
  }
}
