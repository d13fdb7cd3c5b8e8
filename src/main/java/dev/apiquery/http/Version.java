package dev.apiquery.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The driver's version, from the Maven-filtered {@code apiquery-version.properties}. */
public final class Version {
  private Version() {}

  public static final String VERSION = load();

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/apiquery/apiquery-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "0.0.0");
      }
    } catch (IOException e) {
      // fall through: an unknown version is not worth failing a connection over
    }
    return "0.0.0";
  }

  /** Major version number, for {@code DatabaseMetaData}. */
  public static int major() {
    return part(0);
  }

  /** Minor version number, for {@code DatabaseMetaData}. */
  public static int minor() {
    return part(1);
  }

  private static int part(int index) {
    String[] parts = VERSION.split("[.-]");
    try {
      return parts.length > index ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
