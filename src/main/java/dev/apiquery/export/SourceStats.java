package dev.apiquery.export;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the export cost the API: requests and pages, from the source connection's
 * {@code apiquery.scans} table (one row per finished scan). A source that is not apiquery has no
 * such table, and its costs are unknown.
 *
 * @param requests HTTP requests sent
 * @param pages pages read
 */
public record SourceStats(long requests, long pages) {

  /** The id of the newest finished scan (0 for none), or null when the source has no scan log. */
  static Long lastScanId(Connection source) {
    try (Statement st = source.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(scan_id), 0) FROM apiquery.scans")) {
      return rs.next() ? rs.getLong(1) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** The costs of the scans after {@code before}, or null when unknown. */
  static SourceStats since(Connection source, Long before) {
    if (before == null) {
      return null;
    }
    try (Statement st = source.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(requests), 0), COALESCE(SUM(pages), 0) "
            + "FROM apiquery.scans WHERE scan_id > " + before)) {
      return rs.next() ? new SourceStats(rs.getLong(1), rs.getLong(2)) : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
