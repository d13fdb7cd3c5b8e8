package dev.apiquery.export;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Opens the target database: through {@link DriverManager} (the drivers on the CLI's class path:
 * DuckDB, H2), or through the drivers of {@code --driver-path} jars, which are asked directly
 * because DriverManager ignores drivers of a class loader its caller cannot see.
 */
final class TargetDrivers {
  private TargetDrivers() {}

  static Connection open(String url, Properties properties, List<Path> driverPath) throws SQLException {
    if (driverPath.isEmpty()) {
      return DriverManager.getConnection(url, properties);
    }
    URL[] urls = new URL[driverPath.size()];
    for (int i = 0; i < urls.length; i++) {
      Path jar = driverPath.get(i);
      if (!Files.isReadable(jar)) {
        throw new SQLException("--driver-path " + jar + ": no such file", "08001");
      }
      try {
        urls[i] = jar.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new SQLException("--driver-path " + jar + ": " + e.getMessage(), "08001", e);
      }
    }
    // Kept open for the life of the process: the driver's classes load lazily while it runs.
    @SuppressWarnings("resource")
    URLClassLoader loader = new URLClassLoader(urls, TargetDrivers.class.getClassLoader());
    for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
      if (driver.getClass().getClassLoader() == loader && driver.acceptsURL(url)) {
        Connection c = driver.connect(url, properties);
        if (c != null) {
          return c;
        }
      }
    }
    try {
      loader.close();
    } catch (IOException e) {
      // nothing was loaded from it that needs releasing
    }
    throw new SQLException("no driver in --driver-path " + driverPath + " accepts the URL "
        + scheme(url), "08001");
  }

  /** {@code jdbc:postgresql:} of a URL: enough to say which driver was wanted, never a password. */
  static String scheme(String url) {
    int second = url.indexOf(':', url.indexOf(':') + 1);
    return second > 0 ? url.substring(0, second + 1) : url;
  }
}
