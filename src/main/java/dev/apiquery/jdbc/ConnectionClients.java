package dev.apiquery.jdbc;

import dev.apiquery.auth.AuthPlugins;
import dev.apiquery.http.ApiClient;
import dev.apiquery.log.ConnectionLog;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The log and the HTTP client (auth plugin, custom headers and parameters, proxy, certificates)
 * that a set of connection options makes. One place, used by every connection and by tools that
 * talk to an API with a connection's options before a profile exists ({@code profile new}).
 */
public final class ConnectionClients {
  private ConnectionClients() {}

  /** {@code Logfile} and {@code Verbosity}, redacted with the options' secrets. */
  public static ConnectionLog log(ConnectionOptions options) throws SQLException {
    String logfile = options.get(OptionName.LOGFILE);
    return logfile == null ? ConnectionLog.NONE
        : new ConnectionLog(Path.of(logfile), options.getInt(OptionName.VERBOSITY), options.redactor());
  }

  /**
   * A client with the options' auth plugin ({@code AuthScheme}, also from {@code ProfileSettings}),
   * timeout, {@code CustomHeaders}, {@code CustomUrlParams}, {@code AllowedHosts}, proxy and
   * {@code SSLServerCert}.
   *
   * @throws SQLException (08001) when the auth scheme is unknown or its options are not enough
   */
  public static ApiClient client(ConnectionOptions options, ConnectionLog log) throws SQLException {
    ApiClient.Builder builder = ApiClient.builder()
        .auth(AuthPlugins.open(options.effective(OptionName.AUTH_SCHEME.key()), options.connectionValues()))
        .allowedHosts(allowedHosts(options.get(OptionName.ALLOWED_HOSTS)))
        .timeoutMillis(options.getInt(OptionName.TIMEOUT) * 1000L)
        .customHeaders(options.customHeaders())
        .customUrlParams(options.customUrlParams())
        .redactor(options.redactor())
        .log(log);
    String proxy = options.get(OptionName.PROXY_SERVER);
    if (proxy != null) {
      builder.proxy(proxy, options.getInt(OptionName.PROXY_PORT.key(), 80),
          options.get(OptionName.PROXY_USER), options.get(OptionName.PROXY_PASSWORD));
    }
    String cert = options.get(OptionName.SSL_SERVER_CERT);
    if (cert != null) {
      builder.trustedCertificates(Path.of(cert));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new SQLException(e.getMessage(), "08001", e);
    }
  }

  private static List<String> allowedHosts(String value) {
    return value == null ? List.of() : Arrays.asList(value.split(","));
  }
}
