package dev.apiquery.jdbc;

import dev.apiquery.http.Version;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.ApiQueryMetaImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import dev.apiquery.sql.MaxRowsPrepare;

/**
 * The {@code jdbc:apiquery:} driver: Calcite's driver with apiquery's options, a profile as the
 * default schema, SQL that matches unquoted names case-insensitively, and metadata from the
 * profile.
 */
public class Driver extends org.apache.calcite.jdbc.Driver {
  public static final String PREFIX = "jdbc:apiquery:";

  static {
    new Driver().register();
  }

  public Driver() {
    super();
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return "org.apache.calcite.jdbc.ApiQueryJdbcFactory";
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion(
        "apiquery JDBC Driver", Version.VERSION, "apiquery", Version.VERSION, true,
        Version.major(), Version.minor(), Version.major(), Version.minor());
  }

  @Override
  public CalcitePrepare createPrepare() {
    return new MaxRowsPrepare();
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return ApiQueryMetaImpl.create(connection);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || !acceptsURL(url)) {
      return null;
    }
    ConnectionOptions options = ConnectionOptions.parse(url.substring(PREFIX.length()), info);
    // Calcite sees only its own settings; apiquery's options never reach its property parser
    // (CData's Schema, Timeout... would collide with Calcite's names). The URL it keeps, and
    // DatabaseMetaData.getURL() returns, is the redacted one.
    AvaticaConnection connection =
        factory.newConnection(this, factory, options.redactedUrl(url), CalciteSettings.properties());
    try {
      handler.onConnectionInit(connection);
      ConnectionSetup.attach((CalciteConnection) connection, options);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return OptionInfo.describe(info);
  }
}
