package dev.apiquery.export;

import dev.apiquery.scan.ScanCounts;
import dev.apiquery.sql.ScanLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;

/**
 * What the export cost the API: requests and pages, from the source connection's scan log (the
 * table behind {@code apiquery.scans}), which counts running scans too, so the progress line shows
 * them while the export runs. A source that is not apiquery has no scan log, and its costs are
 * unknown.
 *
 * @param requests HTTP requests sent
 * @param pages pages read
 */
public record SourceStats(long requests, long pages) {
  private static final String SCHEMA = "apiquery";
  private static final String TABLE = "scans";

  /**
   * The costs from now on, read live each time it is asked; it answers null when the source has
   * no scan log.
   */
  static Supplier<SourceStats> from(Connection source) {
    ScanLog log = scanLog(source);
    if (log == null) {
      return () -> null;
    }
    ScanCounts before = log.counts();
    return () -> {
      ScanCounts now = log.counts().since(before);
      return new SourceStats(now.requests(), now.pages());
    };
  }

  private static ScanLog scanLog(Connection source) {
    try {
      if (!source.isWrapperFor(CalciteConnection.class)) {
        return null;
      }
      SchemaPlus schema = source.unwrap(CalciteConnection.class).getRootSchema().getSubSchema(SCHEMA);
      Table table = schema == null ? null : schema.tables().get(TABLE);
      return table instanceof ScanLog log ? log : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
