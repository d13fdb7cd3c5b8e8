package dev.apiquery.spi;

import java.sql.SQLException;
import java.util.Map;

/**
 * An authentication scheme, chosen by the {@code AuthScheme} option (matched case-insensitively
 * with {@link #scheme()}). Implementations are found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.apiquery.spi.AuthPlugin} on the driver's class path; every
 * connection gets its own instance, so an instance may keep state (a token).
 *
 * <p>Credentials a plugin adds are only sent to hosts allowed to receive them: the hosts of the
 * profile's URIs and {@code AllowedHosts}.
 */
public interface AuthPlugin {
  /** The {@code AuthScheme} value this plugin answers, such as {@code Basic}. */
  String scheme();

  /**
   * Called once when the connection opens.
   *
   * @param options every connection option, secret references already resolved (keys
   *     case-insensitive)
   * @throws SQLException (SQLState 08001 or 28000) when the options are not enough; the message
   *     must not contain a secret
   */
  void configure(Map<String, String> options) throws SQLException;

  /** Called when a query starts, before its first request: the moment to refresh a token. */
  default void beforeQuery() throws SQLException {}

  /** Adds credentials to a request bound for an allowed host. */
  void authenticate(AuthRequest request) throws SQLException;

  /**
   * Told of a 401 answer. Return true after re-authenticating, and the request is sent once more
   * (once); false lets the query fail.
   */
  default boolean onUnauthorized() throws SQLException {
    return false;
  }

  /**
   * The current access token, which replaces {@code ${access_token}} in {@code CustomHeaders} and
   * {@code CustomUrlParams}; null when the scheme has none.
   */
  default String accessToken() throws SQLException {
    return null;
  }
}
