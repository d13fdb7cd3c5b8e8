package dev.apiquery.jdbc;

import dev.apiquery.http.ApiClient;
import dev.apiquery.http.RetryPolicy;
import dev.apiquery.profile.Profile;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.ProfileLoader;
import dev.apiquery.profile.TableDef;
import dev.apiquery.redact.Redactor;
import dev.apiquery.scan.ConnectionContext;
import dev.apiquery.sql.ApiSchema;
import dev.apiquery.sql.ScanLog;
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
    dev.apiquery.log.ConnectionLog log = ConnectionClients.log(options);
    if (log.wants(1)) { // the options' text (redacted, sorted) is work a fresh JVM notices
      log.log(1, "connected: " + options + " profile " + profile.location()
          + " (" + profile.tables().size() + " tables)");
      for (TableDef broken : profile.brokenTables()) {
        log.log(1, "table " + broken.name() + " is not usable: " + broken.failure());
      }
    }
    ScanLog scanLog = new ScanLog(log);
    ApiClient http = ConnectionClients.client(options, log);
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
}
