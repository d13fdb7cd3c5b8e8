package dev.apiquery.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Real vendor RSD files, read from outside the repository (their licences do not allow copying
 * them into it; see the folder's README): {@code -Dapiquery.vendorProfiles=DIR}, by default the
 * workplace's shared copy. Each file is installed with only the scheme and host of its
 * {@code https://...} URIs pointed at the loopback WireMock server.
 */
abstract class VendorProfileSupport extends ApiTestSupport {
  static final Path VENDOR = Path.of(System.getProperty("apiquery.vendorProfiles", "/work/shared/vendor-rsd"));
  private static final Pattern HOST = Pattern.compile("https?://[^/\"'\\s<]+");

  static Path vendorDir(String vendor) {
    Path dir = VENDOR.resolve(vendor);
    assumeTrue(Files.isDirectory(dir), "the vendor profiles are not at " + dir
        + " (set -Dapiquery.vendorProfiles to the folder described in its README)");
    return dir;
  }

  static List<String> tables(String vendor) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(vendorDir(vendor))) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rsd")).sorted()
          .forEach(n -> names.add(n.substring(0, n.length() - 4)));
    }
    return names;
  }

  /** Installs the vendor's files (all when none are named) into the test's profile folder. */
  void install(String vendor, String... names) throws IOException {
    List<String> wanted = names.length == 0 ? tables(vendor) : List.of(names);
    for (String name : wanted) {
      String text = Files.readString(vendorDir(vendor).resolve(name + ".rsd"), StandardCharsets.UTF_8);
      writeProfile(name, HOST.matcher(text).replaceAll(Matcher.quoteReplacement(base())));
    }
  }
}
