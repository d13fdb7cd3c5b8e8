package dev.apiquery.jdbc;

import java.sql.DriverPropertyInfo;
import java.util.Properties;

/**
 * The options a SQL client's "driver properties" tab lists, instead of Calcite's own (LEX,
 * CASE_SENSITIVE, ...), which mean nothing to an apiquery user.
 */
final class OptionInfo {
  private OptionInfo() {}

  private static final String[][] OPTIONS = {
    {"Profile", "A folder of .rsd files, a single .rsd file or a CData .apip archive", "true"},
    {"ProfileSettings", "Nested k=v;k=v settings the profile reads as [_connection.k]", "false"},
    {"Schema", "Schema name the tables appear under (default: the profile's folder name)", "false"},
    {"CustomHeaders", "Extra request headers, 'Name: value', one per line", "false"},
    {"CustomUrlParams", "Extra query parameters a=1&b=2 added to every request", "false"},
    {"AuthScheme", "None, Basic, Bearer, OAuth or a plugged-in scheme", "false"},
    {"User", "User name (Basic auth, OAuth password grant)", "false"},
    {"Password", "Password (Basic auth, OAuth password grant)", "false"},
    {"Timeout", "Seconds for one HTTP exchange (default 60)", "false"},
    {"MaxPages", "Fail a query that needs more pages than this (default 100000)", "false"},
    {"ProxyServer", "HTTP proxy host", "false"},
    {"ProxyPort", "HTTP proxy port", "false"},
    {"ProxyUser", "HTTP proxy user", "false"},
    {"ProxyPassword", "HTTP proxy password", "false"},
    {"SSLServerCert", "PEM file or folder of extra trusted certificates", "false"},
  };

  static DriverPropertyInfo[] describe(Properties given) {
    DriverPropertyInfo[] infos = new DriverPropertyInfo[OPTIONS.length];
    for (int i = 0; i < OPTIONS.length; i++) {
      String name = OPTIONS[i][0];
      DriverPropertyInfo info = new DriverPropertyInfo(name, given == null ? null : given.getProperty(name));
      info.description = OPTIONS[i][1];
      info.required = Boolean.parseBoolean(OPTIONS[i][2]);
      infos[i] = info;
    }
    return infos;
  }
}
