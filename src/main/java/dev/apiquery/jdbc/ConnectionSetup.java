package dev.apiquery.jdbc;

import dev.apiquery.http.ApiClient;
import dev.apiquery.http.RetryPolicy;
import dev.apiquery.profile.Profile;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.ProfileLoader;
import dev.apiquery.redact.Redactor;
import dev.apiquery.scan.ConnectionContext;
import dev.apiquery.sql.ApiSchema;
import dev.apiquery.sql.ScanLog;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.calcite.jdbc.CalciteConnection;

/** Loads the profile of a new connection and installs it as the connection's default schema. */
final class ConnectionSetup {
  private ConnectionSetup() {}

  static void attach(CalciteConnection connection, ConnectionOptions options) throws SQLException {
    String location = options.get(OptionName.PROFILE);
    if (location == null) {
      throw new SQLException(
          "The Profile option is required: a folder of .rsd files, a single .rsd file or an .apip "
              + "archive, e.g. jdbc:apiquery:Profile=/path/to/profiles",
          "08001");
    }
    Profile profile;
    try {
      profile = ProfileLoader.load(location);
    } catch (ProfileException e) {
      throw new SQLException("Cannot load profile: " + e.getMessage(), "08001", e);
    }
    Redactor redactor = options.redactor();
    String logfile = options.get(OptionName.LOGFILE);
    dev.apiquery.log.ConnectionLog log = logfile == null ? dev.apiquery.log.ConnectionLog.NONE
        : new dev.apiquery.log.ConnectionLog(Path.of(logfile), options.getInt(OptionName.VERBOSITY), redactor);
    log.log(1, "connected: " + options + " profile " + profile.location()
        + " (" + profile.tables().size() + " tables)");
    ScanLog scanLog = new ScanLog(log);
    ApiClient http = buildClient(options, redactor, log);
    ConnectionContext context = new ConnectionContext(
        options.connectionValues(),
        http,
        options.getInt(OptionName.TIMEOUT) * 1000L,
        options.getInt(OptionName.MAX_PAGES),
        options.getInt(OptionName.MAX_CONCURRENT_REQUESTS),
        scanLog,
        new RetryPolicy(options.getInt(OptionName.MAX_RETRIES), options.getInt(OptionName.MAX_RETRY_WAIT) * 1000L,
            RetryPolicy.DEFAULT_BASE_MILLIS),
        options.getDouble("RateLimit", 0));
    String schemaName = options.get(OptionName.SCHEMA);
    if (schemaName == null) {
      schemaName = profile.defaultSchemaName();
    }
    connection.getRootSchema().add(schemaName, new ApiSchema(profile, context));
    connection.setSchema(schemaName);
    // What each query cost: SELECT * FROM apiquery.scans.
    connection.getRootSchema().add("apiquery", new org.apache.calcite.schema.impl.AbstractSchema() {
      @Override
      protected java.util.Map<String, org.apache.calcite.schema.Table> getTableMap() {
        return java.util.Map.of("scans", scanLog);
      }
    });
  }

  private static java.util.List<String> allowedHosts(String value) {
    return value == null ? java.util.List.of() : java.util.Arrays.asList(value.split(","));
  }

  private static ApiClient buildClient(ConnectionOptions options, Redactor redactor,
      dev.apiquery.log.ConnectionLog log) throws SQLException {
    ApiClient.Builder builder = ApiClient.builder()
        .auth(dev.apiquery.auth.AuthPlugins.open(options.effective("AuthScheme"), options.connectionValues()))
        .allowedHosts(allowedHosts(options.get(OptionName.ALLOWED_HOSTS)))
        .timeoutMillis(options.getInt(OptionName.TIMEOUT) * 1000L)
        .customHeaders(options.customHeaders())
        .customUrlParams(options.customUrlParams())
        .redactor(redactor)
        .log(log);
    String proxy = options.get(OptionName.PROXY_SERVER);
    if (proxy != null) {
      builder.proxy(proxy, options.getInt("ProxyPort", 80), options.get(OptionName.PROXY_USER), options.get(OptionName.PROXY_PASSWORD));
    }
    String cert = options.get(OptionName.SSL_SERVER_CERT);
    if (cert != null) {
      builder.trustedCertificates(Path.of(cert));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new SQLException(e.getMessage(), "08001", e);
    }
  }
}
