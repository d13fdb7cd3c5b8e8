package dev.apiquery.export;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one export: the source query (bounded by the target's high-water mark with
 * {@code --incremental}) streamed into a {@link Target} in batches, committed at the end or not
 * at all. The rows are never held in memory beyond one batch of the target's own.
 */
public final class Exporter {
  private Exporter() {}

  /**
   * @param source an open connection to the source (usually {@code jdbc:apiquery:})
   * @return what was exported
   * @throws SQLException the export failed; the message names the target (left unchanged) and the
   *     source's failure (for an API: table, request and status)
   */
  public static ExportSummary run(Connection source, ExportRequest request, Progress progress)
      throws SQLException, IOException {
    long startNanos = System.nanoTime();
    Supplier<SourceStats> cost = SourceStats.from(source);
    try (Target target = open(request)) {
      String sql = request.incremental() == null ? request.sql() : Incremental.bound(source, request, target);
      long rows;
      try {
        rows = load(source, sql, target, request.batchSize(), progress, cost);
      } catch (SQLException | IOException | RuntimeException e) {
        // The load's writer has already rolled the target back (or never touched it).
        throw new SQLException("export into " + target.describe() + " failed, the target is unchanged: "
            + message(e), e instanceof SQLException s ? s.getSQLState() : null, e);
      }
      long millis = (System.nanoTime() - startNanos) / 1_000_000L;
      return new ExportSummary(rows, target.describe(), cost.get(), millis);
    }
  }

  private static Target open(ExportRequest r) throws SQLException {
    FileFormat format = r.fileFormat();
    if (format != null) {
      return FileTarget.open(Path.of(r.target()), format, r.mode());
    }
    return TableTarget.open(r.target(), r.targetProperties(), r.driverPath(), r.into(), r.mode());
  }

  private static long load(Connection source, String sql, Target target, int batchSize, Progress progress,
      Supplier<SourceStats> cost) throws SQLException, IOException {
    long rows = 0;
    try (Statement st = source.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<Column> columns = Column.of(meta);
      LoadPipeline pipeline = new LoadPipeline(target, columns, RowReader.of(meta, columns), batchSize);
      try {
        while (rs.next()) {
          pipeline.add(rs);
          progress.update(++rows, cost);
        }
      } catch (SQLException | IOException | RuntimeException e) {
        pipeline.abort();
        throw e;
      }
      progress.update(rows, cost);
      pipeline.finish();
    }
    return rows;
  }

  /** The column labels of a statement's result, without running it. */
  static List<Column> columnsOf(Connection source, String sql) throws SQLException {
    try (PreparedStatement ps = source.prepareStatement(sql)) {
      ResultSetMetaData meta = ps.getMetaData();
      return meta == null ? new ArrayList<>() : Column.of(meta);
    }
  }

  private static String message(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
