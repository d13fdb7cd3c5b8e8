package dev.apiquery.jdbc;

import java.sql.DriverPropertyInfo;
import java.util.Map;
import java.util.Properties;

/**
 * The options a SQL client's "driver properties" tab lists: every apiquery option with its
 * default, instead of Calcite's own (LEX, CASE_SENSITIVE, ...), which mean nothing here.
 */
final class OptionInfo {
  private OptionInfo() {}

  private static final Map<OptionName, String> DESCRIPTIONS = Map.ofEntries(
      Map.entry(OptionName.PROFILE, "A folder of .rsd files, a single .rsd file or a CData .apip archive"),
      Map.entry(OptionName.PROFILE_SETTINGS, "Nested k=v;k=v settings the profile reads as [_connection.k]"),
      Map.entry(OptionName.SCHEMA, "Schema name the tables appear under (default: the profile's folder name)"),
      Map.entry(OptionName.CUSTOM_HEADERS, "Extra request headers, 'Name: value', one per line"),
      Map.entry(OptionName.CUSTOM_URL_PARAMS, "Extra query parameters a=1&b=2 added to every request"),
      Map.entry(OptionName.AUTH_SCHEME, "None, Basic, Bearer, OAuth or a plugged-in scheme"),
      Map.entry(OptionName.USER, "User name (Basic auth, OAuth password grant)"),
      Map.entry(OptionName.PASSWORD, "Password (Basic auth, OAuth password grant)"),
      Map.entry(OptionName.OAUTH_GRANT_TYPE, "REFRESH, CLIENT or PASSWORD"),
      Map.entry(OptionName.OAUTH_SETTINGS_LOCATION, "File or memory://id where OAuth tokens are kept"),
      Map.entry(OptionName.TIMEOUT, "Seconds for one HTTP exchange"),
      Map.entry(OptionName.MAX_RETRIES, "Retries of a page on 429, 502, 503, 504 and I/O failures"),
      Map.entry(OptionName.MAX_RETRY_WAIT, "Longest single wait before a retry, seconds"),
      Map.entry(OptionName.RATE_LIMIT, "Requests per second per host, shared by the JVM (0 = off)"),
      Map.entry(OptionName.MAX_CONCURRENT_REQUESTS, "Pages fetched at once where paging allows it"),
      Map.entry(OptionName.MAX_PAGES, "Fail a query that needs more pages than this"),
      Map.entry(OptionName.ALLOWED_HOSTS, "Extra hosts that may receive credentials"),
      Map.entry(OptionName.LOGFILE, "The connection's log file"),
      Map.entry(OptionName.VERBOSITY, "Log level 1-5"),
      Map.entry(OptionName.SSL_SERVER_CERT, "PEM file or folder of extra trusted certificates"));

  static DriverPropertyInfo[] describe(Properties given) {
    OptionName[] options = OptionName.values();
    DriverPropertyInfo[] infos = new DriverPropertyInfo[options.length];
    for (int i = 0; i < options.length; i++) {
      OptionName option = options[i];
      String value = given == null ? null : given.getProperty(option.key());
      DriverPropertyInfo info = new DriverPropertyInfo(option.key(), value != null ? value : option.defaultValue());
      info.description = DESCRIPTIONS.getOrDefault(option, "See docs/options.md");
      info.required = option == OptionName.PROFILE;
      infos[i] = info;
    }
    return infos;
  }
}
