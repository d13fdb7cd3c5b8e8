package dev.apiquery.auth;

import dev.apiquery.spi.AuthPlugin;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the plugin an {@code AuthScheme} names and gives the connection its own instance. */
public final class AuthPlugins {
  private AuthPlugins() {}

  /**
   * A configured plugin for the scheme; {@code None} when unset.
   *
   * @throws SQLException (08001) naming the scheme and the ones available, when none matches
   */
  public static AuthPlugin open(String scheme, Map<String, String> options) throws SQLException {
    String wanted = scheme == null || scheme.isBlank() ? "None" : scheme.trim();
    List<String> available = new ArrayList<>();
    // The driver's own loader, never the thread's: DBeaver and Spark load drivers in their own.
    for (ServiceLoader.Provider<AuthPlugin> provider
        : ServiceLoader.load(AuthPlugin.class, AuthPlugin.class.getClassLoader()).stream().toList()) {
      AuthPlugin plugin = provider.get(); // a new instance: plugins keep per-connection state
      if (plugin.scheme().equalsIgnoreCase(wanted)) {
        plugin.configure(options);
        return plugin;
      }
      available.add(plugin.scheme());
    }
    throw new SQLException("AuthScheme '" + wanted + "' is not available; available: " + available
        + (wanted.toLowerCase(java.util.Locale.ROOT).startsWith("oauth")
            ? " (OAuth is the OAuth 2.0 scheme: AuthScheme=OAuth)" : ""),
        "08001");
  }
}
