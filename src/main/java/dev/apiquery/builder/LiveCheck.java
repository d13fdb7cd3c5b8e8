package dev.apiquery.builder;

import dev.apiquery.jdbc.OptionName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code profile check --live}: {@code SELECT * FROM t LIMIT 1} through the driver, one
 * connection per file (a broken file fails only its own table).
 */
public final class LiveCheck {
  private static final Pattern REQUESTS = Pattern.compile("requests=\\[\\[(.*?)\\]\\]");

  private LiveCheck() {}

  /**
   * What one table did.
   *
   * @param table the table (the file's base name)
   * @param firstRequest the first request, as EXPLAIN shows it (method, redacted URL, paging), or null
   * @param rows rows read (0 or 1), or -1 when it failed
   * @param error the failure's message, or null
   */
  public record Result(String table, String firstRequest, int rows, String error) {}

  /** @param options the connection's options (auth, settings) */
  public static Result run(Path file, Properties options) {
    String table = file.getFileName().toString().replaceFirst("(?i)\\.rsd$", "");
    Properties props = new Properties();
    props.putAll(options);
    props.setProperty(OptionName.PROFILE.key(), file.toString());
    String sql = "SELECT * FROM \"" + table + "\" LIMIT 1";
    String first = null;
    try (Connection c = DriverManager.getConnection("jdbc:apiquery:", props); Statement st = c.createStatement()) {
      try (ResultSet plan = st.executeQuery("EXPLAIN PLAN FOR " + sql)) {
        StringBuilder text = new StringBuilder();
        while (plan.next()) {
          text.append(plan.getString(1));
        }
        Matcher m = REQUESTS.matcher(text);
        first = m.find() ? m.group(1) : null;
      }
      int rows = 0;
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          rows++;
        }
      }
      return new Result(table, first, rows, null);
    } catch (SQLException e) {
      return new Result(table, first, -1, String.valueOf(e.getMessage()));
    }
  }
}
