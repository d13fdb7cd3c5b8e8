package dev.apiquery.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the demo's RSD profiles are. There is one copy of them, in the repository at
 * {@value #CHECKOUT_FOLDER}; the build copies it into the jar at {@value #RESOURCE_FOLDER}. Run from a checkout (the
 * {@code apiquery.home} system property, set by {@code bin/apiquery}) the demo reads that folder
 * directly, so edits show without a rebuild; otherwise the files are extracted from the jar into a
 * temporary folder that {@link #close()} removes.
 */
public final class DemoProfiles implements AutoCloseable {
  /** Classpath folder of the bundled profiles. */
  public static final String RESOURCE_FOLDER = "dev/apiquery/demo/profiles/";
  /** The same folder in a checkout of the repository. */
  public static final String CHECKOUT_FOLDER = "sample-profiles/demo/";
  /** The profile files; a jar cannot be listed portably, so they are named here. */
  public static final List<String> FILES = List.of("Customers.rsd", "Orders.rsd", "Products.rsd");

  private final Path folder;
  private final Path temporaryRoot;

  private DemoProfiles(Path folder, Path temporaryRoot) {
    this.folder = folder;
    this.temporaryRoot = temporaryRoot;
  }

  /**
   * The checkout's folder when {@code home} is a checkout holding every profile file, else a
   * temporary copy of the bundled files.
   *
   * @param home the repository folder, or null
   */
  public static DemoProfiles locate(String home) throws IOException {
    if (home != null && !home.isBlank()) {
      Path checkout = Path.of(home).resolve(CHECKOUT_FOLDER);
      if (FILES.stream().allMatch(f -> Files.isRegularFile(checkout.resolve(f)))) {
        return new DemoProfiles(checkout.toAbsolutePath().normalize(), null);
      }
    }
    return extract();
  }

  /** Copies the bundled profiles into a new temporary folder named {@code demo}. */
  public static DemoProfiles extract() throws IOException {
    Path root = Files.createTempDirectory("apiquery-demo-");
    Path target = Files.createDirectory(root.resolve("demo"));
    try {
      for (String file : FILES) {
        try (InputStream in = DemoProfiles.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + file)) {
          if (in == null) {
            throw new IOException("missing bundled profile " + RESOURCE_FOLDER + file);
          }
          Files.copy(in, target.resolve(file));
        }
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(root);
      throw e;
    }
    return new DemoProfiles(target, root);
  }

  /** The folder to pass as {@code Profile=}. */
  public Path folder() {
    return folder;
  }

  /** Whether the folder is a temporary copy that {@link #close()} deletes. */
  public boolean isTemporary() {
    return temporaryRoot != null;
  }

  @Override
  public void close() throws IOException {
    if (temporaryRoot != null) {
      deleteTree(temporaryRoot);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
