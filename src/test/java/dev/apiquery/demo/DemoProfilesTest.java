package dev.apiquery.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoProfilesTest {
  /** Maven runs tests in the module folder, which is a checkout. */
  private static final Path CHECKOUT = Path.of("").toAbsolutePath();

  @Test
  void extractsTheBundledFilesAndRemovesThemOnClose() throws Exception {
    Path folder;
    try (DemoProfiles profiles = DemoProfiles.extract()) {
      folder = profiles.folder();
      assertTrue(profiles.isTemporary());
      assertEquals("demo", folder.getFileName().toString());
      for (String file : DemoProfiles.FILES) {
        assertArrayEquals(resource(file), Files.readAllBytes(folder.resolve(file)), file);
      }
    }
    assertFalse(Files.exists(folder));
    assertFalse(Files.exists(folder.getParent()));
  }

  @Test
  void aCheckoutIsUsedInPlace() throws Exception {
    try (DemoProfiles profiles = DemoProfiles.locate(CHECKOUT.toString())) {
      assertFalse(profiles.isTemporary());
      assertEquals(CHECKOUT.resolve(DemoProfiles.CHECKOUT_FOLDER).normalize(), profiles.folder());
    }
    assertTrue(Files.isRegularFile(CHECKOUT.resolve(DemoProfiles.CHECKOUT_FOLDER).resolve("Customers.rsd")));
  }

  @Test
  void withoutACheckoutTheJarCopyIsUsed() throws Exception {
    Path notACheckout = Files.createTempDirectory("apiquery-not-a-checkout");
    try (DemoProfiles fromNull = DemoProfiles.locate(null);
        DemoProfiles fromElsewhere = DemoProfiles.locate(notACheckout.toString())) {
      assertTrue(fromNull.isTemporary());
      assertTrue(fromElsewhere.isTemporary());
      assertTrue(Files.isRegularFile(fromElsewhere.folder().resolve("Orders.rsd")));
    } finally {
      Files.delete(notACheckout);
    }
  }

  @Test
  void theFileListMatchesTheFolder() throws Exception {
    try (Stream<Path> files = Files.list(CHECKOUT.resolve(DemoProfiles.CHECKOUT_FOLDER))) {
      assertEquals(DemoProfiles.FILES, files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".rsd")).sorted().toList());
    }
  }

  @Test
  void theJarCarriesTheSameFilesAsSampleProfilesDemo() throws Exception {
    for (String file : DemoProfiles.FILES) {
      assertTrue(java.util.Arrays.equals(
          Files.readAllBytes(CHECKOUT.resolve(DemoProfiles.CHECKOUT_FOLDER).resolve(file)), resource(file)), file);
    }
  }

  private static byte[] resource(String file) throws Exception {
    try (InputStream in = DemoProfiles.class.getClassLoader().getResourceAsStream(DemoProfiles.RESOURCE_FOLDER + file)) {
      return in.readAllBytes();
    }
  }
}
